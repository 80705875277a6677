import { PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import { fonts } from './fonts.js';
import { drawPart, layoutPart, type BlockTag, type Part } from './page-drawing.js';
import { body, leftAligned, title } from './page-style.js';
import type { Block } from './paginate.js';
import { PdfWriter } from './pdf-writer.js';
import { typesetParagraph } from './typeset.js';

/**
 * The addendum: a cover listing each change since a packet with its reason and the page where
 * it starts, then the documents of the changes (redlines, new notes, new annexes), one bookmark
 * per change. The cover is laid out like every other page (pdfkit); the documents, already
 * rendered, are appended by pdf-lib, which also writes the bookmarks.
 */
export interface AddendumView {
  documentTitle: string;
  lang: string;
  heading: string;
  intro: string;
  changes: { summary: string; reason: string | null; documents: { title: string; bytes: Uint8Array }[] }[];
}

const para = (text: string, style = body, space = 6): Block<BlockTag> => ({
  lines: typesetParagraph(fonts(), [{ text, style }], leftAligned),
  spaceBefore: space,
  spaceAfter: 6,
  indent: 0,
  keepTogether: true,
  tag: { type: style === title ? 'H1' : 'P' },
});

/** The cover's lines: `1. <what changed> Reason: <why>. Page 3.` */
function coverPart(view: AddendumView, pages: readonly number[]): Part {
  const lines = view.changes.map((change, i) => {
    const reason = change.reason ? ` Reason: ${change.reason}` : '';
    return para(`${i + 1}. ${change.summary}${reason} Page ${pages[i]}.`);
  });
  return layoutPart([para(view.heading, title, 0), para(view.intro, body, 12), ...lines]);
}

async function renderCover(view: AddendumView, pages: readonly number[], now: Date): Promise<Buffer> {
  const writer = new PdfWriter({ title: view.documentTitle, lang: view.lang, createdAt: now });
  const part = coverPart(view, pages);
  drawPart(writer, part, { parent: writer.root, isDraft: false, footer: () => ({ left: view.heading, centre: null }) });
  return writer.finish();
}

/** The 1-based first page of each change: on the cover when it brings no document. */
function firstPages(coverPages: number, counts: readonly number[][]): number[] {
  let next = coverPages + 1;
  return counts.map((docs) => {
    if (docs.length === 0) return 1;
    const first = next;
    next += docs.reduce((sum, n) => sum + n, 0);
    return first;
  });
}

/** One bookmark per change, in order, each opening the page where the change starts. */
function addBookmarks(doc: PDFDocument, titles: readonly string[], pages: readonly number[]): void {
  const { context } = doc;
  const root = context.nextRef();
  const refs = titles.map(() => context.nextRef());
  titles.forEach((text, i) => {
    const item = context.obj({ Parent: root, Dest: [doc.getPage(pages[i]! - 1).ref, PDFName.of('Fit')] });
    item.set(PDFName.of('Title'), PDFHexString.fromText(text));
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]!);
    context.assign(refs[i]!, item);
  });
  const outlines = context.obj({ Type: 'Outlines' });
  if (refs.length > 0) {
    outlines.set(PDFName.of('First'), refs[0] as PDFRef);
    outlines.set(PDFName.of('Last'), refs.at(-1) as PDFRef);
    outlines.set(PDFName.of('Count'), PDFNumber.of(refs.length));
  }
  context.assign(root, outlines);
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** The addendum PDF. Pure: the same view and `now` give the same bytes. */
export async function renderAddendumPdf(view: AddendumView, options: { now: Date }): Promise<Buffer> {
  const loaded = await Promise.all(
    view.changes.map((change) =>
      Promise.all(change.documents.map((d) => PDFDocument.load(d.bytes, { updateMetadata: false }))),
    ),
  );
  const counts = loaded.map((docs) => docs.map((d) => d.getPageCount()));
  // The cover's own length decides where the documents start; one more pass if it grew.
  let coverPages = 1;
  let cover = await renderCover(view, firstPages(coverPages, counts), options.now);
  let out = await PDFDocument.load(cover, { updateMetadata: false });
  if (out.getPageCount() !== coverPages) {
    coverPages = out.getPageCount();
    cover = await renderCover(view, firstPages(coverPages, counts), options.now);
    out = await PDFDocument.load(cover, { updateMetadata: false });
  }
  for (const doc of loaded.flat()) {
    for (const page of await out.copyPages(doc, doc.getPageIndices())) out.addPage(page);
  }
  const pages = firstPages(coverPages, counts);
  addBookmarks(
    out,
    view.changes.map((c) => c.summary),
    pages,
  );
  return Buffer.from(await out.save({ useObjectStreams: false }));
}
