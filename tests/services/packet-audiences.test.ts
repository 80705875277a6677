import type { FastifyInstance } from 'fastify';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import t, { type Test } from 'tap';
import { actor } from '../factories.js';
import { as, build, testConfig, type SignedIn } from '../helper.js';
import { linkPacketApp, listsWithObserver, meetingWithDelegates, sendPacket } from '../support/mail-meeting.js';
import { pdfLines } from '../support/pdf-text.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { waitFor } from '../support/wait.js';

const TITLE_9_1 = 'Update from the Work Stream 12 of the NIS cooperation group';
const TITLE_9_2 = 'Reflections on Cybersecurity on the health sector';
// Sentences that are only on the pages of the notes themselves.
const TEXT_9_1 = 'The Work stream is now operational and this is the first update to the eHealth Network.';
const TEXT_9_2 = 'Developing cybersecurity response, and building capacity in this regard';

/** Every bookmark of a PDF, depth first, as pdfjs reads them. */
async function bookmarks(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const titles: string[] = [];
    const walk = (nodes: { title: string; items: unknown[] }[] | null) =>
      (nodes ?? []).forEach((node) => {
        titles.push(node.title);
        walk(node.items as { title: string; items: unknown[] }[]);
      });
    walk(await pdf.getOutline());
    return titles;
  } finally {
    await pdf.destroy();
  }
}

const surveyId = (app: FastifyInstance) =>
  (
    app.database.sqlite.prepare(`SELECT id FROM stored_files WHERE title = 'Member State survey'`).get() as {
      id: number;
    }
  ).id;

/** A one-page annex whose page says `<title> annex page`. */
async function annexPdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText(`${title} annex page`, { x: 72, y: 700, size: 14, font });
  return Buffer.from(await doc.save());
}

/** All the PDF's text on one line, spaces folded (a sentence may wrap anywhere). */
const flat = async (bytes: Uint8Array) => (await pdfLines(bytes)).join(' ').replace(/\s+/g, ' ');

/**
 * The 18th meeting with 9.1 marked `limited` (Member State delegates only) and 9.2 `network`,
 * both released; one delegate on the delegates list and one observer on the observers list.
 */
async function limitedMeeting(app: FastifyInstance) {
  const { secretariat, meeting, people, ids } = await meetingWithDelegates(app, 1);
  const staff = actor(secretariat);
  // 9.2 goes back to drafting for two annexes, one of them for Member State delegates only.
  app.services.workflow.perform(staff, ids[1]!, { event: 'return', comment: 'Add the annexes.' });
  await app.services.ingest.addAnnex(
    staff,
    ids[1]!,
    { bytes: await annexPdf('Work plan'), fileName: 'a.pdf' },
    'Work plan',
  );
  await app.services.ingest.addAnnex(
    staff,
    ids[1]!,
    { bytes: await annexPdf('Member State survey'), fileName: 'a.pdf' },
    'Member State survey',
    { audience: 'limited', audienceGroups: ['delegates'] },
  );
  app.services.workflow.perform(staff, ids[1]!, { event: 'submit' });
  app.services.workflow.perform(staff, ids[1]!, { event: 'release', procedure: 'for-discussion' });
  app.services.agenda.update(staff, ids[0]!, { audience: 'limited', audienceGroups: ['delegates'] });
  const observer = await listsWithObserver(app, secretariat, meeting.id, people[0]!.id);
  return { secretariat, meeting, delegate: people[0]!, observer, ids };
}

async function send(app: FastifyInstance, smtp: TestSmtp, secretariat: SignedIn, meetingId: number) {
  const res = await sendPacket(app, secretariat, meetingId, {
    lists: ['delegates', 'observers'],
    content: 'combined',
    includeInvite: false,
  });
  if (res.statusCode !== 202) throw new Error(`packet: ${res.statusCode} ${res.body}`);
  await waitFor(() => smtp.received.length === 2, 'both messages');
  return res.json() as { id: number };
}

