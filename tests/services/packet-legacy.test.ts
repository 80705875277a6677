import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import t, { type Test } from 'tap';
import type { Config } from '../../src/config/env.js';
import { actor } from '../factories.js';
import { as, build, reposOf, testConfig } from '../helper.js';
import { insertLegacyPacket } from '../support/legacy-packet.js';
import { listsWithObserver, meetingWithDelegates } from '../support/mail-meeting.js';
import { pdfLines } from '../support/pdf-text.js';
import { waitFor } from '../support/wait.js';

const TITLE_9_1 = 'Update from the Work Stream 12 of the NIS cooperation group';
// A sentence only on the pages of note 9.1 itself.
const TEXT_9_1 = 'The Work stream is now operational and this is the first update to the eHealth Network.';
const LEFT_OUT_9_1 = `1.1 ${TITLE_9_1} — not distributed to this list`;

/** All the PDF's text on one line, spaces folded (a sentence may wrap anywhere). */
const flat = async (bytes: Uint8Array) => (await pdfLines(bytes)).join(' ').replace(/\s+/g, ' ');

/**
 * A packet as recorded before migration 0007 (frozen = null), mailed to the delegates and the
 * observers lists (one delegate, one observer) with 9.1 released and marked `network`; then 9.1
 * is marked `limited` to `audienceGroups`.
 */
async function legacyPacketThenMarked(app: FastifyInstance, audienceGroups: string[]) {
  const { secretariat, meeting, people, ids } = await meetingWithDelegates(app, 1);
  const observer = await listsWithObserver(app, secretariat, meeting.id, people[0]!.id);
  const packet = insertLegacyPacket(
    app,
    { meetingId: meeting.id, createdById: secretariat.id, lists: ['delegates', 'observers'], itemIds: [ids[0]!] },
    [people[0]!, observer],
    'sent',
  );
  app.services.agenda.update(actor(secretariat), ids[0]!, { audience: 'limited', audienceGroups });
  return { secretariat, delegate: people[0]!, packet };
}

/** The delegate's mail, sent again, with the text of its attached packet. */
async function resent(
  app: FastifyInstance,
  config: Config,
  legacy: Awaited<ReturnType<typeof legacyPacketThenMarked>>,
) {
  app.services.packets.resend(actor(legacy.secretariat), legacy.packet.id, { personId: legacy.delegate.id });
  // Finished mails only: the file transport writes `.tmp-<name>` first, then renames it.
  const finished = () => readdirSync(config.mail.outgoingDir).filter((f) => !f.startsWith('.tmp-'));
  await waitFor(() => finished().length === 1, 'the resent mail');
  const [file] = finished();
  const mail = await simpleParser(readFileSync(join(config.mail.outgoingDir, file!)));
  return {
    text: mail.text ?? '',
    pdf: await flat(mail.attachments.find((a) => a.contentType === 'application/pdf')!.content),
  };
}

/** The packet behind an old link of the packet: signed, naming no recipient. */
async function oldLink(t: Test, app: FastifyInstance, packetId: number) {
  const link = app.services.packets.downloadLink(packetId, new Date(Date.now() + 86_400_000));
  const res = await app.inject({ method: 'GET', url: link.url.replace(/^https?:\/\/[^/]+/, '') });
  t.equal(res.statusCode, 200);
  return flat(res.rawPayload);
}

t.test(
  'a note marked limited to Commission staff after a packet from before frozen packets was sent reaches none of its readers again',
  async (t) => {
    const config = testConfig(t);
    const app = await build(t, { config, now: () => new Date() });
    const legacy = await legacyPacketThenMarked(app, ['secretariat-copies']);

    const mail = await resent(app, config, legacy);
    t.match(mail.text, `1.1  ${TITLE_9_1} — not distributed to this list`, 'the mail says the note is left out');
    t.notOk(mail.pdf.includes(TEXT_9_1), "the delegate's resent packet has no page of the note");
    t.ok(mail.pdf.includes(LEFT_OUT_9_1), 'its contents line says it is left out');
    t.notOk(mail.pdf.includes('Limited distribution'), 'nor its marking');

    const served = await oldLink(t, app, legacy.packet.id);
    t.notOk(served.includes(TEXT_9_1), 'the old link serves no page of the note');
    t.ok(served.includes(LEFT_OUT_9_1), 'and says it is left out');

    const view = (
      await as(app, legacy.secretariat, { method: 'GET', url: `/api/v1/packets/${legacy.packet.id}` })
    ).json();
    t.same(
      view.recipients.map((r: { email: string; lists: string[] }) => [r.email, r.lists]),
      [
        ['delegate1@ms1.example.eu', ['delegates']],
        ['olga@who.example.int', ['observers']],
      ],
      'frozen on first use with the lists each recipient is on',
    );
    const { mail: rows } = reposOf(app);
    t.equal(
      rows.freezeLegacyPacket(legacy.packet.id, rows.findPacket(legacy.packet.id)!.frozen!),
      false,
      'a second freezing does not replace the first',
    );
  },
);

t.test('the old link of a packet also sent to observers serves no note for delegates only', async (t) => {
  const config = testConfig(t);
  const app = await build(t, { config, now: () => new Date() });
  const legacy = await legacyPacketThenMarked(app, ['delegates']);

  t.ok((await resent(app, config, legacy)).pdf.includes(TEXT_9_1), "the delegate's resent packet holds the note");
  const served = await oldLink(t, app, legacy.packet.id);
  t.notOk(served.includes(TEXT_9_1), 'the old link, which the observer may hold too, does not');
  t.ok(served.includes(LEFT_OUT_9_1));
});
