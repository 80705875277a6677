import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import t, { type Test } from 'tap';
import { renderSummaryReportPdf } from '../../../src/rendering/pdf/summary-report-pdf.js';
import type { SummaryReportView } from '../../../src/rendering/views/summary-report-view.js';
import { pdfLines, pdfText } from '../../support/pdf-text.js';
import { report18, REPORT_CREATED_AT } from '../../support/report-views.js';

const render = (view: SummaryReportView) => renderSummaryReportPdf(view, { now: new Date(REPORT_CREATED_AT) });
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Asserts that each expected text appears in `text`, in this order. */
function assertInOrder(t: Test, text: string, expected: string[]) {
  let from = 0;
  for (const piece of expected) {
    const at = text.indexOf(squash(piece), from);
    t.ok(at >= 0, `"${piece.slice(0, 70)}" comes next`);
    if (at >= 0) from = at + squash(piece).length;
  }
}

const DELEGATIONS = [
  ...['Austria', 'Belgium', 'Bulgaria', 'Croatia', 'Cyprus', 'Czechia', 'Denmark', 'Estonia', 'Finland'],
  ...['France', 'Germany', 'Greece', 'Hungary', 'Ireland', 'Italy', 'Latvia', 'Lithuania', 'Luxembourg'],
  ...['Malta', 'Netherlands', 'Poland', 'Portugal', 'Romania', 'Slovakia', 'Slovenia', 'Spain', 'Sweden'],
];

interface Tagged {
  role: string;
  text: string;
  lang?: string;
}

type StructNode = { role?: string; type?: string; id?: string; lang?: string; children?: StructNode[] };
type ContentItem = { type?: string; id?: string; str?: string };

/**
 * The structure tree as pdfjs reads it, every element with the text of its marked content, in
 * tree order page after page (an element that runs on to the next page is listed again there).
 */
async function structure(bytes: Uint8Array): Promise<{ elements: Tagged[]; language: unknown }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const elements: Tagged[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const texts = new Map<string, string>();
    const open: string[] = [];
    const content = await page.getTextContent({ includeMarkedContent: true });
    for (const item of content.items as ContentItem[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? '');
      else if (item.type === 'endMarkedContent') open.pop();
      else if (item.str !== undefined && open.at(-1)) {
        const id = open.at(-1)!;
        texts.set(id, `${texts.get(id) ?? ''} ${item.str}`);
      }
    }
    const textOf = (node: StructNode): string =>
      node.type === 'content' ? (texts.get(node.id ?? '') ?? '') : (node.children ?? []).map(textOf).join(' ');
    const walk = (node: StructNode) => {
      if (node.role)
        elements.push({ role: node.role, text: squash(textOf(node)), ...(node.lang ? { lang: node.lang } : {}) });
      for (const child of node.children ?? []) walk(child);
    };
    walk((await page.getStructTree()) as StructNode);
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { elements, language: (info as { Language?: unknown }).Language };
}

t.test('prints the 18th meeting’s summary report top to bottom', async (t) => {
  const lines = await pdfLines(await render(report18()));
  t.same(lines.slice(0, 14), [
    'Public: may be published',
    'Ref. Ares(2020)7012345 - 23/11/2020',
    'EUROPEAN COMMISSION',
    'DG HEALTH AND FOOD SAFETY',
    'DG COMMUNICATIONS NETWORKS, CONTENT AND TECHNOLOGY',
    'eHealth-units',
    'eHealth Network',
    'Summary report',
    '18th eHealth Network meeting',
    '(Teleconference)',
    '12-13 November 2020',
    'Brussels, Belgium',
    'Co-chairs:',
    'Maria Example, Director, DG SANTE',
  ]);
  assertInOrder(t, squash(lines.join(' ')), [
    'Karl Muster, Member State co-chair, Austria',
    'Opening and approval of agenda',
    'The co-chairs welcomed the participants. The agenda was approved as proposed.',
    '9. Cybersecurity',
    '9.1. Update from the Work Stream 12 of the NIS cooperation group – for information',
    'The Commission presented the first activities of the Work Stream for the health sector1.',
    'The eHealth Network took note of the update.',
    'Action points:',
    '• Circulate the Work Stream’s work plan to the Network (Commission (DG CNECT), by 15 December 2020)',
    '9.2. Reflections on Cybersecurity on the health sector – for information and to receive Member States reflections on cybersecurity issues in the health sector',
    'Member States shared their reflections. Three themes were raised:',
    '• hospitals as targets of ransomware;',
    '• the security of medical devices.',
    'Action points:',
    '• Send written reflections on cybersecurity in health (Member States, by 31 January 2021)',
    'Action points',
    'Item Action Owner Due date State',
    '9.1 Circulate the Work',
    '9.2 Send written reflections',
    'Annex – Attendance',
    'Delegations present',
    'Delegation Participants Attendance',
    'Austria Lena Huber present',
    'Belgium Marc Peeters, Sofie Claes present',
    'Bulgaria Ivan Petrov remote',
    'Sweden Erik Andersson remote',
    'Other delegations',
    'Hungary Zoltán Nagy excused',
    'Luxembourg represented by Belgium',
    'Romania absent',
    'Slovakia Peter Horváth excused',
  ]);
});

