import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { ITEM_9_1 } from '../../../src/demo/seed-notes.js';
import { actor } from '../../factories.js';
import { as, problemOf, signedIn } from '../../helper.js';
import { linkPacketApp, meetingWithDelegates, sendPacket } from '../../support/mail-meeting.js';
import { pdfLines } from '../../support/pdf-text.js';
import type { TestSmtp } from '../../support/smtp.js';
import { waitFor } from '../../support/wait.js';

const PASSWORD = 'correct horse battery';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** An app whose packets always go out as links, answering at the public address. */
const linkApp = (t: Test) => linkPacketApp(t, { AGENDUM_PUBLIC_URL: 'https://agendum.example.eu' });

/** The path of the download link mailed to `email` (the last message they got). */
function linkOf(smtp: TestSmtp, email: string): string {
  const mail = smtp.received.filter((m) => m.to.includes(email)).at(-1)!.parsed;
  return /https:\/\/agendum\.example\.eu(\/api\/v1\/packets\/\d+\/download\?recipient=\d+&expires=\d+&signature=[\w-]+)/.exec(
    mail.text ?? '',
  )![1]!;
}

async function sendAndWait(
  app: FastifyInstance,
  smtp: TestSmtp,
  who: Parameters<typeof sendPacket>[1],
  meetingId: number,
) {
  const before = smtp.received.length;
  const res = await sendPacket(app, who, meetingId, { includeInvite: false, content: 'combined' });
  if (res.statusCode !== 202) throw new Error(`packet: ${res.statusCode} ${res.body}`);
  const { id, recipients } = res.json() as { id: number; recipients: number };
  await waitFor(() => smtp.received.length === before + recipients, 'the messages');
  return id;
}

t.test('a packet link keeps returning the identical bytes (same SHA-256) after a later release', async (t) => {
  const { app, smtp } = await linkApp(t);
  const { secretariat, meeting, people, ids } = await meetingWithDelegates(app, 1);
  const staff = actor(secretariat);
  await sendAndWait(app, smtp, secretariat, meeting.id);
  const link = linkOf(smtp, people[0]!.email);
  const first = await app.inject({ method: 'GET', url: link });
  t.equal(first.statusCode, 200);
  const sent = sha256(first.rawPayload);

  // Later: 9.1 is reopened, rewritten and released again, and 9.2 is released.
  app.services.workflow.perform(staff, ids[0]!, { event: 'reopen', comment: 'A corrigendum.' });
  app.services.notes.createVersion(staff, ids[0]!, {
    sections: { ...ITEM_9_1.content.sections, summary: ['A corrected summary, written after the packet was sent.'] },
  });
  app.services.workflow.perform(staff, ids[0]!, { event: 'submit' });
  app.services.workflow.perform(staff, ids[0]!, {
    event: 'release',
    procedure: 'for-information',
    reason: 'Corrected the summary.',
  });
  app.services.workflow.perform(staff, ids[1]!, { event: 'release', procedure: 'for-discussion' });

  const again = await app.inject({ method: 'GET', url: link });
  t.equal(again.statusCode, 200);
  t.equal(sha256(again.rawPayload), sent, 'the same bytes as on the day it was sent');
  const lines = (await pdfLines(again.rawPayload)).join(' ');
  t.notMatch(lines, /A corrected summary/, 'not the text released since');
  t.notMatch(lines, /Developing cybersecurity response/, 'nor the note released since');

  await sendAndWait(app, smtp, secretariat, meeting.id);
  const newer = await app.inject({ method: 'GET', url: linkOf(smtp, people[0]!.email) });
  t.not(sha256(newer.rawPayload), sent, 'a packet made now carries what is released now');
  t.match((await pdfLines(newer.rawPayload)).join(' '), /A corrected summary/);
});

t.test('a frozen packet reopened before it is sent still carries the published version', async (t) => {
  const { app, smtp } = await linkApp(t);
  const { secretariat, meeting, people, ids } = await meetingWithDelegates(app, 1);
  const staff = actor(secretariat);
  app.services.workflow.perform(staff, ids[0]!, { event: 'reopen', comment: 'Rework.' });
  app.services.notes.createVersion(staff, ids[0]!, {
    sections: { ...ITEM_9_1.content.sections, summary: ['An unreleased draft summary.'] },
  });
  await sendAndWait(app, smtp, secretariat, meeting.id);
  const res = await app.inject({ method: 'GET', url: linkOf(smtp, people[0]!.email) });
  const lines = (await pdfLines(res.rawPayload)).join(' ');
  t.match(lines, /The Work stream is now operational/, 'readers keep the last published version');
  t.notMatch(lines, /An unreleased draft summary/, 'never the draft');
});

