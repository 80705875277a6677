import mammoth from 'mammoth';
import { Errors } from '../domain/errors.js';
import type { ExtractedText } from './parse-cover-note.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decode = (html: string) =>
  html.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
const stripTags = (html: string) =>
  decode(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A Word document's paragraphs and footnotes, through mammoth's HTML (which keeps footnotes,
 * unlike its raw text). The HTML is mammoth's own, regular output, read with a few patterns.
 * External files stay closed: a .docx may point at server paths.
 */
export async function extractDocx(bytes: Buffer): Promise<ExtractedText> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml(
      { buffer: bytes },
      // Images are not part of a cover note's text: no base64 copy of each one in the HTML.
      { externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    ));
  } catch (error) {
    throw Errors.badUpload(`The Word file cannot be read: ${(error as Error).message.split('\n')[0]}.`);
  }
  const order: string[] = [];
  const footnotes: string[] = [];
  html = html.replace(/<li id="((?:foot|end)note-[^"]+)">([\s\S]*?)<\/li>/g, (_, id: string, body: string) => {
    order.push(id);
    footnotes.push(stripTags(body.replace(/<a href="#(?:foot|end)note-ref-[^"]*">[\s\S]*?<\/a>/g, '')));
    return '';
  });
  html = html.replace(/<sup><a href="#((?:foot|end)note-[^"]+)" id="[^"]*">[\s\S]*?<\/a><\/sup>/g, (_, id: string) => {
    const n = order.indexOf(id) + 1;
    return n > 0 ? `[^${n}]` : '';
  });
  const lines = html
    .split(/<\/(?:p|h[1-6]|li|td)>|<br\s*\/?>/)
    .map(stripTags)
    .filter((line) => line !== '');
  return { lines, wrapped: false, footnotes };
}
