/** The page a sign-in returns to when `next` is missing or not one of ours. */
export const DEFAULT_PAGE = '/meetings';

// As sent: one slash, then printable ASCII but for a backslash (browsers read `/\evil.example`
// as `//evil.example`); no second slash after the first, no space, no control character
// (browsers drop tabs and line breaks from URLs, which would rejoin `/<TAB>/evil.example`).
const SENT = /^\/(?![/\\])[!-[\]-~]*$/;
// Once decoded, it must still start as a path of ours and hold no control character.
const DECODED = /^\/(?![/\\])/;
const hasControl = (text: string) => [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * Where to go after signing in: `next` when it is a path on this site, checked as sent and once
 * percent-decoded (`/%5Cevil.example/x` decodes to `/\evil.example/x`); else the default page.
 */
export function pageAfterSignIn(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000 || !SENT.test(next)) return DEFAULT_PAGE;
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return DEFAULT_PAGE;
  }
  return DECODED.test(decoded) && !hasControl(decoded) ? next : DEFAULT_PAGE;
}
