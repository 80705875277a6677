import PDFDocument from 'pdfkit';
import { fonts, type FontFace, type FontSet } from './fonts.js';
import { A4, BLACK, DRAFT_MARK, WATERMARK_GREY } from './page-style.js';
import { fill, num, stroke, textOperators, type PdfkitFont } from './text-operators.js';
import type { Rgb } from './styled-text.js';
import type { Line, Segment } from './typeset.js';
import { drawChangeBar, drawChangedSegment, endChange, hasChange } from './redline-marks.js';
import { drawLinkSegment } from './segment-drawing.js';

/**
 * The one place that talks to pdfkit: a tagged A4 document whose pages receive typeset lines.
 *
 * Text is written as content-stream operators rather than through `doc.text()`: pdfkit drops
 * the space glyphs of justified text (it widens the gaps instead), which costs copy-paste,
 * text extraction and screen readers their spaces, and its text flow does decisions this module
 * has already taken (typeset.ts, paginate.ts). Glyph encoding, subsetting, font embedding,
 * annotations and the structure tree stay pdfkit's.
 */

export type StructElement = PDFKit.PDFStructureElement;

export interface DocumentInfo {
  title: string;
  subject?: string;
  keywords?: string;
  lang: string;
  /** Creation (and modification) date: fixed by the caller, so that output is reproducible. */
  createdAt: Date;
}

export interface TagContext {
  element: StructElement;
  /** Structure type of the marked content (`P`, `H1`, `Note`...). */
  type: string;
  /** Called after a footnote marker is drawn, with its number. */
  onFootnote?: (n: number) => void;
  /** Where a line's label (a list item's bullet or number) is tagged, apart from its text. */
  label?: { element: StructElement; type: string };
}

/**
 * Options of a link annotation tagged under `element`. pdfkit writes a JS string as a PDF name
 * and a String object as a PDF text string: the description must be the latter.
 */