t.test('a revoked link answers 410 with the reason and where the current packet is: per packet', async (t) => {
  const { app, smtp } = await linkApp(t);
  const { secretariat, meeting, people } = await meetingWithDelegates(app, 2);
  const id = await sendAndWait(app, smtp, secretariat, meeting.id);
  const links = people.map((p) => linkOf(smtp, p.email));
  const revoke = (who: typeof secretariat, payload: Record<string, unknown>) =>
    as(app, who, { method: 'POST', url: `/api/v1/packets/${id}/links/revoke`, payload });

  const delegate = await signedIn(app, 'delegate');
  t.equal((await revoke(delegate, { reason: 'No.' })).statusCode, 403, 'delegates cannot revoke');
  const blank = await revoke(secretariat, { reason: '   ' });
  t.equal(blank.statusCode, 400, 'a reason is required');
  t.equal(problemOf(t, blank).errors?.[0]?.path, 'body.reason');

  const done = await revoke(secretariat, { reason: 'Sent before the corrigendum of item 1.1.' });
  t.equal(done.statusCode, 200);
  t.match(done.json(), { packetId: id, reason: 'Sent before the corrigendum of item 1.1.' });
  for (const link of links) {
    const res = await app.inject({ method: 'GET', url: link });
    t.equal(res.statusCode, 410);
    const problem = problemOf(t, res);
    t.equal(problem.code, 'AGENDUM_GONE');
    t.match(
      problem.detail,
      /^Every link of this packet was revoked on \d{4}-\d{2}-\d{2}: Sent before the corrigendum of item 1\.1\. /,
    );
    t.match(problem, {
      reason: 'Sent before the corrigendum of item 1.1.',
      currentPacket: {
        page: `https://agendum.example.eu/meetings/${meeting.id}`,
        api: `https://agendum.example.eu/api/v1/meetings/${meeting.id}/packet.pdf`,
      },
    });
  }
  const altered = await app.inject({
    method: 'GET',
    url: links[0]!.replace(/signature=(.)/, (_, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`),
  });
  t.equal(altered.statusCode, 403, 'an altered link stays 403');
  t.equal((await revoke(secretariat, { reason: 'Again.' })).statusCode, 409, 'revoked once');
  const view = (await as(app, secretariat, { method: 'GET', url: `/api/v1/packets/${id}` })).json();
  t.match(view, { linksRevokedReason: 'Sent before the corrigendum of item 1.1.', linksRevokedAt: /^\d{4}-/ });
});

t.test("a revoked link answers 410: one recipient's, the others keep working", async (t) => {
  const { app, smtp } = await linkApp(t);
  const { secretariat, meeting, people } = await meetingWithDelegates(app, 2);
  const id = await sendAndWait(app, smtp, secretariat, meeting.id);
  const [kept, revoked] = people;
  const res = await as(app, secretariat, {
    method: 'POST',
    url: `/api/v1/packets/${id}/recipients/${revoked!.id}/link/revoke`,
    payload: { reason: 'Forwarded outside the network.' },
  });
  t.equal(res.statusCode, 200);
  t.match(res.json(), { packetId: id, personId: revoked!.id, reason: 'Forwarded outside the network.' });
  const gone = await app.inject({ method: 'GET', url: linkOf(smtp, revoked!.email) });
  t.equal(gone.statusCode, 410);
  t.match(problemOf(t, gone).detail, /^This link was revoked on \d{4}-\d{2}-\d{2}: Forwarded outside the network\. /);
  t.equal(
    (await app.inject({ method: 'GET', url: linkOf(smtp, kept!.email) })).statusCode,
    200,
    'the other link works',
  );
  const unknown = await as(app, secretariat, {
    method: 'POST',
    url: `/api/v1/packets/${id}/recipients/999999/link/revoke`,
    payload: { reason: 'x' },
  });
  t.equal(unknown.statusCode, 404);
  const view = (await as(app, secretariat, { method: 'GET', url: `/api/v1/packets/${id}` })).json();
  t.match(
    view.recipients.find((r: { personId: number }) => r.personId === revoked!.id),
    { linkRevokedReason: 'Forwarded outside the network.' },
  );
});

t.test('a revoked link answers 410: revoked through the packet page form', async (t) => {
  const { app, smtp } = await linkApp(t);
  const { secretariat, meeting, people } = await meetingWithDelegates(app, 2);
  await app.services.people.create('system', {
    name: 'Sam',
    email: 'sam@example.org',
    role: 'secretariat',
    password: PASSWORD,
  });
  const id = await sendAndWait(app, smtp, secretariat, meeting.id);
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'sam@example.org', password: PASSWORD },
  });
  const cookies: Record<string, string> = { agendum_session: signIn.cookies[0]!.value };
  const page = await app.inject({ method: 'GET', url: `/packets/${id}`, cookies });
  t.equal(page.statusCode, 200);
  t.match(page.body, 'Revoke every download link of this packet');
  for (const cookie of page.cookies) cookies[cookie.name] = cookie.value;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const post = (form: string) =>
    app.inject({
      method: 'POST',
      url: `/packets/${id}/revoke`,
      cookies,
      payload: `_csrf=${encodeURIComponent(csrf)}&${form}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  const blank = await post('reason=');
  t.equal(blank.statusCode, 422, 'a blank reason re-renders the page');
  t.match(
    blank.body,
    '<li><a class="ecl-link" href="#revoke-reason">Reason: is required</a></li>',
    'the summary links to the field',
  );
  t.match(blank.body, '<div class="ecl-feedback-message" id="e-reason">is required</div>');

  const one = await post(`personId=${people[0]!.id}&reason=${encodeURIComponent('Left the network.')}`);
  t.equal(one.statusCode, 303);
  t.equal((await app.inject({ method: 'GET', url: linkOf(smtp, people[0]!.email) })).statusCode, 410);
  t.equal((await app.inject({ method: 'GET', url: linkOf(smtp, people[1]!.email) })).statusCode, 200);

  const all = await post(`reason=${encodeURIComponent('Superseded by the packet of 5 November.')}`);
  t.equal(all.statusCode, 303);
  const gone = await app.inject({ method: 'GET', url: linkOf(smtp, people[1]!.email) });
  t.equal(gone.statusCode, 410);
  t.match(problemOf(t, gone).detail, 'Superseded by the packet of 5 November.');
  const after = await app.inject({ method: 'GET', url: `/packets/${id}`, cookies });
  t.match(after.body, 'Every download link of this packet was revoked');
  t.match(after.body, 'Revoked: Left the network.');
});
