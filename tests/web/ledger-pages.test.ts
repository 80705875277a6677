import t from 'tap';
import { ITEM_9_1 } from '../../src/demo/seed-notes.js';
import { actor } from '../factories.js';
import { build } from '../helper.js';
import { meetingWithDelegates, sendPacket, smtpApp } from '../support/mail-meeting.js';

import { waitFor } from '../support/wait.js';
import { webPerson, webSession } from '../support/web-session.js';

t.test('the ledger page shows who holds which revision and sends the latest after asking', async (t) => {
  const { app, smtp } = await smtpApp(t);
  const { secretariat, meeting, ids } = await meetingWithDelegates(app, 2);
  const staff = actor(secretariat);
  t.equal((await sendPacket(app, secretariat, meeting.id)).statusCode, 202);
  await waitFor(() => smtp.received.length === 2, 'packet 1 sent');
  app.services.workflow.perform(staff, ids[0]!, { event: 'reopen', comment: 'A figure was wrong.' });
  app.services.notes.createVersion(staff, ids[0]!, {
    sections: { ...ITEM_9_1.content.sections, summary: ['A corrected summary.'] },
  });
  app.services.workflow.perform(staff, ids[0]!, { event: 'submit' });
  app.services.workflow.perform(staff, ids[0]!, {
    event: 'release',
    procedure: 'for-information',
    reason: 'Corrected a figure in the summary.',
  });

  const sam = await webPerson(app, 'secretariat');
  const web = await webSession(app, sam.email, `/meetings/${meeting.id}`);
  const meetingPage = await web.get(`/meetings/${meeting.id}`);
  t.match(meetingPage.body, `<a class="ecl-link" href="/meetings/${meeting.id}/ledger">Who received what</a>`);

  const page = await web.get(`/meetings/${meeting.id}/ledger`);
  t.equal(page.statusCode, 200);
  t.match(page.body, '2 people hold an older revision of a note: Delegate 1, Delegate 2.');
  t.match(
    page.body,
    '<li class="ecl-unordered-list__item">1.1 Update from the Work Stream 12 of the NIS cooperation group, revision 1 <strong>(an older revision)</strong></li>',
  );
  t.match(page.body, /Delivered to the mail server \(Attached to the mail\)/);
  t.match(
    page.body,
    /data-label="Revision">2 \(latest\): Corrected a figure in the summary\.<\/td>[\s\S]*?data-label="Held by">Nobody<\/td>/,
  );
  t.match(page.body, /data-label="Revision">1<\/td>[\s\S]*?data-label="Held by">Delegate 1, Delegate 2<\/td>/);
  t.match(page.body, `href="/api/v1/meetings/${meeting.id}/ledger.csv"`);

  const asked = await web.post(`/meetings/${meeting.id}/ledger/send-latest`, {});
  t.equal(asked.statusCode, 200);
  t.match(asked.body, 'Send the latest revisions to 2 people?');
  t.match(asked.body, 'goes to Delegate 1, Delegate 2, and to nobody else.');
  t.equal(smtp.received.length, 2, 'nothing sent before the confirmation');

  const sent = await web.post(`/meetings/${meeting.id}/ledger/send-latest`, { confirm: 'yes' });
  t.equal(sent.statusCode, 303);
  t.match(
    decodeURIComponent(sent.headers.location as string),
    /^\/packets\/2\?done=Sending the latest revisions to 2 recipient\(s\)\.$/,
  );
  await waitFor(() => smtp.received.length === 4, 'the latest sent');
  // The server has the messages a moment before the worker records them as sent.
  await waitFor(
    async () =>
      (await web.get(`/meetings/${meeting.id}/ledger`)).body.includes(
        'Everyone who was sent a note holds its latest revision.',
      ),
    'the ledger to show the latest held',
  );

  const again = await web.post(`/meetings/${meeting.id}/ledger/send-latest`, { confirm: 'yes' });
  t.equal(again.statusCode, 422, 'nobody left: said on the page');
  t.match(again.body, 'Everyone who was sent a note holds its latest publication: there is nothing to send.');
});

t.test('a delegate gets 403 on the ledger page and its action', async (t) => {
  const app = await build(t);
  const { meeting } = await meetingWithDelegates(app, 1);
  const dora = await webPerson(app, 'delegate');
  const web = await webSession(app, dora.email, `/meetings/${meeting.id}`);
  const page = await web.get(`/meetings/${meeting.id}/ledger`);
  t.equal(page.statusCode, 403);
  t.notMatch(page.body, 'Delegate 1', 'no names in the refusal');
  const meetingPage = await web.get(`/meetings/${meeting.id}`);
  t.notMatch(meetingPage.body, '/ledger', 'no link to the ledger for a delegate');
  const post = await web.post(`/meetings/${meeting.id}/ledger/send-latest`, { confirm: 'yes' });
  t.equal(post.statusCode, 403);
});
