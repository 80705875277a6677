import { createHash } from 'node:crypto';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RefProxy } from 'pdfjs-dist/types/src/display/api.js';
import t from 'tap';
import { ITEM_9_1, ITEM_9_2 } from '../../../src/demo/seed-notes.js';
import { UnreadableAnnexError } from '../../../src/rendering/pdf/packet-merge.js';
import { renderPacketPdf } from '../../../src/rendering/pdf/packet-pdf.js';
import { buildAgendaView } from '../../../src/rendering/views/agenda-view.js';
import type { NoteView } from '../../../src/rendering/views/note-view.js';
import { buildPacketView, type AnnexView } from '../../../src/rendering/views/packet-view.js';
import { EHEALTH_HEADER_LINES } from '../../../src/services/demo-data.js';
import { pdfText } from '../../support/pdf-text.js';
import { MEETING_18, noteView } from '../../support/note-views.js';

const NOW = new Date('2020-11-05T10:00:00.000Z');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A PDF annex of `pages` pages (the last one landscape), made with pdf-lib. */
async function annexPdf(name: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage(i === pages && pages > 1 ? [841.89, 595.28] : [595.28, 841.89]);
    page.drawText(`${name} page ${i}`, { x: 72, y: page.getHeight() - 100, size: 20, font });
  }
  return doc.save();
}

/**
 * A 30-item meeting: ten topics (1..10), each with sub-items n.1 and n.2 whose notes are the
 * seed notes; 3.2 is still in review; every n.1 has a two- or three-page annex.
 */
async function thirtyItemPacket(options: { includeDraft: boolean }) {
  const items = [];
  const notes = new Map<number, NoteView>();
  const annexes = new Map<number, AnnexView[]>();
  let id = 100;
  for (let topic = 1; topic <= 10; topic++) {
    items.push({ id: ++id, number: `${topic}`, title: `Topic ${topic}`, rapporteurs: [], procedure: null });
    for (const [sub, seed] of [
      [1, ITEM_9_1],
      [2, ITEM_9_2],
    ] as const) {
      const number = `${topic}.${sub}`;
      const item = { id: ++id, number, title: `${seed.title} (${number})` };
      items.push({ ...item, rapporteurs: [{ name: 'Rita Rapporteur' }], procedure: 'for-information' });
      const state = number === '3.2' ? 'review' : 'released';
      if (state === 'released' || options.includeDraft) notes.set(item.id, noteView(item, seed.content, { state }));
      if (sub === 1)
        annexes.set(item.id, [
          { title: `Slides ${number}`, bytes: await annexPdf(`Slides ${number}`, 2 + (topic % 2)) },
        ]);
    }
  }
  const agenda = buildAgendaView({ meeting: MEETING_18, headerLines: EHEALTH_HEADER_LINES, items });
  return { view: buildPacketView({ agenda, notes, annexes }), items };
}

interface Bookmark {
  title: string;
  page: number;
  isOpen: boolean;
  /** How the destination shows its page: `Fit`, the whole page. */
  fit: string;
  children: Bookmark[];
}

/** The outline tree as a reader shows it (pdfjs), each bookmark with the page it opens. */
async function readOutline(bytes: Uint8Array): Promise<{ pageMode: string; bookmarks: Bookmark[] }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  type Item = Awaited<ReturnType<typeof pdf.getOutline>>[number];
  const walk = async (items: Item[]): Promise<Bookmark[]> =>
    Promise.all(
      items.map(async (item) => {
        const [target, fit] = item.dest as [RefProxy, { name: string }];
        return {
          title: item.title,
          page: await pdf.getPageIndex(target),
          isOpen: (item.count ?? 0) > 0 || item.items.length === 0,
          fit: fit.name,
          children: await walk(item.items),
        };
      }),
    );
  try {
    return { pageMode: await pdf.getPageMode(), bookmarks: await walk(await pdf.getOutline()) };
  } finally {
    await pdf.destroy();
  }
}

