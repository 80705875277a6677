import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';
import { noteEtag as currentEtag } from '../../../src/services/note-access.js';
import { createItem, meetingSetup } from '../../factories.js';
import { as, build, reposOf, signedIn } from '../../helper.js';
import { fileUpload } from '../../support/multipart.js';

const NOTE_MD = readFileSync(fileURLToPath(new URL('../../fixtures/drafts/list-table-note.md', import.meta.url)));

/** An app with a meeting and one item, and that item's rapporteur. */
async function setup(t: Test) {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur');
  const meeting = await meetingSetup(app, secretariat);
  return { app, rapporteur, item: createItem(app, secretariat, meeting.id, { rapporteurIds: [rapporteur.id] }) };
}

t.test('a .md draft is stored as Markdown and its original comes back as text/markdown', async (t) => {
  const { app, rapporteur, item } = await setup(t);
  const body = fileUpload('note.md', NOTE_MD);
  const res = await as(app, rapporteur, {
    method: 'POST',
    url: `/api/v1/items/${item.id}/note/versions`,
    payload: body.payload,
    headers: { ...body.headers, 'if-match': currentEtag(reposOf(app).notes.findByItem(item.id)!) },
  });
  t.equal(res.statusCode, 201);
  t.same(res.json().file, {
    name: 'note.md',
    kind: 'markdown',
    size: NOTE_MD.length,
    sha256: res.json().file.sha256,
  });
  t.same(res.json().version.sections.procedure, [[{ text: 'For information.' }]]);
  const original = await as(app, rapporteur, {
    method: 'GET',
    url: `/api/v1/items/${item.id}/note/versions/1/original`,
  });
  t.equal(original.statusCode, 200);
  t.equal(original.headers['content-type'], 'text/markdown; charset=utf-8');
  t.equal(original.headers['content-disposition'], 'attachment; filename=note.md');
  t.ok(original.rawPayload.equals(NOTE_MD), 'the original is downloaded byte for byte');
});

t.test('text declared as text/markdown is Markdown whatever its name; a .txt stays text', async (t) => {
  const { app, rapporteur, item } = await setup(t);
  const dryRun = async (fileName: string, type?: string) => {
    const body = fileUpload(fileName, NOTE_MD, type);
    const res = await as(app, rapporteur, {
      method: 'POST',
      url: `/api/v1/items/${item.id}/note/versions?dryRun=true`,
      payload: body.payload,
      headers: body.headers,
    });
    t.equal(res.statusCode, 200, `${fileName} ${type ?? ''} read`);
    return res.json().file.kind as string;
  };
  t.equal(await dryRun('draft', 'text/markdown'), 'markdown');
  t.equal(await dryRun('draft.txt', 'text/plain'), 'text');
});
