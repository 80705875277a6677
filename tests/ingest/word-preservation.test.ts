import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import t from 'tap';
import { ITEM_9_1, ITEM_9_2 } from '../../src/demo/seed-notes.js';
import type { ListBlock } from '../../src/domain/note-blocks.js';
import { SECTION_KEYS } from '../../src/domain/note-content.js';
import { parseCoverNote, type ParsedCoverNote } from '../../src/ingest/parse-cover-note.js';
import { readDraft } from '../../src/ingest/read-draft.js';
import { renderNoteDocx } from '../../src/rendering/docx/cover-note-docx.js';
import { renderCoverNotePdf } from '../../src/rendering/pdf/cover-note-pdf.js';
import { EXPECTED_HEADINGS, HEADING_VARIANTS } from '../../src/ingest/section-headings.js';
import { EHEALTH_HEADER_LINES } from '../../src/services/demo-data.js';
import { draftDocx, draftPdf, type DraftSource } from '../support/draft-files.js';
import { LIST_TABLE_NOTE } from '../support/docx-notes.js';
import { CREATED_AT, noteView } from '../support/note-views.js';
import { listTablePdf } from '../support/pdf-drafts.js';
import { pdfText } from '../support/pdf-text.js';
import { listTableDraft, objectsDraft, styleNumberedDraft } from '../support/word-drafts.js';

/**
 * Nothing a rapporteur wrote is silently lost: for every ingest fixture, every word of the
 * file's visible text is in the parsed note (sections, footnotes, header lines, meeting line,
 * item line, the section headings it recognised) or quoted in a warning. The visible text is
 * read apart from the code under test: a .docx's `w:t` elements (never `w:delText`) by a plain
 * regular expression, a PDF's text by pdfjs, a .txt as it is.
 *
 * Add a fixture to FIXTURES below: a name, its kind, and a function giving its bytes.
 */
type Kind = 'txt' | 'md' | 'docx' | 'pdf';
const draftFixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/drafts/${name}`, import.meta.url)));
const listTableView = () => noteView({ number: '9.4', title: LIST_TABLE_NOTE.title }, LIST_TABLE_NOTE.content);
const seedText = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/seeds/${name}`, import.meta.url)));
const MEETING_LINE = '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM';
const SEED_91: DraftSource = {
  headerLines: EHEALTH_HEADER_LINES.filter(Boolean),
  meetingLine: MEETING_LINE,
  itemLine: `9.1  ${ITEM_9_1.title}`,
  content: ITEM_9_1.content,
};
const SEED_92: DraftSource = { itemLine: `9.2  ${ITEM_9_2.title}`, content: ITEM_9_2.content };

const FIXTURES: [name: string, kind: Kind, bytes: () => Promise<Buffer>][] = [
  ['seed 9.1 as typed text', 'txt', async () => seedText('ehn18-item-9.1-nis-ws12-update.txt')],
  ['seed 9.2 as typed text', 'txt', async () => seedText('ehn18-item-9.2-cybersecurity-reflections.txt')],
  ['seed 9.1 as Word', 'docx', () => draftDocx(SEED_91)],
  ['seed 9.2 as Word', 'docx', () => draftDocx(SEED_92)],
  ['seed 9.1 as PDF', 'pdf', () => draftPdf(SEED_91)],
  ['seed 9.2 as PDF', 'pdf', () => draftPdf(SEED_92)],
  ['Word: list-numbered headings, list, table, tracked changes, comment', 'docx', listTableDraft],
  ['Word: numbered heading style', 'docx', styleNumberedDraft],
  ['Word: images, text box, equation', 'docx', objectsDraft],
  ['Markdown: list, nested list, GFM table, footnote, link', 'md', async () => draftFixture('list-table-note.md')],
  ['PDF: hung bullets, indented numbered list, ruled table', 'pdf', listTablePdf],
  ["agendum's own .docx of the list/table note", 'docx', () => renderNoteDocx(listTableView())],
  [
    "agendum's own PDF of the list/table note",
    'pdf',
    () => renderCoverNotePdf(listTableView(), { now: new Date(CREATED_AT) }),
  ],
];

