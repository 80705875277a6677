import type { FastifyInstance } from 'fastify';
import type { Test } from 'tap';
import { ITEM_9_1, ITEM_9_2 } from '../../src/demo/seed-notes.js';
import { EHEALTH_HEADER_LINES } from '../../src/services/demo-data.js';
import { actor, createMeeting } from '../factories.js';
import { as, build, signedIn, testConfig, type SignedIn } from '../helper.js';
import { startTestSmtp } from './smtp.js';

/** A meeting with 9.1 released, 9.2 still in review, and `delegates` delegates. */
export async function meetingWithDelegates(app: FastifyInstance, delegates: number) {
  const secretariat = await signedIn(app, 'secretariat');
  const staff = actor(secretariat);
  app.services.meetings.createNetwork(staff, { name: 'eHealth Network', headerLines: EHEALTH_HEADER_LINES });
  const meeting = createMeeting(app, secretariat);
  const heading = app.services.agenda.create(staff, meeting.id, { title: 'Cybersecurity' });
  const ids: number[] = [];
  for (const [seed, release] of [
    [ITEM_9_1, true],
    [ITEM_9_2, false],
  ] as const) {
    const item = app.services.agenda.create(staff, meeting.id, { title: seed.title, parentId: heading.id });
    app.services.notes.createVersion(staff, item.id, seed.content);
    app.services.workflow.perform(staff, item.id, { event: 'submit' });
    if (release) app.services.workflow.perform(staff, item.id, { event: 'release', procedure: 'for-information' });
    ids.push(item.id);
  }
  const people = [];
  for (let i = 1; i <= delegates; i += 1) {
    people.push(
      await app.services.people.create('system', {
        name: `Delegate ${i}`,
        email: `delegate${i}@ms${i}.example.eu`,
        role: 'delegate',
        memberState: 'BE',
      }),
    );
  }
  return { secretariat, meeting, people, ids };
}

/** POST a packet as `who`: a subject and a personal message with the meeting's fields, or `body`. */
export const sendPacket = (
  app: FastifyInstance,
  who: SignedIn,
  meetingId: number,
  body: Record<string, unknown> = {},
) =>
  as(app, who, {
    method: 'POST',
    url: `/api/v1/meetings/${meetingId}/packets`,
    payload: {
      subject: 'Packet: {{meeting.displayLine}}',
      message: 'Dear {{recipient.name}},\nplease find the documents for {{meeting.dates}}.',
      ...body,
    },
  });

/** Olga Observer on the meeting's observers list, and `delegate` alone on its delegates list. */
export async function listsWithObserver(
  app: FastifyInstance,
  secretariat: SignedIn,
  meetingId: number,
  delegateId: number,
) {
  const observer = await app.services.people.create('system', {
    name: 'Olga Observer',
    email: 'olga@who.example.int',
    role: 'delegate',
  });
  for (const [list, personIds] of [
    ['delegates', [delegateId]],
    ['observers', [observer.id]],
  ] as const) {
    const put = await as(app, secretariat, {
      method: 'PUT',
      url: `/api/v1/meetings/${meetingId}/recipients`,
      payload: { list, personIds },
    });
    if (put.statusCode !== 200) throw new Error(`recipients: ${put.statusCode}`);
  }
  return observer;
}

/** An app that mails through a real SMTP server on 127.0.0.1, retrying fast, on the real clock; `env` adds settings. */
export async function smtpApp(t: Test, env: Record<string, string> = {}) {
  const smtp = await startTestSmtp();
  t.teardown(() => smtp.close());
  const app = await build(t, {
    config: testConfig(t, { AGENDUM_SMTP_URL: smtp.url, AGENDUM_RETRY_BASE_MS: '50', ...env }),
    now: () => new Date(),
  });
  return { app, smtp };
}

/**
 * An app with a test SMTP server whose packets always go out as links (the attachment limit is
 * 1 kB), on the real clock; `env` adds settings (a public address, say).
 */
export const linkPacketApp = (t: Test, env: Record<string, string> = {}) =>
  smtpApp(t, { AGENDUM_MAX_ATTACHMENTS_MB: '0.001', ...env });
