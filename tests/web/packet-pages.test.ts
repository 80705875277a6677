import t from 'tap';
import { build, reposOf } from '../helper.js';
import { meetingWithDelegates } from '../support/mail-meeting.js';
import { waitFor } from '../support/wait.js';
import { webPerson, webSession } from '../support/web-session.js';
import type { FastifyInstance } from 'fastify';

const LINE_RULE = 'must not be blank, and must be one line without control characters';
const TEXT_RULE = 'must not be blank, and must not hold control characters other than line breaks and tabs';

async function setup(app: FastifyInstance) {
  const world = await meetingWithDelegates(app, 2);
  const sam = await webPerson(app, 'secretariat');
  const web = await webSession(app, sam.email, `/meetings/${world.meeting.id}`);
  return { ...world, sam, web };
}

const staffOf = (sam: { id: number; name: string }) => ({ id: sam.id, name: sam.name, role: 'secretariat' as const });

const packetForm = (fields: Record<string, string | string[]> = {}) => ({
  subject: 'Documents for the 18th meeting',
  message: 'Dear {{recipient.name}},\nthe documents for {{meeting.dates}}.',
  lists: 'delegates',
  content: 'personal',
  includeInvite: 'true',
  ...fields,
});

t.test('compose: the message placeholders are explained, the delegates ticked', async (t) => {
  const app = await build(t);
  const { meeting, web } = await setup(app);
  const page = await web.get(`/meetings/${meeting.id}/packets/new`);
  t.equal(page.statusCode, 200);
  t.match(page.body, '<h1 class="ecl-page-header__title">Send a packet</h1>');
  t.match(page.body, '{{recipient.name}} becomes each recipient&#x27;s name');
  t.match(page.body, 'id="packet-list-delegates" name="lists" value="delegates" checked>');
  t.match(page.body, 'id="packet-content-personal" name="content" value="personal" checked>');
  t.match(page.body, 'action="/meetings/1/packets/preview"');
  t.notMatch(page.body, 'http-equiv="refresh"');
});

t.test('a blank subject or message comes back to the compose form, the input kept', async (t) => {
  const app = await build(t);
  const { meeting, web } = await setup(app);
  const blankSubject = await web.post(`/meetings/${meeting.id}/packets/preview`, packetForm({ subject: '   ' }));
  t.equal(blankSubject.statusCode, 422);
  t.match(blankSubject.body, `<li><a class="ecl-link" href="#packet-subject">Subject: ${LINE_RULE}</a></li>`);
  t.match(blankSubject.body, '<div class="ecl-feedback-message" id="e-subject">');
  t.match(blankSubject.body, '>Dear {{recipient.name}},\nthe documents for {{meeting.dates}}.</textarea>');
  const blankMessage = await web.post(`/meetings/${meeting.id}/packets/preview`, packetForm({ message: ' \n ' }));
  t.equal(blankMessage.statusCode, 422);
  t.match(blankMessage.body, `<li><a class="ecl-link" href="#packet-message">Message: ${TEXT_RULE}</a></li>`);
  t.match(blankMessage.body, 'name="subject" type="text" value="Documents for the 18th meeting"');
  const badTemplate = await web.post(
    `/meetings/${meeting.id}/packets/preview`,
    packetForm({ message: 'Dear {{recipient.nmae}}', lists: ['delegates', 'observers'] }),
  );
  t.equal(badTemplate.statusCode, 422);
  t.match(badTemplate.body, '<div class="ecl-feedback-message" id="e-message">The message template cannot be used');
  t.match(badTemplate.body, 'value="observers" checked>', 'every ticked list is kept');
  const send = await web.post(`/meetings/${meeting.id}/packets`, packetForm({ subject: '\t' }));
  t.equal(send.statusCode, 422);
  t.match(send.body, `Subject: ${LINE_RULE}`);
  t.equal(reposOf(app).mail.findPacket(1), undefined, 'nothing sent');
});

