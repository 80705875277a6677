import t from 'tap';
import { actor, createItem, meetingSetup, simpleContent } from '../factories.js';
import { build, signedIn } from '../helper.js';

// Services are plain functions closing over their dependencies: taken out of their object, they
// still work (a method reaching its siblings through `this` would throw here).
t.test('workflow functions taken out of the service still set the procedure and the outcome', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, secretariat);
  const item = createItem(app, secretariat, meeting.id);
  const staff = actor(secretariat);
  app.services.notes.createVersion(staff, item.id, simpleContent());

  const { changeNote, perform } = app.services.workflow;
  const drafting = changeNote(staff, item.id, { procedure: 'for-discussion' });
  t.equal(drafting.procedure, 'for-discussion', 'stored as the code');

  perform(staff, item.id, { event: 'submit' });
  perform(staff, item.id, { event: 'release' });
  const released = changeNote(staff, item.id, { outcome: 'noted' });
  t.equal(released.state, 'released');
  t.equal(released.outcome, 'noted');
});
