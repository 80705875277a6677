import type { InlineView } from '../views/note-view.js';
import { link, marker } from './page-style.js';
import type { Run, TextStyle } from './styled-text.js';

/** A note's inline runs (a paragraph, a list item, a cell) as styled runs: markers raised, links live. */
export function inlineRuns(paragraph: InlineView[], style: TextStyle): Run[] {
  return paragraph.map((run) =>
    run.kind === 'footnote'
      ? { text: String(run.number), style: marker(style.size), footnote: run.number }
      : { text: run.text, style: run.href ? link(style, run.href) : style },
  );
}