t.test('puts the footnote at the foot of its page and the attendance annex on a page of its own', async (t) => {
  const pages = await pdfText(await render(report18()));
  const first = squash(pages[0]!.lines.join(' '));
  t.match(
    first,
    'NIS Cooperation Group, Work Stream 12 [source: https://digital-strategy.ec.europa.eu/en/policies/nis-cooperation-group].',
  );
  const annex = pages.findIndex((page) => page.lines.includes('Annex – Attendance'));
  t.ok(annex > 0, 'the annex is not on the first page');
  const annexText = squash(
    pages
      .slice(annex)
      .flatMap((p) => p.lines)
      .join(' '),
  );
  t.notMatch(annexText, 'Action points', 'the annex starts a page after the action points');
  const annexLines = pages.slice(annex).flatMap((p) => p.lines);
  const listed = DELEGATIONS.filter((name) => annexLines.some((line) => line.startsWith(`${name} `)));
  t.same(listed, DELEGATIONS, 'every one of the 27 delegations has its line');
  t.equal(pages.at(-1)!.lines.at(-1), `Page ${pages.length} of ${pages.length}`);
});

t.test('is tagged: title, headings, paragraphs, footnote, link and tables in reading order, in English', async (t) => {
  const { elements, language } = await structure(await render(report18()));
  t.equal(language, 'en');
  const headings = elements.filter((e) => /^H\d$/.test(e.role)).map((e) => `${e.role} ${e.text}`);
  t.same(headings, [
    'H1 Summary report',
    'H2 Opening and approval of agenda',
    'H2 9. Cybersecurity',
    'H3 9.1. Update from the Work Stream 12 of the NIS cooperation group – for information',
    'H3 9.2. Reflections on Cybersecurity on the health sector – for information and to receive Member States reflections on cybersecurity issues in the health sector',
    'H2 Action points',
    'H2 Annex – Attendance',
    'H3 Delegations present',
    'H3 Other delegations',
  ]);
  const roles = elements.map((e) => e.role);
  const firstOf = (role: string, from = 0) => roles.indexOf(role, from);
  const order = [
    firstOf('H1'),
    firstOf('P', firstOf('H1')),
    firstOf('Note'),
    firstOf('L'),
    firstOf('Table'),
    firstOf('TH'),
    firstOf('TD'),
  ];
  t.ok(
    order.every((at) => at >= 0),
    `every kind is tagged: ${order.join(', ')}`,
  );
  t.same(
    [...order].sort((a, b) => a - b),
    order,
    'title, paragraphs, the note, the list, the table in reading order',
  );
  const note = elements.find((e) => e.role === 'Note')!;
  t.match(note.text, 'NIS Cooperation Group, Work Stream 12');
  t.ok(
    elements.some((e) => e.role === 'Link'),
    'the footnote’s source is a tagged link',
  );
  const rows = elements.filter((e) => e.role === 'TR').map((e) => e.text);
  t.same(rows.slice(0, 3), [
    'Item Action Owner Due date State',
    '9.1 Circulate the Work Stream’s work plan to the Network Commission (DG CNECT) 15 December 2020 open',
    '9.2 Send written reflections on cybersecurity in health Member States 31 January 2021 open',
  ]);
  t.equal(rows[3], 'Delegation Participants Attendance', 'the attendance tables have a header row');
  t.equal(rows.length, 3 + 2 + 27, 'the action points, then a header row per group and one row per delegation');
  const paragraph = elements.find((e) => e.role === 'P' && e.text.startsWith('The Commission presented'));
  t.ok(paragraph, 'a conclusion is a paragraph');
  t.equal(
    roles.filter((r) => r === 'Table').length >= 3,
    true,
    'the action points and the two attendance groups are tables',
  );
});

t.test(
  'a draft report carries the DRAFT mark and its label; a report without action points or annex has neither',
  async (t) => {
    const view = report18();
    const draft: SummaryReportView = { ...view, isDraft: true, draftLabel: 'Draft — version 2, review', marking: null };
    const pages = await pdfText(await render(draft));
    t.ok(pages[0]!.rotated.includes('DRAFT'));
    t.equal(pages[0]!.lines.at(-1), 'Draft — version 2, review Page 1 of 3');
    t.equal(pages[0]!.lines[0], 'Ref. Ares(2020)7012345 - 23/11/2020', 'no marking line when the view has none');
    const bare: SummaryReportView = {
      ...view,
      registryReference: null,
      items: view.items.map((item) => ({ ...item, actionPoints: [] })),
      actionPoints: { ...view.actionPoints, rows: [] },
      attendance: { ...view.attendance, groups: [] },
    };
    const text = squash((await pdfLines(await render(bare))).join(' '));
    t.notMatch(text, 'Action points');
    t.notMatch(text, 'Annex');
    t.notMatch(text, 'Ares');
  },
);

t.test('the same view and time give the same bytes', async (t) => {
  const [a, b] = [await render(report18()), await render(report18())];
  t.ok(a.equals(b));
});