t.test('a 30-item packet: contents, bookmarks and page numbers agree with the pages', async (t) => {
  const { view, items } = await thirtyItemPacket({ includeDraft: true });
  const pdf = await renderPacketPdf(view, { now: NOW });
  const pages = await pdfText(pdf);
  const text = pages.map((p) => squash(p.lines.join(' ')));
  const total = pages.length;

  t.test('every page carries its number in the whole packet', async (t) => {
    pages.forEach((page, i) =>
      t.ok(
        page.lines.some((l) => l.endsWith(`Page ${i + 1} of ${total}`)),
        `page ${i + 1}`,
      ),
    );
  });

  t.test('the contents give the page each note and annex starts on', async (t) => {
    // An entry starts with its number, `Annex:` or `Agenda`; a long title continues on the next line.
    const joined = pages
      .slice(1, 3)
      .flatMap((p) => p.lines)
      .reduce<string[]>((all, line) => {
        if (/^(\d+(\.\d+)* |Annex: |Agenda|CONTENTS|Page )/.test(line) || all.length === 0) all.push(line);
        else all[all.length - 1] += ` ${line}`;
        return all;
      }, []);
    const entries = joined
      .map((entry) => /^(.*?\S)\s+\.(?: \.)*\s+(\d+)$/.exec(entry))
      .filter((m): m is RegExpExecArray => m !== null);
    t.equal(entries.length, 1 + 20 + 10, 'agenda, 20 notes and 10 annexes are listed');
    for (const [, label, page] of entries) {
      const target = text[Number(page) - 1]!;
      if (label === 'Agenda') t.match(target, 'AGENDA');
      else if (label!.startsWith('Annex: ')) t.match(target, `${label!.slice(7)} page 1`, `${label} starts on ${page}`);
      else t.match(target, squash(label!.replace(/ \(draft\)$/, '')), `${label!.slice(0, 12)} starts on ${page}`);
    }
    t.match(text[1], '3.2 Reflections on Cybersecurity on the health sector (3.2) (draft)');
  });

  t.test('one bookmark per item, nested under its parent, annexes under their item', async (t) => {
    const { pageMode, bookmarks: outline } = await readOutline(pdf);
    t.equal(pageMode, 'UseOutlines', 'the reader opens with the bookmarks shown');
    const all = (list: Bookmark[]): Bookmark[] => list.flatMap((b) => [b, ...all(b.children)]);
    t.same(
      all(outline)
        .filter((b) => !b.isOpen || b.fit !== 'Fit')
        .map((b) => b.title),
      [],
      'every bookmark is open and shows its whole page',
    );
    t.same(
      outline.slice(0, 2).map((b) => b.title),
      ['Contents', 'Agenda'],
    );
    const topics = outline.slice(2);
    t.same(
      topics.map((b) => b.title),
      items.filter((i) => !i.number.includes('.')).map((i) => `${i.number} ${i.title}`),
    );
    for (const topic of topics) {
      const number = topic.title.split(' ')[0]!;
      t.same(
        topic.children.map((c) => c.title.split(' ')[0]),
        [`${number}.1`, `${number}.2`],
      );
      t.equal(topic.page, topic.children[0]!.page, 'a topic opens its first note');
      for (const note of topic.children) {
        t.match(text[note.page], squash(note.title), `${note.title.slice(0, 8)} opens its note`);
      }
      const [annex] = topic.children[0]!.children;
      t.equal(annex!.title, `Annex: Slides ${number}.1`);
      t.match(text[annex!.page], `Slides ${number}.1 page 1`);
    }
    const count = (list: Bookmark[]): number =>
      list.reduce((n, b) => n + (b.title.startsWith('Annex') ? 0 : 1) + count(b.children), 0);
    t.equal(count(topics), 30);
  });

  t.test('the note in review is printed as a draft, and says so', async (t) => {
    const first = text.findIndex((p) => p.includes('COVER NOTE 3.2 Reflections'));
    t.same(pages[first]!.rotated, ['DRAFT']);
    t.ok(pages.filter((p) => p.rotated.length > 0).length >= 1);
    t.match(text[0], 'Not released, printed as drafts and marked DRAFT: 3.2');
  });

  t.test('metadata name the meeting and the creation date', async (t) => {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    t.equal(
      doc.getTitle(),
      'Meeting packet of the 18th eHealth Network meeting, 12-13 November 2020, Brussels, Belgium',
    );
    t.equal(doc.getSubject(), '18th eHealth Network meeting, 12-13 November 2020, Brussels, Belgium');
    t.equal(doc.getCreationDate()?.toISOString(), NOW.toISOString());
    t.equal(doc.getPageCount(), total);
  });
});

t.test('the same packet twice gives the same bytes', async (t) => {
  const { view } = await thirtyItemPacket({ includeDraft: false });
  const hash = async () =>
    createHash('sha256')
      .update(await renderPacketPdf(view, { now: NOW }))
      .digest('hex');
  t.equal(await hash(), await hash());
});

t.test('an annex page turned by /Rotate gets its page number upright, at its foot', async (t) => {
  const annex = await PDFDocument.create();
  const font = await annex.embedFont(StandardFonts.Helvetica);
  for (const angle of [90, 180, 270]) {
    const page = annex.addPage([595.28, 841.89]);
    page.setRotation(degrees(angle));
    page.drawText(`Turned ${angle}`, { x: 72, y: 400, size: 20, font });
  }
  const item = { id: 1, number: '1', title: 'Turned pages', rapporteurs: [], procedure: 'for-information' };
  const agenda = buildAgendaView({ meeting: MEETING_18, headerLines: EHEALTH_HEADER_LINES, items: [item] });
  const notes = new Map([[1, noteView(item, ITEM_9_1.content)]]);
  const annexes = new Map([[1, [{ title: 'Turned', bytes: await annex.save() }]]]);
  const pages = await pdfText(await renderPacketPdf(buildPacketView({ agenda, notes, annexes }), { now: NOW }));
  const total = pages.length;
  for (const [i, angle] of [90, 180, 270].entries()) {
    const page = pages[total - 3 + i]!;
    t.ok(
      page.lines.some((l) => l.endsWith(`Page ${total - 2 + i} of ${total}`)),
      `the page turned by ${angle} is numbered upright`,
    );
    t.equal([page.width, page.height].join('x'), angle === 180 ? '595.28x841.89' : '841.89x595.28');
  }
});

t.test('an annex that is not a PDF stops the packet with its name', async (t) => {
  const item = { id: 1, number: '9.1', title: 'Broken annex', rapporteurs: [], procedure: null };
  const agenda = buildAgendaView({ meeting: MEETING_18, headerLines: EHEALTH_HEADER_LINES, items: [item] });
  const notes = new Map([[1, noteView(item, ITEM_9_1.content)]]);
  const annexes = new Map([[1, [{ title: 'Slides', bytes: new TextEncoder().encode('not a pdf') }]]]);
  const error = await renderPacketPdf(buildPacketView({ agenda, notes, annexes }), { now: NOW }).catch(
    (e: unknown) => e,
  );
  t.ok(error instanceof UnreadableAnnexError);
  t.match((error as Error).message, 'The annex "Slides" of item 9.1 is not a readable PDF');
});
