import { readdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import t from 'tap';
import { isAllowedUrl } from '../../src/domain/link-url.js';
import { renderCoverNotePdf } from '../../src/rendering/pdf/cover-note-pdf.js';
import { buildNoteView } from '../../src/rendering/views/note-view.js';
import { noteEtag } from '../../src/services/note-access.js';
import { actor, createItem, meetingSetup } from '../factories.js';
import { as, build, problemOf, reposOf, signedIn } from '../helper.js';
import { draftDocx, draftPdf } from '../support/draft-files.js';
import { uploadDraft } from '../support/draft-upload.js';
import { fileUpload, multipart } from '../support/multipart.js';
import { webPerson, webSession } from '../support/web-session.js';
import { CREATED_AT, MEETING_18 } from '../support/note-views.js';

/** Repros of issue 13, "`javascript:` links": links are http, https or mailto, checked before anything is stored. */

const REFUSED = 'Footnote 1 links to "javascript:alert(1)"; only http, https and mailto links are allowed.';

const markdown = (source: string) =>
  [
    '1. Issue at stake',
    'What is at stake.',
    '2. Summary',
    'The group met twice.[^1]',
    '3. Format of procedure in the meeting',
    'For information.',
    '',
    `[^1]: The minutes of the group [source: ${source}].`,
  ].join('\n');

async function setup(app: FastifyInstance) {
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur');
  const meeting = await meetingSetup(app, secretariat);
  const item = createItem(app, secretariat, meeting.id, { title: 'Update', rapporteurIds: [rapporteur.id] });
  return { secretariat, rapporteur, item };
}

const upload = uploadDraft;

const versionCount = (app: FastifyInstance, itemId: number) =>
  reposOf(app).notes.countVersions(reposOf(app).notes.findByItem(itemId)!.id);
const storedFiles = (app: FastifyInstance) => readdirSync(app.config.uploadsDir).filter((f) => !f.startsWith('.'));

t.test('only http, https and mailto links are allowed, spelled plainly', async (t) => {
  for (const url of ['https://example.org/x', 'http://example.org', 'mailto:sante@ec.europa.eu', 'HTTPS://EXAMPLE.ORG'])
    t.equal(isAllowedUrl(url), true, url);
  for (const url of [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'https://example.org/\u0000',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'https:',
    '//example.org',
    `https://example.org/${'a'.repeat(2000)}`,
    '',
  ])
    t.equal(isAllowedUrl(url), false, JSON.stringify(url.slice(0, 40)));
});

t.test(
  'a javascript: footnote in an uploaded .md is a 422 naming the footnote, and no version is written',
  async (t) => {
    const app = await build(t);
    const { rapporteur, item } = await setup(app);
    const good = await upload(app, rapporteur, item.id, 'note.md', markdown('https://example.org/minutes'));
    t.equal(good.statusCode, 201, 'a draft with an https source is stored');
    t.equal(versionCount(app, item.id), 1);
    t.equal(storedFiles(app).length, 1);

    // Before the fix this answered 500 after the version and its file were committed.
    const res = await upload(app, rapporteur, item.id, 'note.md', markdown('javascript:alert(1)'));
    t.equal(res.statusCode, 422);
    const problem = problemOf(t, res);
    t.equal(problem.code, 'AGENDUM_INVALID');
    t.equal(problem.detail, REFUSED);
    t.equal(versionCount(app, item.id), 1, 'the version count is unchanged');
    t.equal(storedFiles(app).length, 1, 'no file kept');

    const dryRun = await as(app, rapporteur, {
      method: 'POST',
      url: `/api/v1/items/${item.id}/note/versions?dryRun=true`,
      ...fileUpload('note.md', markdown('javascript:alert(1)')),
      headers: { ...fileUpload('note.md', '').headers, ...rapporteur.headers },
    });
    t.equal(dryRun.statusCode, 422, 'the preview refuses it too');
  },
);

t.test('the same footnote in a .docx and in a PDF draft is refused the same way', async (t) => {
  const app = await build(t);
  const { rapporteur, item } = await setup(app);
  const source = {
    itemLine: '1. Update',
    content: {
      sections: {
        issueAtStake: ['What is at stake.'],
        summary: [[{ text: 'The group met twice' }, { footnote: 1 }, { text: '.' }]],
        procedure: ['For information.'],
      },
      footnotes: [{ text: 'The minutes of the group', sourceUrl: 'javascript:alert(1)' }],
    },
  };
  for (const [name, bytes] of [
    ['note.docx', await draftDocx(source)],
    ['note.pdf', await draftPdf(source)],
  ] as const) {
    const res = await upload(app, rapporteur, item.id, name, bytes);
    t.equal(res.statusCode, 422, name);
    t.equal(problemOf(t, res).detail, REFUSED, name);
  }
  t.equal(versionCount(app, item.id), 0, 'nothing stored');
  t.same(storedFiles(app), [], 'no file kept');
});

t.test('JSON versions refuse other schemes in links and footnotes', async (t) => {
  const app = await build(t);
  const { rapporteur, item } = await setup(app);
  const post = (payload: object) =>
    as(app, rapporteur, {
      method: 'POST',
      url: `/api/v1/items/${item.id}/note/versions`,
      headers: { 'if-match': noteEtag(reposOf(app).notes.findByItem(item.id)!) },
      payload,
    });
  const link = await post({
    sections: { summary: [[{ text: 'click', href: 'javascript:alert(1)' }]] },
  });
  t.equal(link.statusCode, 400);
  t.equal(problemOf(t, link).errors![0]!.path, 'body.sections.summary.0.0.href', 'the refusal names the link');
  // The same paragraph with a web link is taken: a paragraph of one run is a paragraph.
  const webLink = await post({ sections: { summary: [[{ text: 'click', href: 'https://health.ec.europa.eu/' }]] } });
  t.equal(webLink.statusCode, 201, webLink.body.slice(0, 200));
  const footnote = await post({
    sections: { summary: [[{ text: 'See' }, { footnote: 1 }]] },
    footnotes: [{ text: 'Source', sourceUrl: 'javascript:alert(1)' }],
  });
  t.equal(footnote.statusCode, 400);
  t.equal(versionCount(app, item.id), 1, 'only the web link was stored');
  // The services refuse it too, whoever calls them (the CLI, the demo data, a carry-over).
  t.throws(
    () =>
      app.services.notes.createVersion(actor(rapporteur), item.id, {
        sections: { summary: [[{ text: 'click', href: 'javascript:alert(1)' }]] },
      }),
    {
      status: 422,
      message:
        'The link "click" in section 2, paragraph 1 points to "javascript:alert(1)"; only http, https and mailto links are allowed.',
    },
  );
});

t.test('a link the scheme rule allows is stored and answered: the answer cannot fail after the commit', async (t) => {
  const app = await build(t);
  const { rapporteur, item } = await setup(app);
  // `|` is outside the URI grammar the input schema checks; before the fix this was a 500 after the commit.
  const res = await upload(app, rapporteur, item.id, 'note.md', markdown('https://example.org/a|b'));
  t.equal(res.statusCode, 201);
  t.same(res.json().version.footnotes, [{ text: 'The minutes of the group', sourceUrl: 'https://example.org/a|b' }]);
  t.equal(versionCount(app, item.id), 1);
});

/** A version stored before the rule existed: the page and the PDF still never make it a live link. */
t.test('an old javascript: link is shown as text on the item page and is no /URI link in note.pdf', async (t) => {
  const app = await build(t);
  const { rapporteur, item } = await setup(app);
  app.services.notes.createVersion(actor(rapporteur), item.id, {
    sections: { summary: ['First text.'] },
  });
  const repos = reposOf(app);
  const note = repos.notes.findByItem(item.id)!;
  const content = {
    sections: {
      issueAtStake: [],
      summary: [[{ text: 'Click here', href: 'javascript:alert(1)' }, { text: ' or ' }, { footnote: 1 }]],
      procedure: [],
    },
    footnotes: [{ text: 'Source', sourceUrl: 'javascript:alert(2)' }],
  };
  const old = repos.notes.insertVersion({
    noteId: note.id,
    number: 2,
    content,
    contentHash: 'old',
    authorId: rapporteur.id,
    createdAt: CREATED_AT,
  });
  repos.notes.update(note.id, { currentVersionId: old.id });

  const staff = await webPerson(app, 'secretariat');
  const page = await (await webSession(app, staff.email, '/meetings')).get(`/items/${item.id}`);
  t.equal(page.statusCode, 200);
  t.notMatch(page.body, /href="javascript/i, 'no javascript: href on the page');
  t.match(page.body, '<p class="body">Click here or <sup>');
  t.match(page.body, '[source: javascript:alert(2)].');

  const pdf = await renderCoverNotePdf(
    buildNoteView({
      meeting: MEETING_18,
      headerLines: [],
      item: { number: '1', title: 'Update' },
      note: { state: 'drafting', procedure: null, currentVersionId: 1 },
      version: { id: 1, number: 2, content, createdAt: CREATED_AT },
    }),
    { now: new Date(CREATED_AT) },
  );
  const doc = await PDFDocument.load(pdf);
  const uris = doc.getPages().flatMap((page) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    return (annots?.asArray() ?? []).flatMap((ref) => {
      const action = doc.context.lookup(ref, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString);
      return uri ? [uri.decodeText()] : [];
    });
  });
  t.same(uris, [], 'no /URI link annotation');
  t.notMatch(pdf.toString('latin1'), /\/URI\s*\(javascript/i);
});

t.test('the web upload form refuses the javascript: footnote too, before its preview', async (t) => {
  const app = await build(t);
  const { item } = await setup(app);
  const staff = await webPerson(app, 'secretariat');
  const web = await webSession(app, staff.email, `/items/${item.id}`);
  // The form's CSRF token is its first field, as the page's form sends it.
  const body = multipart([
    { name: '_csrf', content: web.csrf },
    { name: 'file', fileName: 'note.md', type: 'text/markdown', content: markdown('javascript:alert(1)') },
  ]);
  const res = await app.inject({
    method: 'POST',
    url: `/items/${item.id}/upload`,
    cookies: web.cookies,
    ...body,
  });
  t.equal(res.statusCode, 422);
  t.match(
    res.body,
    'Footnote 1 links to &quot;javascript:alert(1)&quot;; only http, https and mailto links are allowed.',
  );
  t.notMatch(res.body, /href="javascript/i);
  t.equal(versionCount(app, item.id), 0);
});
