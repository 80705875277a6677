import { DiffOp } from '../../domain/version-diff.js';
import { BLACK, CHANGE_BAR } from './page-style.js';
import { foldSpaces } from '../../domain/note-blocks.js';
import type { PdfWriter, StructElement } from './pdf-writer.js';
import { inkWidth, type PlacedSegment } from './segment-drawing.js';
import type { Line, Segment } from './typeset.js';

/**
 * How a redline marks a change on the page: an inserted segment underlined, a deleted one struck
 * through, both in their colour, each tagged as a `Span` whose alternate text says what happened
 * (`inserted: ...`, `deleted: ...`), so that a screen reader hears the change and not only the
 * words; and a change bar in the left margin beside every line that holds a change, which
 * survives black-and-white printing.
 */

/** Whether a typeset line holds an inserted or deleted segment. */
export const hasChange = (line: Line) => line.segments.some((segment) => segment.style.change !== undefined);

/** The change being drawn in each element: a change that runs on to the next line stays one `Span`. */
const openChanges = new WeakMap<StructElement, { span: StructElement; change: string; text: string }>();

/** A segment that is no change was drawn in `element`: the next change there is a new one. */
export function endChange(element: StructElement): void {
  openChanges.delete(element);
}

/**
 * The change's `Span` under the line's element, its alternate text grown by this segment.
 * pdfkit writes an element's dictionary when the element is ended, so the text may grow until
 * then (`dictionary` is a pdfkit 0.20 internal, as the writer's fonts are: pinned).
 */
function spanOf(writer: PdfWriter, element: StructElement, segment: Segment): StructElement {
  const change = segment.style.change!;
  let open = openChanges.get(element);
  if (!open || open.change !== change) {
    open = { span: writer.element('Span', element), change, text: '' };
    openChanges.set(element, open);
  }
  open.text += segment.text.endsWith(' ') || open.text === '' ? segment.text : ` ${segment.text}`;
  const label = change === DiffOp.insert ? 'inserted' : 'deleted';
  const data = (open.span as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data;
  data.Alt = new String(`${label}: ${foldSpaces(open.text)}`);
  return open.span;
}

/** Draws one inserted or deleted segment with its rule, tagged in its change's `Span`. */
export function drawChangedSegment(writer: PdfWriter, { segment, left, baseline, line, tag }: PlacedSegment): void {
  const { style } = segment;
  writer.mark(spanOf(writer, tag.element, segment), 'Span');
  writer.text(segment, left, baseline, line.extraPerSpace);
  writer.closeMark();
  if (segment.footnote !== undefined) tag.onFootnote?.(segment.footnote);
  const width = inkWidth(writer, { segment, line });
  const y =
    (style.change === DiffOp.insert ? baseline + style.size * 0.12 : baseline - style.size * 0.28) - (style.rise ?? 0);
  writer.artifact('Layout', () => writer.rule(left, y, left + width, y, { width: 0.6, color: style.color ?? BLACK }));
}

/** The change bar beside a line whose box starts at `top`. */
export function drawChangeBar(writer: PdfWriter, top: number, height: number): void {
  writer.artifact('Layout', () =>
    writer.rule(CHANGE_BAR.x, top, CHANGE_BAR.x, top + height, { width: CHANGE_BAR.width }),
  );
}
