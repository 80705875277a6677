import t from 'tap';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderRedlinePdf } from '../../../src/rendering/pdf/redline-pdf.js';
import { buildRedlineView } from '../../../src/rendering/views/redline-view.js';
import { pdfLines } from '../../support/pdf-text.js';
import { CREATED_AT, noteView } from '../../support/note-views.js';

/** Lists, tables and whole paragraphs in a redline: each change marked where it stands, no more. */

const ITEM = { number: '4', title: 'Blocks compared' };
const WORDS = { from: 'version 1 to version 2', footer: 'Changes from version 1 to version 2' };

const content = (variant: { item: string; cell: string; extra: string[] }) => ({
  sections: {
    issueAtStake: ['A paragraph that stays as it is.'],
    summary: [
      { block: 'list' as const, style: 'bullet' as const, items: ['First point.', variant.item] },
      { block: 'table' as const, header: ['Country', 'Status'], rows: [['Belgium', variant.cell]] },
      ...variant.extra,
    ],
    procedure: ['For information.'],
  },
});

async function changeTexts(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const found: string[] = [];
  type Node = { alt?: string; children?: Node[] };
  const walk = (node: Node) => {
    if (node.alt && /^(inserted|deleted): /.test(node.alt)) found.push(node.alt);
    for (const child of node.children ?? []) walk(child);
  };
  for (let n = 1; n <= pdf.numPages; n++) walk((await (await pdf.getPage(n)).getStructTree()) as Node);
  await pdf.destroy();
  return found;
}

t.test('a changed list item, a changed cell and a new paragraph are marked, the rest is not', async (t) => {
  const before = noteView(ITEM, content({ item: 'Second point, as drafted.', cell: 'pending', extra: [] }));
  const after = noteView(
    ITEM,
    content({ item: 'Second point, as agreed.', cell: 'adopted', extra: ['A paragraph added later.'] }),
    { versionNumber: 2 },
  );
  const view = buildRedlineView(before, after, WORDS);
  t.equal(view.changeSummary, 'Changes from version 1 to version 2: 3 insertions, 2 deletions');
  const bytes = await renderRedlinePdf(view, { now: new Date(CREATED_AT) });
  t.same(await changeTexts(bytes), [
    'deleted: drafted',
    'inserted: agreed',
    'deleted: pending',
    'inserted: adopted',
    'inserted: A paragraph added later.',
  ]);
  const lines = await pdfLines(bytes);
  t.ok(lines.includes('A paragraph that stays as it is.'), 'the unchanged paragraph is printed as it was');
  t.ok(lines.includes('Changes from version 1 to version 2'), 'the footer names the versions');
});

t.test('two identical versions: a redline with nothing marked', async (t) => {
  const same = noteView(ITEM, content({ item: 'Second point.', cell: 'pending', extra: [] }));
  const view = buildRedlineView(same, same, WORDS);
  t.equal(view.changeSummary, 'Changes from version 1 to version 2: 0 insertions, 0 deletions');
  t.same(await changeTexts(await renderRedlinePdf(view, { now: new Date(CREATED_AT) })), []);
});
