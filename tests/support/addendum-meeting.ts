import type { FastifyInstance } from 'fastify';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ITEM_9_1, ITEM_9_2 } from '../../src/demo/seed-notes.js';
import { actor } from '../factories.js';
import { meetingWithDelegates, sendPacket } from './mail-meeting.js';

/** A one-page annex whose page says `<text>`. */
export async function annexPdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText(text, { x: 72, y: 700, size: 14, font });
  return Buffer.from(await doc.save());
}

export const REASON_9_2 = 'Corrected the date in paragraph 3.';
export const REASON_ANNEX = 'Replaced the work plan with the signed copy.';

/**
 * Packet 1 sent with 1.1 (the 9.1 seed, with its annex "Work plan"), 1.2 (the 9.2 seed) and
 * 2 "Any other business", all released, to `delegates` delegates.
 */
export async function meetingWithPacket(app: FastifyInstance, delegates: number) {
  const setup = await meetingWithDelegates(app, delegates);
  const { secretariat, meeting, ids } = setup;
  const staff = actor(secretariat);
  const [item91, item92] = ids as [number, number];
  app.services.workflow.perform(staff, item92, { event: 'release', procedure: 'for-discussion' });
  app.services.workflow.perform(staff, item91, { event: 'reopen', comment: 'The work plan goes with it.' });
  await app.services.ingest.addAnnex(
    staff,
    item91,
    { bytes: await annexPdf('Work plan, draft'), fileName: 'plan.pdf' },
    'Work plan',
  );
  app.services.workflow.perform(staff, item91, { event: 'submit' });
  app.services.workflow.perform(staff, item91, {
    event: 'release',
    procedure: 'for-information',
    reason: 'Added the work plan.',
  });
  const aob = app.services.agenda.create(staff, meeting.id, { title: 'Any other business' });
  app.services.notes.createVersion(staff, aob.id, ITEM_9_1.content);
  app.services.workflow.perform(staff, aob.id, { event: 'submit' });
  app.services.workflow.perform(staff, aob.id, { event: 'release', procedure: 'for-information' });
  const sent = await sendPacket(app, secretariat, meeting.id);
  if (sent.statusCode !== 202) throw new Error(`packet 1: ${sent.statusCode} ${sent.body}`);
  return { ...setup, item91, item92, aob: aob.id, packetId: sent.json<{ id: number }>().id };
}

/** After packet 1: 9.2 revised, the work plan replaced, item 3 added, item 2 withdrawn. */
export async function changeAfterPacket(app: FastifyInstance, setup: Awaited<ReturnType<typeof meetingWithPacket>>) {
  const staff = actor(setup.secretariat);
  const { item91, item92, aob, meeting } = setup;
  app.services.workflow.perform(staff, item92, { event: 'reopen', comment: 'A date was wrong.' });
  const [first, ...rest] = ITEM_9_2.content.sections.summary;
  app.services.notes.createVersion(staff, item92, {
    ...ITEM_9_2.content,
    sections: { ...ITEM_9_2.content.sections, summary: [first!, 'The meeting moved to 14 November 2020.', ...rest] },
  });
  app.services.workflow.perform(staff, item92, { event: 'submit' });
  app.services.workflow.perform(staff, item92, { event: 'release', procedure: 'for-discussion', reason: REASON_9_2 });

  app.services.workflow.perform(staff, item91, { event: 'reopen', comment: 'The signed work plan came in.' });
  const [plan] = app.services.ingest.listAnnexes(staff, item91);
  await app.services.ingest.removeAnnex(staff, item91, plan!.id);
  await app.services.ingest.addAnnex(
    staff,
    item91,
    { bytes: await annexPdf('Work plan, signed'), fileName: 'plan-signed.pdf' },
    'Work plan',
  );
  app.services.workflow.perform(staff, item91, { event: 'submit' });
  app.services.workflow.perform(staff, item91, {
    event: 'release',
    procedure: 'for-information',
    reason: REASON_ANNEX,
  });

  const late = app.services.agenda.create(staff, meeting.id, { title: 'European Health Data Space' });
  app.services.notes.createVersion(staff, late.id, ITEM_9_2.content);
  app.services.workflow.perform(staff, late.id, { event: 'submit' });
  app.services.workflow.perform(staff, late.id, { event: 'release', procedure: 'for-information' });

  app.services.workflow.perform(staff, aob, { event: 'reopen', comment: 'Nothing to discuss.' });
  app.services.workflow.perform(staff, aob, { event: 'withdraw', comment: 'Nothing to discuss.' });
  return { late: late.id };
}
