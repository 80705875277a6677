import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ITEM_9_2 } from '../src/demo/seed-notes.js';
import { reposOf, startBenchApp, type BenchApp } from './bench-app.js';
import { median, round, type Figure } from './figures.js';
import { thirtyNoteMeeting } from './pdf.js';

/**
 * Issue 17: the addendum to packet 1 of a 30-note meeting after four changes (9.2 revised, an
 * annex replaced, an item added, an item withdrawn), timed beside the full packet of the same
 * meeting in the same run, alternately. Target: the addendum costs less than the full packet.
 */

async function annexPdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText(text, { x: 72, y: 700, size: 14, font });
  return Buffer.from(await doc.save());
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Packet 1 of the 30-note meeting sent, then the four changes; the packet's id. */
async function fourChanges(bench: BenchApp, meetingId: number) {
  const { services } = bench.app;
  const admin = reposOf(bench.app).people.findByEmail('admin@example.org')!;
  const staff = { id: admin.id, name: admin.name, role: 'admin' as const };
  const items = services.agenda.list(staff, meetingId);
  const idOf = (number: string) => items.find((i) => i.number === number)!.id;
  const [withAnnex, revised, withdrawn] = [idOf('1.1'), idOf('1.2'), idOf('2.1')];
  const release = (itemId: number, reason?: string) => {
    services.workflow.perform(staff, itemId, { event: 'submit' });
    services.workflow.perform(staff, itemId, { event: 'release', procedure: 'for-information', reason });
  };
  const replaceAnnex = async (text: string, reason: string) => {
    services.workflow.perform(staff, withAnnex, { event: 'reopen', comment: reason });
    for (const annex of services.ingest.listAnnexes(staff, withAnnex))
      await services.ingest.removeAnnex(staff, withAnnex, annex.id);
    const upload = { bytes: await annexPdf(text), fileName: 'plan.pdf' };
    await services.ingest.addAnnex(staff, withAnnex, upload, 'Work plan');
    release(withAnnex, reason);
  };
  await replaceAnnex('Work plan, draft', 'Added the work plan.');
  const packet = services.packets.create(staff, meetingId, { subject: 'Packet', message: 'Dear {{recipient.name}}' });

  services.workflow.perform(staff, revised, { event: 'reopen', comment: 'A date was wrong.' });
  const [first, ...rest] = ITEM_9_2.content.sections.summary;
  services.notes.createVersion(staff, revised, {
    ...ITEM_9_2.content,
    sections: { ...ITEM_9_2.content.sections, summary: [first!, 'The meeting moved to 14 November 2020.', ...rest] },
  });
  release(revised, 'Corrected the date in paragraph 3.');
  await replaceAnnex('Work plan, signed', 'Replaced the work plan with the signed copy.');
  const late = services.agenda.create(staff, meetingId, { title: 'European Health Data Space' });
  services.notes.createVersion(staff, late.id, ITEM_9_2.content);
  release(late.id);
  services.workflow.perform(staff, withdrawn, { event: 'reopen', comment: 'Nothing to discuss.' });
  services.workflow.perform(staff, withdrawn, { event: 'withdraw', comment: 'Nothing to discuss.' });
  // The packet's own mails are built before anything is timed: they would share the machine.
  for (let i = 0; i < 600 && !services.packets.view(staff, packet.id).done; i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return { staff, packetId: packet.id };
}

export async function addendumBenchmark(): Promise<Figure[]> {
  const bench = await startBenchApp();
  try {
    const meetingId = thirtyNoteMeeting(bench);
    const { staff, packetId } = await fourChanges(bench, meetingId);
    const { services } = bench.app;
    const changes = services.packets.changesSince(staff, meetingId, packetId).changes.length;
    const full = () => services.pdf.packetPdf(staff, meetingId);
    const addendum = () => services.addenda.addendumPdf(staff, meetingId, packetId);
    for (let i = 0; i < 2; i++) await Promise.all([full(), addendum()]);
    const [fullTimes, addendumTimes]: [number[], number[]] = [[], []];
    for (let i = 0; i < 7; i++) {
      fullTimes.push(await timed(full));
      addendumTimes.push(await timed(addendum));
    }
    const [fullMs, addendumMs] = [median(fullTimes), median(addendumTimes)];
    return [
      {
        name: 'full packet of the same meeting (30 notes, peer)',
        value: round(fullMs, 0),
        unit: 'ms',
        note: 'median of 7, alternating with the addendum',
      },
      {
        name: `addendum to packet 1 (${changes} changes)`,
        value: round(addendumMs, 0),
        unit: 'ms',
        target: 'less than the full packet',
        met: addendumMs < fullMs,
        note: `median of 7; ${round(addendumMs / fullMs, 2)}× the full packet (changes, redline, new note, annex, merge)`,
      },
    ];
  } finally {
    await bench.close();
  }
}

// `node dist/bench/addendum.js` runs this benchmark alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  addendumBenchmark().then(
    (figures) => console.table(figures),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
