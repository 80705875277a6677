import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { AgendumError, Errors } from '../domain/errors.js';
import { FilePurpose } from '../domain/file-purpose.js';
import { assertPlainPdf } from './pdf-active-content.js';

/**
 * An annex is merged into the packet later: it must survive exactly what the merge does (load,
 * read every page's size, copy the pages into another document), or it is refused now.
 */
export async function assertMergeablePdf(bytes: Buffer): Promise<void> {
  try {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    const target = await PDFDocument.create();
    const pages = await target.copyPages(source, source.getPageIndices());
    if (pages.length === 0) throw new Error('no pages');
    assertPlainPdf(source, FilePurpose.annex);
    for (const page of pages) {
      // What the merge reads of every page: its boxes, its resources and its content streams.
      page.getSize();
      page.getCropBox();
      page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      page.node.Contents();
    }
  } catch (error) {
    if (error instanceof AgendumError) throw error;
    const encrypted = /encrypt/i.test((error as Error).message);
    throw Errors.badUpload(
      encrypted
        ? 'The PDF is encrypted; annexes are merged into the packet and must not be.'
        : 'The PDF is damaged and cannot be merged into the packet.',
    );
  }
}