export function annotationOptions(element: StructElement, description: string): PDFKit.Mixins.AnnotationOption {
  return { structParent: element, Contents: new String(description) } as unknown as PDFKit.Mixins.AnnotationOption;
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly fonts: FontSet;
  readonly root: StructElement;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private readonly spaceCodes = new Map<string, string>();
  private readonly registered = new Set<string>();
  private open: StructElement | null = null;
  private pageCount = 0;

  constructor(info: DocumentInfo) {
    this.fonts = fonts();
    this.doc = new PDFDocument({
      autoFirstPage: false,
      // No default font: pdfkit would parse Helvetica's metrics for nothing.
      font: null as unknown as string,
      pdfVersion: '1.7',
      tagged: true,
      lang: info.lang,
      displayTitle: true,
      info: {
        Title: info.title,
        ...(info.subject ? { Subject: info.subject } : {}),
        ...(info.keywords ? { Keywords: info.keywords } : {}),
        Creator: 'agendum',
        Producer: 'agendum (pdfkit)',
        CreationDate: info.createdAt,
        ModDate: info.createdAt,
      },
    });
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  get pages(): number {
    return this.pageCount;
  }

  addPage(size: { width: number; height: number } = A4): void {
    this.closeMark();
    this.doc.addPage({ size: [size.width, size.height], margin: 0 });
    this.pageCount += 1;
  }

  /** A structure element under `parent` (the document by default). */
  element(
    type: string,
    parent: StructElement = this.root,
    options: PDFKit.Mixins.StructureElementOptions = {},
  ): StructElement {
    const element = this.doc.struct(type, options);
    parent.add(element);
    return element;
  }

  /** Makes the following content belong to `element`, opening a marked-content sequence when needed. */
  mark(element: StructElement, type: string): void {
    if (this.open === element) return;
    this.closeMark();
    element.add(this.doc.markStructureContent(type));
    this.open = element;
  }

  closeMark(): void {
    if (!this.open) return;
    this.doc.endMarkedContent();
    this.open = null;
  }

  /** Content that is not part of the text (page numbers, rules, watermark): an artifact. */
  artifact(type: 'Pagination' | 'Layout', draw: () => void): void {
    this.closeMark();
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /**
   * Selects `face` and lists it in the current page's resources; returns pdfkit's embedded font.
   * pdfkit has no public API for either (`doc._font`, `page.fonts` are internals of 0.20): this is
   * why pdfkit is pinned exactly in package.json. A new version: check these two, re-run the tests.
   */
  private font(face: FontFace): PdfkitFont {
    // Registered on first use: a fallback face is loaded only when a document needs it.
    if (!this.registered.has(face.name)) {
      this.doc.registerFont(face.name, face.pdfkitFont as unknown as Buffer);
      this.registered.add(face.name);
    }
    this.doc.font(face.name);
    const font = (this.doc as unknown as { _font: PdfkitFont })._font;
    const fontsOnPage = (this.doc.page as unknown as { fonts: Record<string, unknown> }).fonts;
    fontsOnPage[font.id] ??= font.ref();
    return font;
  }

  private spaceCode(font: PdfkitFont): string {
    let code = this.spaceCodes.get(font.id);
    if (code === undefined) {
      code = font.encode(' ')[0][0] ?? '';
      this.spaceCodes.set(font.id, code);
    }
    return code;
  }

  /**
   * Draws `text` with its left end at x and its baseline at y (pdfkit's top-down coordinates),
   * giving every space `extraPerSpace` more width (justification).
   */
  text(segment: Pick<Segment, 'text' | 'style'>, x: number, y: number, extraPerSpace = 0): void {
    const { style } = segment;
    let left = x;
    // Characters the face lacks are set in its fallback, one text object per stretch.
    for (const stretch of this.fonts[style.face].stretches(segment.text)) {
      const font = this.font(stretch.face);
      const glyphs = font.encode(stretch.text);
      // A fallback's stretches hold no space: asking for its space would put one in its subset.
      const spaceCode = stretch.text.includes(' ') ? this.spaceCode(font) : '';
      this.doc.addContent(textOperators(font.id, glyphs, { style, x: left, y, extraPerSpace, spaceCode }));
      const spaces = stretch.text.split(' ').length - 1;
      left += stretch.face.widthOf(stretch.text, style.size) + spaces * extraPerSpace;
    }
  }

  /** A straight line in top-down coordinates. */
  rule(x1: number, y1: number, x2: number, y2: number, options: { width?: number; color?: Rgb } = {}): void {
    this.doc.addContent(
      `q ${num(options.width ?? 0.5)} w ${stroke(options.color ?? BLACK)} ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S Q`,
    );
  }

  /**
   * Draws a typeset line with its box's top-left corner at (x, y), tagging its content with
   * `tag`; links become Link structure elements with their annotation.
   */
  line(line: Line, x: number, y: number, tag: TagContext): void {
    const baseline = y + line.baseline;
    for (const segment of line.segments) {
      const left = x + segment.x;
      if (!segment.style.change) endChange(tag.element);
      // A changed segment (a redline) or a link is tagged as an element of its own.
      if (segment.style.change || segment.style.href) {
        const draw = segment.style.change ? drawChangedSegment : drawLinkSegment;
        draw(this, { segment, left, baseline, line, tag });
        continue;
      }
      const target = segment.label && tag.label ? tag.label : tag;
      this.mark(target.element, target.type);
      this.text(segment, left, baseline, line.extraPerSpace);
      if (segment.footnote !== undefined) tag.onFootnote?.(segment.footnote);
    }
    if (hasChange(line)) drawChangeBar(this, y, line.height);
  }

  /** A link to a named destination of this document, tagged under `parent`. */
  goTo(
    rect: { x: number; y: number; width: number; height: number },
    destination: string,
    parent: StructElement,
  ): void {
    this.closeMark();
    const element = this.element('Link', parent);
    this.doc.goTo(rect.x, rect.y, rect.width, rect.height, destination, annotationOptions(element, 'Go to the page'));
    element.end();
  }

  /** The diagonal DRAFT mark, light grey, behind the text of the current page. */
  watermark(page: { width: number; height: number } = A4): void {
    this.artifact('Pagination', () => {
      const { text, style } = DRAFT_MARK;
      const width = this.fonts.bold.widthOf(text, style.size);
      const capHeight = style.size * 0.73;
      const angle = Math.atan2(page.height, page.width);
      const [c, s] = [Math.cos(angle), Math.sin(angle)];
      // In bottom-up page space: rotate about the page centre.
      const tx = page.width / 2 - (c * width) / 2 + (s * capHeight) / 2;
      const ty = page.height / 2 - (s * width) / 2 - (c * capHeight) / 2;
      const font = this.font(this.fonts.bold);
      const codes = font.encode(text)[0].join('');
      this.doc.addContent(
        `q 1 0 0 -1 0 ${num(page.height)} cm BT /${font.id} ${style.size} Tf ${fill(WATERMARK_GREY)} ` +
          `${num(c)} ${num(s)} ${num(-s)} ${num(c)} ${num(tx)} ${num(ty)} Tm [<${codes}>] TJ ET Q`,
      );
    });
  }

  /** Ends the document; resolves with its bytes. */
  finish(): Promise<Buffer> {
    this.closeMark();
    this.root.end();
    this.doc.end();
    return this.done;
  }
}
