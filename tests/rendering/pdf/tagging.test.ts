import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import t from 'tap';
import { ITEM_9_1, ITEM_9_2 } from '../../../src/demo/seed-notes.js';
import { renderAgendaPdf } from '../../../src/rendering/pdf/agenda-pdf.js';
import { renderCoverNotePdf } from '../../../src/rendering/pdf/cover-note-pdf.js';
import { renderPacketPdf } from '../../../src/rendering/pdf/packet-pdf.js';
import { buildAgendaView } from '../../../src/rendering/views/agenda-view.js';
import { buildPacketView } from '../../../src/rendering/views/packet-view.js';
import { EHEALTH_HEADER_LINES } from '../../../src/services/demo-data.js';
import { MEETING_18, note92, noteView } from '../../support/note-views.js';
import { pdfStructure } from '../../support/pdf-structure.js';

/**
 * Tagging asserted, not assumed: the structure tree of the note, the agenda and the packet, read
 * back with pdfjs as a screen reader walks it (one `Document` per page), holds the headings, the
 * paragraphs, the footnotes (`Note`, beside their marker) and the links in reading order, and
 * each file states its language.
 */

const NOW = new Date('2020-11-05T10:00:00.000Z');
const HEADER = [
  'P: EUROPEAN COMMISSION',
  'P: DG HEALTH AND FOOD SAFETY',
  'P: DG COMMUNICATIONS NETWORKS, CONTENT AND TECHNOLOGY',
  'P: eHealth-units',
  'P: 18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM',
];
const indented = (lines: string[], depth: number) => lines.map((l) => `${'  '.repeat(depth)}${l}`);
/** A paragraph's or a footnote's text cut to its first eight words: known by its start. */
const cut = (lines: string[]) =>
  lines.map((l) =>
    l.replace(
      /^(\s*(?:P|Note): )(.*)$/,
      (_, role: string, text: string) => role + text.split(' ').slice(0, 8).join(' '),
    ),
  );

const items = [
  { id: 1, number: '9', title: 'Cybersecurity', rapporteurs: [], procedure: null },
  {
    id: 2,
    number: '9.1',
    title: ITEM_9_1.title,
    rapporteurs: [{ name: 'Rita Rapporteur' }],
    procedure: 'for-information',
  },
  { id: 3, number: '9.2', title: ITEM_9_2.title, rapporteurs: [{ name: 'Ana Silva' }], procedure: 'for-information' },
];
const agendaView = () => buildAgendaView({ meeting: MEETING_18, headerLines: EHEALTH_HEADER_LINES, items });

async function language(bytes: Uint8Array): Promise<string | undefined> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.catalog.lookupMaybe(PDFName.of('Lang'), PDFString)?.decodeText();
}

const NOTE_92 = [
  'H1: 9.2 Reflections on Cybersecurity on the health sector',
  'H2: 1. Issue at stake',
  'P: In the light of the update from the',
  'H2: 2. Summary',
  'P: Developing cybersecurity response, and building capacity in this',
  'P: Strong cybersecurity in health is a strategic priority',
  'P: The Commission is working on a legislative framework',
  'P: The Commission intends to put forward a new',
  '  Note: 1 By the end of 2020, the Commission',
  '    Link: https://ec.europa.eu/digital-single-market/en/cyber-security',
  'P: These will be accompanied by the review of',
  'P: Together with the ongoing work on cybersecurity as',
  'P: The Horizon Europe Programme and the Digital Europe',
  'H2: 3. Format of procedure in the meeting',
  'P: For information and to receive Member States reflections',
];

t.test('the 9.2 note: title block, headings, paragraphs, the footnote by its marker with its link', async (t) => {
  const view = note92();
  const bytes = await renderCoverNotePdf(view, { now: new Date(view.createdAt) });
  const { outline } = await pdfStructure(bytes);
  t.same(cut(outline), ['Document', ...indented([...HEADER, 'P: COVER NOTE', ...NOTE_92], 1)]);
  t.equal(await language(bytes), 'en');
});

const AGENDA = [
  'H1: AGENDA',
  'H2: 9 Cybersecurity',
  'H3: 9.1 Update from the Work Stream 12 of the NIS cooperation group',
  'P: Rapporteur: Rita Rapporteur',
  'P: For information.',
  'H3: 9.2 Reflections on Cybersecurity on the health sector',
  'P: Rapporteur: Ana Silva',
  'P: For information.',
];

t.test('the agenda: its title and its items as headings, by depth, each with its details', async (t) => {
  const bytes = await renderAgendaPdf(agendaView(), { now: NOW });
  t.same((await pdfStructure(bytes)).outline, ['Document', ...indented([...HEADER, ...AGENDA], 1)]);
  t.equal(await language(bytes), 'en');
});

t.test('the packet: cover, contents with their links, the agenda and each note, one section each', async (t) => {
  const notes = new Map([
    [2, noteView({ number: '9.1', title: ITEM_9_1.title }, ITEM_9_1.content)],
    [3, noteView({ number: '9.2', title: ITEM_9_2.title }, ITEM_9_2.content)],
  ]);
  const bytes = await renderPacketPdf(buildPacketView({ agenda: agendaView(), notes, annexes: new Map() }), {
    now: NOW,
  });
  const { outline } = await pdfStructure(bytes);
  const pages: string[][] = [];
  for (const line of cut(outline)) {
    if (line === 'Document') pages.push([]);
    else pages.at(-1)!.push(line.slice(2));
  }
  t.equal(pages.length, 5, 'cover, contents, agenda, 9.1, 9.2: one page each');
  t.same(pages[0], [
    'Sect',
    ...indented(
      [...HEADER, 'P: MEETING PACKET', 'P: The agenda and 2 cover notes', 'P: Prepared on 5 November 2020'],
      1,
    ),
  ]);
  t.same(pages[1], [
    'Sect',
    '  H1: CONTENTS',
    '  TOC',
    '    TOCI: Agenda 3',
    '      Link: [annotation]',
    '    TOCI: 9 Cybersecurity',
    '    TOCI: 9.1 Update from the Work Stream 12 of the NIS cooperation group 4',
    '      Link: [annotation]',
    '    TOCI: 9.2 Reflections on Cybersecurity on the health sector 5',
    '      Link: [annotation]',
  ]);
  t.same(pages[2], ['Sect', ...indented([...HEADER, ...AGENDA], 1)]);
  t.same(pages[3]!.slice(0, 9), [
    'Sect',
    ...indented([...HEADER, 'P: COVER NOTE', 'H1: 9.1 Update from the Work Stream 12 of the NIS cooperation group'], 1),
    '  H2: 1. Issue at stake',
  ]);
  t.same(pages[4], ['Sect', ...indented([...HEADER, 'P: COVER NOTE', ...NOTE_92], 1)]);
  t.equal(await language(bytes), 'en');
});
