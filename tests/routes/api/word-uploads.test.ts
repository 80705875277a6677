import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { actor, createItem, meetingSetup } from '../../factories.js';
import { build, problemOf, reposOf, signedIn, testConfig, type SignedIn } from '../../helper.js';
import { uploadDraft } from '../../support/draft-upload.js';
import { LIST_TABLE_CONTENT, listTableDraft } from '../../support/word-drafts.js';

/** An item numbered 9.3, as the draft's item line says, with the rapporteur on it. */
async function itemNine3(app: FastifyInstance) {
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur');
  const meeting = await meetingSetup(app, secretariat);
  for (let i = 1; i < 9; i += 1) createItem(app, secretariat, meeting.id, { title: `Item ${i}` });
  const heading = createItem(app, secretariat, meeting.id, { title: 'Health data' });
  for (const title of ['One', 'Two']) createItem(app, secretariat, meeting.id, { title, parentId: heading.id });
  const item = app.services.agenda.create(actor(secretariat), meeting.id, {
    title: 'Health data in practice',
    parentId: heading.id,
    rapporteurIds: [rapporteur.id],
  });
  return { rapporteur, item };
}

const upload = (app: FastifyInstance, who: SignedIn, itemId: number, bytes: Buffer) =>
  uploadDraft(app, who, itemId, 'draft.docx', bytes);

t.test('the Word draft with a list, a table, tracked changes and a comment is stored as its blocks', async (t) => {
  const app = await build(t);
  const { rapporteur, item } = await itemNine3(app);
  t.equal(item.number, '9.3');
  const res = await upload(app, rapporteur, item.id, await listTableDraft());
  t.equal(res.statusCode, 201);
  const result = res.json();
  t.same({ sections: result.version.sections, footnotes: result.version.footnotes }, LIST_TABLE_CONTENT);
  t.same(result.warnings, [
    {
      code: 'tracked-changes',
      message:
        'The draft has 2 pending tracked changes; they were read as accepted (inserted text kept, deleted text left out).',
    },
    {
      code: 'comments',
      message: 'The draft has 1 comment; comments are not part of the note and were left out: "Check the figures.".',
    },
  ]);
});

t.test(
  'AGENDUM_TRACKED_CHANGES=refuse: the same draft is a 422 that says what to do, and nothing is stored',
  async (t) => {
    const app = await build(t, { config: testConfig(t, { AGENDUM_TRACKED_CHANGES: 'refuse' }) });
    const { rapporteur, item } = await itemNine3(app);
    const res = await upload(app, rapporteur, item.id, await listTableDraft());
    t.equal(res.statusCode, 422);
    const problem = problemOf(t, res);
    t.equal(problem.code, 'AGENDUM_BAD_UPLOAD');
    t.equal(
      problem.detail,
      'The Word file has 2 pending tracked changes. Accept or reject them in Word (Review, Accept or Reject), save the file and upload it again.',
    );
    t.equal(reposOf(app).notes.findByItem(item.id)?.currentVersionId ?? null, null, 'no version was made');
  },
);