/** Letters and digits apart: a raised footnote number is glued to its word in a PDF's text ("capacity1"). */
const wordsOf = (text: string) => text.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? [];

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = ['word/document.xml', 'word/footnotes.xml'];
  const xml = (await Promise.all(parts.map((name) => zip.file(name)?.async('string') ?? ''))).join(' ');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name]!))
    .join(' ');
}

async function visibleText(kind: Kind, bytes: Buffer): Promise<string> {
  if (kind === 'txt') return bytes.toString('utf8');
  // A link's target is not shown, only its text: `[ENISA experts](https://...)`.
  if (kind === 'md') return bytes.toString('utf8').replace(/\]\([^)]*\)/g, ']');
  if (kind === 'docx') return docxText(bytes);
  return (await pdfText(bytes)).flatMap((page) => [...page.lines, ...page.rotated]).join(' ');
}

/** Every string held under one of `keys` anywhere in a tree of blocks (runs of paragraphs, items, cells). */
function stringsUnder(value: unknown, keys: string[]): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => stringsUnder(v, keys));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    typeof v === 'string' ? (keys.includes(key) ? [v] : []) : stringsUnder(v, keys),
  );
}

/** Numbered items are counted 1, 2 ... and nested ones a, b ...: the markers a reader sees printed. */
function listMarkers(sections: ParsedCoverNote['content']['sections']): string[] {
  const lists = Object.values(sections)
    .flat()
    .filter((block) => !Array.isArray(block) && block.block === 'list') as ListBlock[];
  return lists.flatMap((list) =>
    list.items.flatMap((item, i) => [
      String(i + 1),
      ...(item.sublist?.items.map((_, j) => String.fromCharCode(97 + j)) ?? []),
    ]),
  );
}

/** The words a reader of the parse finds: the note, its preamble, its recognised headings, the warnings. */
function parsedWords(parsed: ParsedCoverNote): Set<string> {
  const runs = stringsUnder(parsed.content.sections, ['text', 'href']);
  const present = SECTION_KEYS.filter(
    (_, i) => !parsed.warnings.some((w) => w.message.includes(EXPECTED_HEADINGS[i]!)),
  );
  const texts = [
    ...runs,
    ...parsed.content.footnotes.flatMap((f, i) => [String(i + 1), f.text, f.sourceUrl ? `source ${f.sourceUrl}` : '']),
    ...parsed.headerLines,
    parsed.meetingLine ?? '',
    parsed.item ? `${parsed.item.number} ${parsed.item.title}` : '',
    parsed.hasCoverNoteTitle ? 'COVER NOTE' : '',
    ...present.flatMap((key) => [EXPECTED_HEADINGS[SECTION_KEYS.indexOf(key)]!, ...HEADING_VARIANTS[key]]),
    ...parsed.warnings.map((w) => w.message),
    // A list's numbers and letters are its numbering, kept as the list's style, not as words.
    ...listMarkers(parsed.content.sections),
  ];
  return new Set(texts.flatMap(wordsOf));
}

const LIMITS = { maxUnzippedBytes: 50 * 1024 * 1024, maxEntries: 500 };

for (const [name, kind, make] of FIXTURES) {
  t.test(`every visible word of ${name} (.${kind}) is in the note or quoted in a warning`, async (t) => {
    const bytes = await make();
    const { extracted } = await readDraft(bytes, LIMITS, { fileName: `draft.${kind}` });
    // Without the parser's own last guard (which would quote what was lost): the rule must hold by itself.
    const parsed = parseCoverNote({ ...extracted, sourceText: undefined });
    t.equal(parsed.hasSections, true);
    const found = parsedWords(parsed);
    const source = wordsOf(await visibleText(kind, bytes));
    t.ok(source.length > 10, `${source.length} words read from the file`);
    t.same(
      [...new Set(source.filter((word) => !found.has(word)))],
      [],
      'words of the file found neither in the note nor in a warning',
    );
  });
}