t.test('preview shows who gets what and the mail rendered, then the packet is sent and followed', async (t) => {
  const app = await build(t, { now: () => new Date() });
  const { meeting, web, people, sam } = await setup(app);
  const preview = await web.post(`/meetings/${meeting.id}/packets/preview`, packetForm());
  t.equal(preview.statusCode, 200);
  t.match(preview.body, '<h3>Delegates (2)</h3>');
  t.match(preview.body, 'Delegate 1 &lt;delegate1@ms1.example.eu&gt;');
  t.match(
    preview.body,
    /<pre class="agendum-mail-text"[^>]*>Dear Delegate 1,\nthe documents for 12-13 November 2020\./,
  );
  t.notMatch(
    preview.body.split('<pre')[1]!.split('</pre>')[0],
    '{{recipient.name}}',
    'the preview shows the placeholders filled in',
  );
  t.match(preview.body, 'Not released, so not sent: 1.2 ');
  t.match(preview.body, 'Send the packet to 2 recipient(s)</button>');
  t.equal(reposOf(app).mail.findPacket(1), undefined, 'a preview sends nothing');

  const sent = await web.post(`/meetings/${meeting.id}/packets`, packetForm());
  t.equal(sent.statusCode, 303);
  t.match(sent.headers.location, /^\/packets\/1\?done=Sending%20to%202%20recipient\(s\)\./);
  await waitFor(() => app.services.packets.view(staffOf(sam), 1).done, 'the packet sent');

  const progress = await web.get('/packets/1/progress');
  t.equal(progress.headers['cache-control'], 'no-store');
  t.match(progress.json(), {
    done: true,
    failed: 0,
    text: 'Done: 2 sent, 0 could not be delivered, 0 waiting, of 2.',
    recipients: [{ personId: people[0]!.id, label: 'Delivered to the mail server', reason: '', canResend: true }],
  });
  const page = await web.get('/packets/1');
  t.equal(page.statusCode, 200);
  t.match(
    page.body,
    'aria-live="polite" data-progress-text>Done: 2 sent, 0 could not be delivered, 0 waiting, of 2.</p>',
  );
  t.notMatch(page.body, 'http-equiv="refresh"');
  t.notMatch(page.body, /Sending…|\.eml|Server answer/);
  t.match(page.body, 'Delivered to the mail server</span>');
  t.match(page.body, '<form method="post" action="/packets/1/resend" class="agendum-form" data-resend-failed hidden>');

  const again = await web.post('/packets/1/resend', { personId: String(people[0]!.id) });
  t.equal(again.statusCode, 303);
  t.equal(again.headers.location, '/packets/1?done=Sending%20again%20to%201%20recipient(s).');
  const twice = await web.post('/packets/1/resend', { personId: String(people[0]!.id) });
  if (twice.statusCode === 422) t.match(twice.body, 'That message is still on its way.');

  const list = await web.get(`/meetings/${meeting.id}/packets`);
  t.equal(list.statusCode, 200);
  t.match(list.body, '<a class="ecl-link" href="/packets/1">Documents for the 18th meeting</a>');
  t.match(list.body, /of 2/);
});

t.test(
  'the meeting page: the secretariat is told which notes are not released, a delegate gets the packet',
  async (t) => {
    const app = await build(t, { now: () => new Date() });
    const { meeting, web, sam } = await setup(app);
    const dirk = await webPerson(app, 'delegate');
    const staffPage = await web.get(`/meetings/${meeting.id}`);
    t.match(staffPage.body, `<a class="ecl-link" href="/meetings/${meeting.id}/packets/new">Send a packet</a>`);
    t.match(staffPage.body, `href="/api/v1/meetings/${meeting.id}/packet.pdf?includeDrafts=true"`);
    const box = staffPage.body.split('id="packets-heading"')[1]!.split('</section>')[0]!;
    t.notMatch(box, `href="/api/v1/meetings/${meeting.id}/packet.pdf"`, 'no link that would answer 409');
    t.match(staffPage.body, 'Not released yet, so not in a packet sent now nor in the packet PDF without drafts: 1.2 ');
    await web.post(`/meetings/${meeting.id}/packets`, packetForm());
    await waitFor(() => app.services.packets.view(staffOf(sam), 1).done, 'the packet sent');

    const dele = await webSession(app, dirk.email, `/meetings/${meeting.id}`);
    const page = await dele.get(`/meetings/${meeting.id}`);
    const href = /href="(\/api\/v1\/packets\/1\/download\?[^"]+)"/.exec(page.body)?.[1];
    t.ok(href, 'a download link of the packet they received');
    t.match(page.body, 'You receive packets as: One PDF with the agenda and every note');
    t.match(page.body, '<a class="ecl-link" href="/account">Change how you receive packets</a>');
    const pdf = await app.inject({ method: 'GET', url: href!.replace(/&amp;/g, '&').replace(/&#x3D;/g, '=') });
    t.equal(pdf.statusCode, 200);
    t.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  },
);

t.test('recipient lists: shown and changed by the secretariat, a refusal keeps the ticks', async (t) => {
  const app = await build(t);
  const { meeting, web, people } = await setup(app);
  const page = await web.get(`/meetings/${meeting.id}/recipients`);
  t.equal(page.statusCode, 200);
  t.match(page.body, 'No one is on any list yet: a packet to the delegates goes to every active delegate.');
  const saved = await web.post(`/meetings/${meeting.id}/recipients`, {
    list: 'observers',
    personIds: ['', String(people[1]!.id)],
  });
  t.equal(saved.statusCode, 303);
  const after = await web.get(`/meetings/${meeting.id}/recipients`);
  t.match(after.body, '<h2 id="list-observers">Observers (1)</h2>');
  const refused = await web.post(`/meetings/${meeting.id}/recipients`, {
    list: 'delegates',
    personIds: ['', String(people[0]!.id), '999'],
  });
  t.equal(refused.statusCode, 422);
  t.match(refused.body, '<div class="ecl-feedback-message" id="e-recipients-delegates">No person 999.</div>');
  t.match(refused.body, `id="rcp-delegates-${people[0]!.id}" name="personIds" value="${people[0]!.id}" checked>`);
});