async function checkAudiences(t: Test, pdfs: { delegate: Uint8Array; observer: Uint8Array }) {
  const delegate = await flat(pdfs.delegate);
  t.ok(delegate.includes(TEXT_9_1), "the delegate's packet holds the limited note");
  t.ok(delegate.includes(TEXT_9_2), 'and the network note');
  t.notOk(delegate.includes('not distributed to this list'), 'nothing is left out for the delegate');
  t.ok(
    delegate.includes('Limited distribution: Member State delegates only'),
    "the contents print the limited note's marking",
  );
  t.ok(delegate.includes('Distribution: eHealth Network members and observers'), "and the network note's marking");
  t.ok(delegate.includes('Work plan annex page'), 'both annexes for the delegate');
  t.ok(delegate.includes('Member State survey annex page'));
  t.same(await bookmarks(pdfs.delegate), [
    'Contents',
    'Agenda',
    '1 Cybersecurity',
    `1.1 ${TITLE_9_1}`,
    `1.2 ${TITLE_9_2}`,
    'Annex: Work plan',
    'Annex: Member State survey',
  ]);

  const observer = await flat(pdfs.observer);
  t.ok(observer.includes(`1.1 ${TITLE_9_1} — not distributed to this list`), 'the contents say it is left out');
  t.notOk(observer.includes(TEXT_9_1), 'no page of the limited note');
  t.notOk(observer.includes('Limited distribution'), 'nor its marking');
  t.ok(observer.includes(TEXT_9_2), 'the network note is there');
  t.equal(observer.split(TITLE_9_1).length - 1, 2, 'the limited item keeps its agenda line and its contents line only');
  t.ok(observer.includes('Work plan annex page'), 'the network annex is there');
  t.ok(
    observer.includes('Annex: Member State survey — not distributed to this list'),
    'the limited annex is listed as left out',
  );
  t.notOk(observer.includes('Member State survey annex page'), 'no page of the limited annex');
  t.same(
    await bookmarks(pdfs.observer),
    ['Contents', 'Agenda', '1 Cybersecurity', `1.2 ${TITLE_9_2}`, 'Annex: Work plan'],
    'no bookmark to the limited note or annex, and no renumbering',
  );
}

t.test(
  "a limited note (Member State delegates only): the delegate's mailed packet holds it, the observer's says 'not distributed to this list'",
  async (t) => {
    const smtp = await startTestSmtp();
    t.teardown(() => smtp.close());
    const app = await build(t, {
      config: testConfig(t, { AGENDUM_SMTP_URL: smtp.url, AGENDUM_RETRY_BASE_MS: '50' }),
      now: () => new Date(),
    });
    const { secretariat, meeting, delegate, observer, ids } = await limitedMeeting(app);
    const { id } = await send(app, smtp, secretariat, meeting.id);
    const attachment = (email: string) =>
      smtp.received
        .find((m) => m.to.includes(email))!
        .parsed.attachments.find((a) => a.contentType === 'application/pdf')!.content;
    await checkAudiences(t, { delegate: attachment(delegate.email), observer: attachment(observer.email) });

    const text = (email: string) => smtp.received.find((m) => m.to.includes(email))!.parsed.text ?? '';
    t.match(text(delegate.email), `1.1  ${TITLE_9_1} — For information.`);
    t.match(text(observer.email), `1.1  ${TITLE_9_1} — not distributed to this list`);
    t.match(text(observer.email), `1.2  ${TITLE_9_2} — For discussion.`);

    const files = app.database.sqlite
      .prepare('SELECT key FROM packet_files WHERE packet_id = ? ORDER BY key')
      .all(id) as { key: string }[];
    t.same(
      files.map((f) => f.key),
      ['all:combined', `without-i${ids[0]}-a${surveyId(app)}:combined`],
      'one stored rendering per audience',
    );

    const view = (await as(app, secretariat, { method: 'GET', url: `/api/v1/packets/${id}` })).json();
    t.same(
      view.recipients.map((r: { email: string; lists: string[] }) => [r.email, r.lists]),
      [
        [delegate.email, ['delegates']],
        [observer.email, ['observers']],
      ],
      'the packet shows which lists decided what each recipient got',
    );

    const asSent = await as(app, secretariat, {
      method: 'GET',
      url: `/api/v1/packets/${id}/recipients/${observer.id}/packet.pdf`,
    });
    t.equal(asSent.statusCode, 200);
    t.same(asSent.rawPayload, attachment(observer.email), 'the packet page serves the bytes the observer was sent');
  },
);

t.test('the same audiences through the signed links the recipients were mailed', async (t) => {
  const { app, smtp } = await linkPacketApp(t);
  const { secretariat, meeting, delegate, observer } = await limitedMeeting(app);
  await send(app, smtp, secretariat, meeting.id);
  const download = async (email: string) => {
    const mail = smtp.received.find((m) => m.to.includes(email))!.parsed;
    t.equal(mail.attachments.length, 0, `nothing attached for ${email}`);
    const link = /http:\/\/[^/\s]+(\/api\/v1\/packets\/\d+\/download\?recipient=\d+&expires=\d+&signature=[\w-]+)/.exec(
      mail.text ?? '',
    )![1]!;
    const res = await app.inject({ method: 'GET', url: link });
    t.equal(res.statusCode, 200);
    return res.rawPayload;
  };
  await checkAudiences(t, { delegate: await download(delegate.email), observer: await download(observer.email) });
});
