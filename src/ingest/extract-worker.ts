import { AgendumError } from '../domain/errors.js';
import { extractPdf } from './extract-pdf.js';
import type { ExtractedText } from './extracted-text.js';

/**
 * The entry point of a PDF-reading thread (extract-pool.ts). A refusal (a damaged PDF, one with
 * no text) is the user's mistake, not a crash: it comes back as a value, because an error
 * crossing threads loses its class.
 */
export type ExtractOutcome =
  | { extracted: ExtractedText }
  | { refused: { code: `AGENDUM_${string}`; status: number; title: string; detail: string } };

export default async function extract(bytes: Uint8Array): Promise<ExtractOutcome> {
  try {
    return { extracted: await extractPdf(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
  } catch (error) {
    if (!(error instanceof AgendumError)) throw error;
    const { code, status, title, message } = error;
    return { refused: { code: code as `AGENDUM_${string}`, status, title, detail: message } };
  }
}
