import mammoth from 'mammoth';
import { Errors } from '../domain/errors.js';
import type { ExtractedText } from './extracted-text.js';
import { readMammothHtml } from './read-mammoth-html.js';

/**
 * A Word document's paragraphs and footnotes, through mammoth's HTML (which keeps footnotes,
 * unlike its raw text). The zip was inflated under limits before (zip-guard.ts). External files
 * stay closed: a .docx may point at server paths.
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
  return readMammothHtml(html);
}
