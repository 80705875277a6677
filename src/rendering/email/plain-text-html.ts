/**
 * The secretariat's message is plain text. In the HTML part every character of it is text:
 * escaped, line breaks kept as <br>, and bare http, https and mailto addresses made links.
 * Nothing else becomes markup: `<script>`, `<img src=...>` and `javascript:` stay words.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// An address runs to the next space, quote or angle bracket; a closing punctuation mark after
// it ends the sentence, not the address.
const ADDRESS = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}]+$/;

function linkify(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(ADDRESS)) {
    const address = match[0].replace(TRAILING, '');
    // `http://` alone, or `mailto:` with nobody after it, is not an address.
    if (!/^(?:https?:\/\/[^/?#\s]+|mailto:[^?\s]+)/i.test(address)) continue;
    html += escapeHtml(line.slice(last, match.index));
    html += `<a href="${escapeHtml(address)}">${escapeHtml(address)}</a>`;
    last = match.index + address.length;
  }
  return html + escapeHtml(line.slice(last));
}

/** The HTML of a plain-text message: escaped, linked, one `<br>` per line break. */
export function plainTextToHtml(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(linkify)
    .join('<br>\n');
}
