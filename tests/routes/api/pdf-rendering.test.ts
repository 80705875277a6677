import t from 'tap';
import { ITEM_9_1 } from '../../../src/demo/seed-notes.js';
import { actor, createItem, meetingSetup } from '../../factories.js';
import { as, build, problemOf, signedIn, testConfig } from '../../helper.js';

/** Issue 13: PDFs come from a bounded worker pool; an overloaded pool answers 503, never 500. */

t.test('an overloaded renderer answers 503 problem+json with AGENDUM_BUSY, and the rest are served', async (t) => {
  const config = testConfig(t, { AGENDUM_RENDER_THREADS: '1', AGENDUM_RENDER_QUEUE: '1' });
  const app = await build(t, { config, allow5xx: true });
  const secretariat = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, secretariat);
  createItem(app, secretariat, meeting.id, { title: 'Opening of the meeting' });
  const answers = await Promise.all(
    Array.from({ length: 6 }, () =>
      as(app, secretariat, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/agenda.pdf` }),
    ),
  );
  const statuses = answers.map((a) => a.statusCode);
  t.ok(statuses.includes(200), `some are rendered (${statuses.join(', ')})`);
  const refused = answers.filter((a) => a.statusCode === 503);
  t.ok(refused.length > 0, 'some are refused');
  for (const answer of refused) {
    t.equal(answer.headers['content-type'], 'application/problem+json; charset=utf-8');
    const problem = problemOf(t, answer);
    t.equal(problem.code, 'AGENDUM_BUSY');
    t.match(problem.detail, 'try again in a few seconds');
  }
  t.same(
    statuses.filter((s) => s !== 200 && s !== 503),
    [],
    'nothing else (no 500)',
  );
});

t.test('a note printed again is served from the rendered-note cache until it changes', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, secretariat);
  const item = createItem(app, secretariat, meeting.id, { title: ITEM_9_1.title });
  app.services.notes.createVersion(actor(secretariat), item.id, ITEM_9_1.content);
  const print = () => as(app, secretariat, { method: 'GET', url: `/api/v1/items/${item.id}/note.pdf` });

  const first = await print();
  const second = await print();
  t.ok(first.rawPayload.equals(second.rawPayload));
  t.match(app.renderer.noteCache(), { renders: 1, hits: 1 });

  const sections = { ...ITEM_9_1.content.sections, summary: ['A new summary.'] };
  app.services.notes.createVersion(actor(secretariat), item.id, { ...ITEM_9_1.content, sections });
  t.equal((await print()).statusCode, 200);
  t.match(app.renderer.noteCache(), { renders: 2, hits: 1 }, 'the new version is rendered');
});
