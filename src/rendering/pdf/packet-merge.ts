import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFPageEmbedder,
  PDFRawStream,
  PDFRef,
  type PDFPage,
  type PDFPageLeaf,
} from 'pdf-lib';

/**
 * The pdf-lib half of the packet: PDF annexes merged into the pages pdfkit reserved for them
 * (pdfkit cannot read a PDF; its bookmarks are written before, see packet-outline.ts).
 *
 * pdfkit lays out the packet with one placeholder page per annex page (same size), numbered in
 * its footer like every other page. Here each placeholder receives the copied annex page's
 * content, resources and annotations, and its own footer is drawn over them as a form XObject.
 * The placeholder page objects stay, so links and destinations pointing at them stay valid.
 */

export class UnreadableAnnexError extends Error {}

export interface LoadedAnnex {
  title: string;
  doc: PDFDocument;
  /** Visible size of each page (crop box, rotation applied). */
  sizes: { width: number; height: number }[];
}

/** Reads an annex; `where` names it in the error (`item 9.1`). */
export async function loadAnnex(title: string, bytes: Uint8Array, where: string): Promise<LoadedAnnex> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    throw new UnreadableAnnexError(
      `The annex "${title}" of ${where} is not a readable PDF (${(error as Error).message}).`,
    );
  }
  const sizes = doc.getPages().map((page) => {
    const box = page.getCropBox();
    const turned = page.getRotation().angle % 180 !== 0;
    return turned ? { width: box.height, height: box.width } : { width: box.width, height: box.height };
  });
  return { title, doc, sizes };
}

export interface AnnexSlot {
  annex: LoadedAnnex;
  /** Index of the annex page; index of the placeholder page in the packet. */
  annexPage: number;
  packetPage: number;
}

const KEY = (name: string) => PDFName.of(name);
const BOX_KEYS = ['MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox', 'Rotate', 'UserUnit', 'Group'];
const STAMP = 'AgendumPageFooter';

/** Cuts the ties of an annex page to its own document: structure tree, page back-links. */
function detach(page: PDFPage): void {
  page.node.delete(KEY('StructParents'));
  const annots = page.node.lookupMaybe(KEY('Annots'), PDFArray);
  for (let i = 0; i < (annots?.size() ?? 0); i++) {
    const annot = annots!.lookupMaybe(i, PDFDict);
    annot?.delete(KEY('P'));
    annot?.delete(KEY('StructParent'));
  }
}

/** Maps the footer (drawn upright on a page of the visible size) onto the annex page's own space. */
function stampMatrix(page: PDFPage): string {
  const { x, y, width, height } = page.getCropBox();
  const [x1, y1] = [x + width, y + height];
  switch (((page.getRotation().angle % 360) + 360) % 360) {
    case 90:
      return `0 1 -1 0 ${x1} ${y}`;
    case 180:
      return `-1 0 0 -1 ${x1} ${y1}`;
    case 270:
      return `0 -1 1 0 ${x} ${y1}`;
    default:
      return `1 0 0 1 ${x} ${y}`;
  }
}

/**
 * The placeholder's own content (its footer) as a form XObject. pdfkit writes one compressed
 * content stream per page: its bytes are reused as they are, without inflating and deflating.
 */
async function footerForm(doc: PDFDocument, page: PDFPage): Promise<PDFRef> {
  const stream = page.node.get(KEY('Contents'));
  const raw = stream instanceof PDFRef ? doc.context.lookup(stream) : undefined;
  if (!(raw instanceof PDFRawStream)) return (await PDFPageEmbedder.for(page.node)).embedIntoContext(doc.context);
  const { width, height } = page.getSize();
  const dict = doc.context.obj({
    Type: 'XObject',
    Subtype: 'Form',
    FormType: 1,
    BBox: [0, 0, width, height],
  }) as PDFDict;
  dict.set(KEY('Resources'), page.node.get(KEY('Resources'))!);
  const filter = raw.dict.get(KEY('Filter'));
  if (filter) dict.set(KEY('Filter'), filter);
  return doc.context.register(PDFRawStream.of(dict, raw.contents));
}

async function transplant(doc: PDFDocument, target: PDFPage, source: PDFPage): Promise<void> {
  const { context } = doc;
  const footer = await footerForm(doc, target);
  const node: PDFPageLeaf = target.node;
  for (const key of BOX_KEYS) {
    const value = source.node.get(KEY(key));
    if (value) node.set(KEY(key), value);
    else node.delete(KEY(key));
  }
  // Copied pages may share resource dictionaries: the footer goes into copies of them.
  const resources = (source.node.Resources() ?? context.obj({})).clone(context);
  const xobjects = (resources.lookupMaybe(KEY('XObject'), PDFDict) ?? context.obj({})).clone(context);
  xobjects.set(KEY(STAMP), footer);
  resources.set(KEY('XObject'), xobjects);
  node.set(KEY('Resources'), resources);
  const contents = source.node.Contents();
  const original =
    contents instanceof PDFArray ? contents.asArray() : contents ? [source.node.get(KEY('Contents'))!] : [];
  // The annex's content runs in its own graphics state; the footer is drawn after it, on top.
  const open = context.register(context.stream('q'));
  const close = context.register(context.stream(`Q q ${stampMatrix(source)} cm /${STAMP} Do Q`));
  node.set(KEY('Contents'), context.obj([open, ...original, close]));
  const annots = source.node.Annots();
  if (annots) {
    for (let i = 0; i < annots.size(); i++) annots.lookupMaybe(i, PDFDict)?.set(KEY('P'), target.ref);
    node.set(KEY('Annots'), annots);
  }
  context.delete(source.ref);
}

/** Merges the annexes into their placeholder pages. */
export async function finishPacket(
  pdf: Uint8Array,
  input: { slots: AnnexSlot[]; pause: () => Promise<void> },
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const byAnnex = new Map<LoadedAnnex, AnnexSlot[]>();
  for (const slot of input.slots) byAnnex.set(slot.annex, [...(byAnnex.get(slot.annex) ?? []), slot]);
  for (const [annex, slots] of byAnnex) {
    try {
      const sources = slots.map((s) => annex.doc.getPage(s.annexPage));
      sources.forEach(detach);
      const copies = await doc.copyPages(
        annex.doc,
        slots.map((s) => s.annexPage),
      );
      for (let i = 0; i < slots.length; i++) await transplant(doc, doc.getPage(slots[i]!.packetPage), copies[i]!);
    } catch (error) {
      // A page whose objects are broken (found by the fuzz test): the annex is named, not a 500.
      throw new UnreadableAnnexError(`The annex "${annex.title}" has a damaged page (${(error as Error).message}).`);
    }
    await input.pause();
  }
  // Saving in slices of objects keeps the event loop turning (a long packet is thousands of objects).
  return doc.save({ useObjectStreams: false, objectsPerTick: 400 });
}
