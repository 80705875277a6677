import t from 'tap';
import { actor, createItem, meetingSetup, simpleContent } from '../factories.js';
import { build, signedIn, testConfig } from '../helper.js';
import { startTestSmtp } from '../support/smtp.js';
import { waitFor } from '../support/wait.js';

t.test('workflow notifications are mailed as one digest per person, at most every N minutes', async (t) => {
  const smtp = await startTestSmtp();
  t.teardown(() => smtp.close());
  let now = new Date('2020-11-01T09:00:00Z');
  const app = await build(t, {
    config: testConfig(t, { AGENDUM_SMTP_URL: smtp.url, AGENDUM_DIGEST_MINUTES: '15' }),
    now: () => now,
  });
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur');
  const meeting = await meetingSetup(app, secretariat);
  const item = createItem(app, secretariat, meeting.id, { title: 'NIS update', rapporteurIds: [rapporteur.id] });
  app.services.notes.createVersion(actor(rapporteur), item.id, simpleContent());
  app.services.workflow.perform(actor(rapporteur), item.id, { event: 'submit' });
  app.services.workflow.perform(actor(secretariat), item.id, { event: 'return', comment: 'Add the ENISA reference.' });
  app.services.review.add(actor(secretariat), item.id, { body: 'See the summary.' });

  t.equal(app.services.digests.queueDigests(), 2, 'one digest for the rapporteur, one for the secretariat');
  await waitFor(() => smtp.received.length === 2, 'two digests');
  const forRapporteur = smtp.received.find((m) => m.parsed.text?.includes('returned to drafting'))!.parsed;
  t.match(forRapporteur.subject, /2 updates on your meetings/);
  t.match(
    forRapporteur.text,
    /^Dear [^\n]+,\n\n- [^\n]+\n- [^\n]+\n\n--\nagendum/,
    'greeting, one line per update, signature',
  );
  t.match(forRapporteur.text, /returned to drafting the note of item 1 NIS update: Add the ENISA reference\./);
  t.match(forRapporteur.text, /commented on the note of item 1 NIS update/);

  app.services.workflow.perform(actor(rapporteur), item.id, { event: 'submit' });
  now = new Date('2020-11-01T09:05:00Z');
  t.equal(app.services.digests.queueDigests(), 0, 'within 15 minutes of the last digest nothing more is sent');
  now = new Date('2020-11-01T09:20:00Z');
  t.equal(app.services.digests.queueDigests(), 1, 'after 15 minutes the waiting notification goes out');
  await waitFor(() => smtp.received.length === 3, 'third digest');
  t.match(smtp.received[2]!.parsed.subject, /submitted for review/);
});
