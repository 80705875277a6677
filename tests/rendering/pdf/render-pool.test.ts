import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import t from 'tap';
import { ITEM_9_1 } from '../../../src/demo/seed-notes.js';
import { AgendumError } from '../../../src/domain/errors.js';
import { withNoteCache } from '../../../src/rendering/pdf/note-pdf-cache.js';
import { UnreadableAnnexError } from '../../../src/rendering/pdf/packet-merge.js';
import { inProcessRenderer } from '../../../src/rendering/pdf/pdf-renderer.js';
import { createRenderPool } from '../../../src/rendering/pdf/render-pool.js';
import { buildAgendaView } from '../../../src/rendering/views/agenda-view.js';
import { buildPacketView } from '../../../src/rendering/views/packet-view.js';
import { EHEALTH_HEADER_LINES } from '../../../src/services/demo-data.js';
import { pdfText } from '../../support/pdf-text.js';
import { MEETING_18, note91, note92, noteView } from '../../support/note-views.js';

/** Issue 13: PDFs are rendered on worker threads, the same bytes as in the calling thread. */

const NOW = new Date('2020-11-05T10:00:00.000Z');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const ITEMS = [
  { id: 1, number: '9', title: 'Cybersecurity', rapporteurs: [], procedure: null },
  { id: 2, number: '9.1', title: ITEM_9_1.title, rapporteurs: [{ name: 'Rita Rapporteur' }], procedure: null },
];
const agenda = buildAgendaView({ meeting: MEETING_18, headerLines: EHEALTH_HEADER_LINES, items: ITEMS });

async function annexPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595.28, 841.89]).drawText('Slides page 1', { x: 72, y: 700, size: 14, font });
  return doc.save();
}

t.test('the pool renders notes, agendas and packets byte for byte as the calling thread does', async (t) => {
  const pool = createRenderPool({ threads: 2, maxQueue: 8 });
  t.teardown(() => pool.close());
  const here = inProcessRenderer();
  const packet = buildPacketView({
    agenda,
    notes: new Map([[2, note91()]]),
    annexes: new Map([[2, [{ title: 'Slides', bytes: await annexPdf() }]]]),
  });
  const [note, agendaPdf, packetPdf] = await Promise.all([
    pool.renderNote(note92(), { now: NOW }),
    pool.renderAgenda(agenda, { now: NOW }),
    pool.renderPacket(packet, { now: NOW }),
  ]);
  t.equal(sha256(note), sha256(await here.renderNote(note92(), { now: NOW })), 'note');
  t.equal(sha256(agendaPdf), sha256(await here.renderAgenda(agenda, { now: NOW })), 'agenda');
  t.equal(sha256(packetPdf), sha256(await here.renderPacket(packet, { now: NOW })), 'packet');
  t.ok(Buffer.isBuffer(note), 'callers get a Buffer');
  t.ok(
    (await pdfText(packetPdf)).some((p) => p.lines.includes('Slides page 1')),
    'the annex crossed the thread',
  );
  t.equal(pool.load().threads, 2, 'renders at once run on two threads');
});

t.test('an unreadable annex comes back from the thread as the same error as before (a 409)', async (t) => {
  const pool = createRenderPool({ threads: 1, maxQueue: 4 });
  t.teardown(() => pool.close());
  const packet = buildPacketView({
    agenda,
    notes: new Map([[2, note91()]]),
    annexes: new Map([[2, [{ title: 'Slides', bytes: new TextEncoder().encode('not a pdf') }]]]),
  });
  const error = await pool.renderPacket(packet, { now: NOW }).catch((e: unknown) => e);
  t.ok(error instanceof UnreadableAnnexError);
  t.match((error as Error).message, 'The annex "Slides" of item 9.1 is not a readable PDF');
});

t.test('a full queue refuses new renders at once with AGENDUM_BUSY (503), and the others finish', async (t) => {
  const pool = createRenderPool({ threads: 1, maxQueue: 2 });
  t.teardown(() => pool.close());
  const outcomes = await Promise.allSettled(
    Array.from({ length: 6 }, (_, i) =>
      pool.renderNote(noteView({ number: `${i}`, title: 'Busy' }, ITEM_9_1.content), { now: NOW }),
    ),
  );
  const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason);
  t.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 3, 'one running and two waiting are rendered');
  t.equal(refused.length, 3);
  for (const error of refused) {
    t.ok(error instanceof AgendumError);
    t.equal((error as AgendumError).code, 'AGENDUM_BUSY');
    t.equal((error as AgendumError).status, 503);
  }
});

t.test('a rendered note is kept by content hash: the same note again is not rendered again', async (t) => {
  const cached = withNoteCache(inProcessRenderer(), { maxBytes: 10 * 1024 * 1024 });
  const first = await cached.renderNote(note91(), { now: NOW });
  const again = await cached.renderNote(note91(), { now: NOW });
  t.equal(again, first);
  const changed = await cached.renderNote(note91('review'), { now: NOW });
  t.not(sha256(changed), sha256(first), 'a changed note is a new key');
  t.match(cached.noteCache(), { hits: 1, renders: 2, entries: 2 });

  const tiny = withNoteCache(inProcessRenderer(), { maxBytes: 1000 });
  await tiny.renderNote(note91(), { now: NOW });
  t.match(tiny.noteCache(), { entries: 0, bytes: 0 }, 'a note larger than the cache is served, not kept');
});
