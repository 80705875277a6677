import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BlockKind } from '../src/domain/note-blocks.js';
import {
  BODY_LEADING,
  BODY_SIZE,
  FOOTNOTES,
  footnoteText,
  marker,
  TEXT_WIDTH,
} from '../src/rendering/pdf/page-style.js';
import type { InlineView, NoteView } from '../src/rendering/views/note-view.js';
import { launchBrowser } from '../tests/support/chromium.js';
import { note91, note92 } from '../tests/support/note-views.js';

/**
 * The reference line breaks of the 9.1 and 9.2 seed notes (tests/fixtures/line-breaks.json):
 * the same text set by Chromium in the same Tinos files, at the same measure and sizes, justified,
 * with no hyphenation. For each note, from its item line on, the last word of every line.
 * Run: `npx tsx bench/line-break-reference.ts > tests/fixtures/line-breaks.json`.
 */

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pt = (n: number) => `${n}pt`;
const MARKER = marker(BODY_SIZE);
const FOOTNOTE_MARKER = marker(footnoteText.size);

const inline = (runs: InlineView[]) =>
  runs.map((r) => (r.kind === 'footnote' ? `<span class="fn">${r.number}</span>` : escape(r.text))).join('');

function noteHtml(view: NoteView, fontDir: string): string {
  const face = (file: string, weight: number, style: string) =>
    `@font-face { font-family: 'Tinos'; src: url('${pathToFileURL(join(fontDir, file)).href}'); font-weight: ${weight}; font-style: ${style}; }`;
  const blocks = view.sections.flatMap((s) => [
    `<h2>${escape(s.heading)}</h2>`,
    ...s.blocks.map((b) => (b.kind === BlockKind.paragraph ? `<p>${inline(b.runs)}</p>` : '')),
  ]);
  const notes = view.footnotes.map(
    (n) =>
      `<div class="note"><span class="label">${n.number}</span>${escape(n.text.replace(/\.\s*$/, ''))}` +
      (n.sourceUrl ? ` [source: ${escape(n.sourceUrl)}].` : '') +
      '</div>',
  );
  return `<!doctype html><html lang="${view.lang}"><head><meta charset="utf-8"><style>
${face('400Regular/Tinos_400Regular.ttf', 400, 'normal')}
${face('700Bold/Tinos_700Bold.ttf', 700, 'normal')}
body { margin: 0; font-family: 'Tinos'; font-size: ${pt(BODY_SIZE)}; line-height: ${pt(BODY_LEADING)};
  font-kerning: normal; hyphens: manual; }
main { width: ${pt(TEXT_WIDTH)}; }
h1, h2 { font-size: ${pt(BODY_SIZE)}; margin: 0; }
h1 span { display: inline-block; width: 36pt; }
p { text-align: justify; margin: 0; }
.fn { font-size: ${pt(MARKER.size)}; position: relative; top: ${pt(-(MARKER.rise ?? 0))}; }
.note { position: relative; font-size: ${pt(footnoteText.size)}; line-height: ${pt(FOOTNOTES.format.leading)};
  padding-left: ${pt(FOOTNOTES.format.indent)}; }
.note .label { position: absolute; left: 0; font-size: ${pt(FOOTNOTE_MARKER.size)}; top: ${pt(-(FOOTNOTE_MARKER.rise ?? 0))}; }
</style></head><body><main>
<h1><span>${escape(view.itemNumber)}</span>${escape(view.itemTitle)}</h1>
${blocks.join('\n')}
${notes.join('\n')}
</main></body></html>`;
}

/**
 * Run in the page (a string: this program has no DOM types): every block's lines, told apart by
 * the top of their characters, then each line's last word. A raised footnote marker stands higher
 * than its line, never half a line lower.
 */
const LINE_ENDS = `(() => {
  const ends = [];
  for (const block of document.querySelectorAll('main > *')) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const lines = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        const last = lines.at(-1);
        if (last && (!rect || rect.top <= last.top + rect.height / 2)) last.text += text[i];
        else if (rect) lines.push({ top: rect.top, text: text[i] });
      }
    }
    for (const line of lines) {
      const words = line.text.trim().split(/\\s+/);
      if (words[0] !== '') ends.push(words.at(-1));
    }
  }
  return ends;
})()`;

async function main() {
  const fontDir = join(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'), '..');
  const dir = mkdtempSync(join(tmpdir(), 'line-breaks-'));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const result: Record<string, string[]> = {};
    for (const view of [note91(), note92()]) {
      const file = join(dir, `${view.itemNumber}.html`);
      writeFileSync(file, noteHtml(view, fontDir));
      await page.goto(pathToFileURL(file).href);
      await page.evaluate('document.fonts.ready');
      result[view.itemNumber] = (await page.evaluate(LINE_ENDS)) as string[];
    }
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
