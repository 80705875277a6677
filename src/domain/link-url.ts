/**
 * The one rule for links in note content, wherever they appear (typed JSON, an uploaded draft's
 * `[source: ...]`, the HTML page, the PDF): `http`, `https` or `mailto`, nothing else. A
 * `javascript:` or `data:` link in a document that many people open is an attack, not a source.
 */
export const ALLOWED_URL_SCHEMES = ['http', 'https', 'mailto'] as const;

/** The longest link a note may hold (the API's schema says the same). */
export const MAX_URL_LENGTH = 2000;

// Whitespace or control characters inside a link would let browsers and PDF readers see a
// different scheme than the one checked here (`java\tscript:`, a leading space).
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\s\u0000-\u001f\u007f]/;

/**
 * True when `url` is a link agendum may store, show or write into a PDF: an allowed scheme
 * spelled at the very start, no whitespace or control characters, at most 2,000 characters,
 * and parseable as a URL (with a host for http and https).
 */
export function isAllowedUrl(url: string): boolean {
  if (url.length === 0 || url.length > MAX_URL_LENGTH || UNSAFE_CHARACTERS.test(url)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (!scheme || !(ALLOWED_URL_SCHEMES as readonly string[]).includes(scheme)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${scheme}:` && (scheme === 'mailto' || parsed.hostname !== '');
  } catch {
    return false;
  }
}

/** A link as shown in a message: cut short, so a hostile one cannot fill the screen. */
export const quoteUrl = (url: string) => JSON.stringify(url.length > 60 ? `${url.slice(0, 57)}...` : url);
