import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import t from 'tap';
import { actor } from '../factories.js';
import { as, build, reposOf, testConfig } from '../helper.js';
import { meetingWithDelegates } from '../support/mail-meeting.js';
import { pdfLines } from '../support/pdf-text.js';
import { waitFor } from '../support/wait.js';

const TITLE_9_1 = 'Update from the Work Stream 12 of the NIS cooperation group';
// A sentence only on the pages of note 9.1 itself.
const TEXT_9_1 = 'The Work stream is now operational and this is the first update to the eHealth Network.';

/** All the PDF's text on one line, spaces folded (a sentence may wrap anywhere). */
const flat = async (bytes: Uint8Array) => (await pdfLines(bytes)).join(' ').replace(/\s+/g, ' ');

/**
 * A packet as recorded before migration 0007 (frozen = null), sent to the delegates and the
 * observers lists with 9.1 released and marked `network`: one delegate and one observer, mailed.
 */
async function legacyPacket(app: FastifyInstance) {
  const { secretariat, meeting, people, ids } = await meetingWithDelegates(app, 1);
  const observer = await app.services.people.create('system', {
    name: 'Olga Observer',
    email: 'olga@who.example.int',
    role: 'delegate',
  });
  for (const [list, personIds] of [
    ['delegates', [people[0]!.id]],
    ['observers', [observer.id]],
  ] as const) {
    const put = await as(app, secretariat, {
      method: 'PUT',
      url: `/api/v1/meetings/${meeting.id}/recipients`,
      payload: { list, personIds },
    });
    if (put.statusCode !== 200) throw new Error(`recipients: ${put.statusCode}`);
  }
  const repos = reposOf(app);
  const createdAt = new Date().toISOString();
  const packet = repos.mail.insertPacket({
    meetingId: meeting.id,
    subject: 'Documents of the meeting',
    message: 'Dear {{recipient.name}},\nthe documents.',
    lists: ['delegates', 'observers'],
    content: 'combined',
    includeInvite: false,
    itemIds: [ids[0]!],
    leftOut: [],
    inviteSequence: null,
    frozen: null,
    createdById: secretariat.id,
    createdAt,
  });
  repos.mail.insertOutbox(
    [people[0]!, observer].map((person) => ({
      kind: 'packet' as const,
      packetId: packet.id,
      personId: person.id,
      email: person.email,
      messageId: `<packet-${packet.id}-${person.id}-legacy@agendum>`,
      status: 'sent' as const,
      nextAttemptAt: createdAt,
      sentAt: createdAt,
      createdAt,
    })),
  );
  return { secretariat, delegate: people[0]!, observer, ids, packet };
}

t.test(
  'a note marked limited to Commission staff after a packet from before frozen packets was sent reaches none of its readers again',
  async (t) => {
    const config = testConfig(t);
    const app = await build(t, { config, now: () => new Date() });
    const { secretariat, delegate, ids, packet } = await legacyPacket(app);
    const staff = actor(secretariat);
    app.services.agenda.update(staff, ids[0]!, { audience: 'limited', audienceGroups: ['secretariat-copies'] });

    app.services.packets.resend(staff, packet.id, { personId: delegate.id });
    await waitFor(() => readdirSync(config.mail.outgoingDir).length === 1, 'the resent mail');
    const [file] = readdirSync(config.mail.outgoingDir);
    const mail = await simpleParser(readFileSync(join(config.mail.outgoingDir, file!)));
    t.match(mail.text, `1.1  ${TITLE_9_1} — not distributed to this list`, 'the mail says the note is left out');
    const attached = await flat(mail.attachments.find((a) => a.contentType === 'application/pdf')!.content);
    t.notOk(attached.includes(TEXT_9_1), "the delegate's resent packet has no page of the note");
    t.ok(attached.includes(`1.1 ${TITLE_9_1} — not distributed to this list`), 'its contents line says it is left out');
    t.notOk(attached.includes('Limited distribution'), 'nor its marking');

    // The old links named no recipient: any reader on the packet's lists may hold one.
    const link = app.services.packets.downloadLink(packet.id, new Date(Date.now() + 86_400_000));
    const res = await app.inject({ method: 'GET', url: link.url.replace(/^https?:\/\/[^/]+/, '') });
    t.equal(res.statusCode, 200);
    const served = await flat(res.rawPayload);
    t.notOk(served.includes(TEXT_9_1), 'the link serves no page of the note');
    t.ok(served.includes(`1.1 ${TITLE_9_1} — not distributed to this list`), 'and says it is left out');

    const view = (await as(app, secretariat, { method: 'GET', url: `/api/v1/packets/${packet.id}` })).json();
    t.same(
      view.recipients.map((r: { email: string; lists: string[] }) => [r.email, r.lists]),
      [
        ['delegate1@ms1.example.eu', ['delegates']],
        ['olga@who.example.int', ['observers']],
      ],
      'frozen on first use with the lists each recipient is on',
    );
    t.equal(
      reposOf(app).mail.freezeLegacyPacket(packet.id, reposOf(app).mail.findPacket(packet.id)!.frozen!),
      false,
      'a second freezing does not replace the first',
    );
  },
);

t.test('the old link of a packet also sent to observers serves no note for delegates only', async (t) => {
  const config = testConfig(t);
  const app = await build(t, { config, now: () => new Date() });
  const { secretariat, delegate, ids, packet } = await legacyPacket(app);
  const staff = actor(secretariat);
  app.services.agenda.update(staff, ids[0]!, { audience: 'limited', audienceGroups: ['delegates'] });

  app.services.packets.resend(staff, packet.id, { personId: delegate.id });
  await waitFor(() => readdirSync(config.mail.outgoingDir).length === 1, 'the resent mail');
  const [file] = readdirSync(config.mail.outgoingDir);
  const mail = await simpleParser(readFileSync(join(config.mail.outgoingDir, file!)));
  const attached = await flat(mail.attachments.find((a) => a.contentType === 'application/pdf')!.content);
  t.ok(attached.includes(TEXT_9_1), "the delegate's resent packet holds the note for delegates");

  const link = app.services.packets.downloadLink(packet.id, new Date(Date.now() + 86_400_000));
  const res = await app.inject({ method: 'GET', url: link.url.replace(/^https?:\/\/[^/]+/, '') });
  t.equal(res.statusCode, 200);
  const served = await flat(res.rawPayload);
  t.notOk(served.includes(TEXT_9_1), 'the link, which the observer may hold too, does not');
  t.ok(served.includes(`1.1 ${TITLE_9_1} — not distributed to this list`));
});
