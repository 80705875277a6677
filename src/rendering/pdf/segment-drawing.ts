import { isAllowedUrl } from '../../domain/link-url.js';
import { BLACK } from './page-style.js';
import { annotationOptions, type PdfWriter, type TagContext } from './pdf-writer.js';
import type { Line, Segment } from './typeset.js';

/** A segment as the writer places it: its left end, its line's baseline, and how it is tagged. */
export interface PlacedSegment {
  segment: Segment;
  left: number;
  baseline: number;
  line: Line;
  tag: TagContext;
}

/** The segment's width without its trailing space: what an underline or a strike covers. */
export function inkWidth(writer: PdfWriter, { segment, line }: Pick<PlacedSegment, 'segment' | 'line'>): number {
  return segment.text.endsWith(' ')
    ? segment.width - writer.fonts[segment.style.face].widthOf(' ', segment.style.size) - line.extraPerSpace
    : segment.width;
}

/** A live link: underlined in its colour, a `Link` element with its annotation. */
export function drawLinkSegment(writer: PdfWriter, { segment, left, baseline, line, tag }: PlacedSegment): void {
  const href = segment.style.href!;
  const element = writer.element('Link', tag.element);
  writer.mark(element, 'Link');
  writer.text(segment, left, baseline, line.extraPerSpace);
  const width = inkWidth(writer, { segment, line });
  const underline = baseline + segment.style.size * 0.12;
  writer.rule(left, underline, left + width, underline, { width: 0.4, color: segment.style.color ?? BLACK });
  writer.closeMark();
  const top = baseline - segment.style.size * writer.fonts[segment.style.face].ascent;
  // Defence in depth: content is checked before it is stored, and a link of another scheme
  // (a version stored before that check) is printed as text, never as a live /URI action.
  if (isAllowedUrl(href)) writer.doc.link(left, top, width, line.height, href, annotationOptions(element, href));
  element.end();
}
