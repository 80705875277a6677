import type { InlineView } from '../views/note-view.js';
import { changed, link, marker } from './page-style.js';
import type { Run, TextStyle } from './styled-text.js';

/** A note's inline runs (a paragraph, a list item, a cell) as styled runs: markers raised, links live, changes marked. */
export function inlineRuns(paragraph: InlineView[], style: TextStyle): Run[] {
  return paragraph.map((run) => {
    if (run.kind === 'footnote') {
      const raised = marker(style.size);
      return {
        text: String(run.number),
        style: run.change ? changed(raised, run.change) : raised,
        footnote: run.number,
      };
    }
    const styled = run.href ? link(style, run.href) : style;
    return { text: run.text, style: run.change ? changed(styled, run.change) : styled };
  });
}
