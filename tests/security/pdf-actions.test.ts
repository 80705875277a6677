import { readdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import t from 'tap';
import { noteEtag } from '../../src/services/note-access.js';
import { createItem, meetingSetup } from '../factories.js';
import { as, build, problemOf, reposOf, signedIn, type SignedIn } from '../helper.js';
import { draftPdf } from '../support/draft-files.js';
import { fileUpload } from '../support/multipart.js';

/**
 * Repros of issue 13: a draft PDF whose catalog runs JavaScript was accepted and its original
 * kept for download; an annex with a `javascript:` link was accepted. Both are refused now, by
 * the one check annexes and drafts share.
 */

const SCRIPT_REFUSED =
  'The PDF carries JavaScript or launch actions; drafts are kept and read by others and must be plain documents.';

const NOTE = {
  itemLine: '1. Update',
  content: {
    sections: {
      issueAtStake: ['What is at stake.'],
      summary: ['The group met twice.'],
      procedure: ['For information.'],
    },
  },
};

/** The note PDF with `change` applied to it by pdf-lib. */
async function changed(change: (doc: PDFDocument) => void, bytes?: Uint8Array): Promise<Buffer> {
  const doc = await PDFDocument.load(bytes ?? (await draftPdf(NOTE)));
  change(doc);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A link annotation over the first page's corner, its action written inline. */
function addLink(doc: PDFDocument, uri: string) {
  const { context } = doc;
  const link = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [0, 0, 100, 100],
      A: context.obj({ S: 'URI', URI: PDFString.of(uri) }),
    }),
  );
  doc.getPage(0).node.set(PDFName.of('Annots'), context.obj([link]));
}

const HOSTILE_DRAFTS: Record<string, (doc: PDFDocument) => void> = {
  // Written inline in the catalog, as in the issue: `/OpenAction << /S /JavaScript /JS (...) >>`.
  'an OpenAction running JavaScript': (doc) =>
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') })),
  'an OpenAction launching a program': (doc) =>
    doc.catalog.set(
      PDFName.of('OpenAction'),
      doc.context.register(doc.context.obj({ S: 'Launch', F: PDFString.of('calc.exe') })),
    ),
  'a document-level JavaScript name tree': (doc) =>
    doc.catalog.set(
      PDFName.of('Names'),
      doc.context.obj({
        JavaScript: doc.context.obj({
          Names: [PDFString.of('x'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') })],
        }),
      }),
    ),
  "a page's additional actions": (doc) =>
    doc.getPage(0).node.set(PDFName.of('AA'), doc.context.obj({ O: doc.context.obj({ S: 'GoTo', D: [] }) })),
};

async function setup(app: FastifyInstance) {
  const secretariat = await signedIn(app, 'secretariat');
  const rapporteur = await signedIn(app, 'rapporteur');
  const meeting = await meetingSetup(app, secretariat);
  const item = createItem(app, secretariat, meeting.id, { title: 'Update', rapporteurIds: [rapporteur.id] });
  return { rapporteur, item };
}

function uploadDraft(app: FastifyInstance, who: SignedIn, itemId: number, bytes: Buffer) {
  const body = fileUpload('draft.pdf', bytes);
  return as(app, who, {
    method: 'POST',
    url: `/api/v1/items/${itemId}/note/versions`,
    payload: body.payload,
    headers: { ...body.headers, 'if-match': noteEtag(reposOf(app).notes.findByItem(itemId)!) },
  });
}

const uploadAnnex = (app: FastifyInstance, who: SignedIn, itemId: number, bytes: Buffer) =>
  as(app, who, { method: 'POST', url: `/api/v1/items/${itemId}/annexes`, ...fileUpload('annex.pdf', bytes) });

const storedFiles = (app: FastifyInstance) => readdirSync(app.config.uploadsDir).filter((f) => !f.startsWith('.'));

t.test('a draft PDF with JavaScript, launch or automatic actions is refused and no file is kept', async (t) => {
  const app = await build(t);
  const { rapporteur, item } = await setup(app);
  for (const [what, change] of Object.entries(HOSTILE_DRAFTS)) {
    const res = await uploadDraft(app, rapporteur, item.id, await changed(change));
    t.equal(res.statusCode, 422, what);
    const problem = problemOf(t, res);
    t.equal(problem.code, 'AGENDUM_BAD_UPLOAD', what);
    t.equal(problem.detail, SCRIPT_REFUSED, what);
  }
  t.equal(reposOf(app).notes.countVersions(reposOf(app).notes.findByItem(item.id)!.id), 0);
  t.same(storedFiles(app), [], 'no original kept');
  const original = await as(app, rapporteur, {
    method: 'GET',
    url: `/api/v1/items/${item.id}/note/versions/1/original`,
  });
  t.equal(original.statusCode, 404, 'nothing to download');

  const plain = await uploadDraft(app, rapporteur, item.id, await draftPdf(NOTE));
  t.equal(plain.statusCode, 201, 'the same draft without them is stored');
  const linked = await uploadDraft(
    app,
    rapporteur,
    item.id,
    await changed((doc) => addLink(doc, 'https://example.org/minutes')),
  );
  t.equal(linked.statusCode, 201, 'an https link annotation is fine');
});

t.test('a draft or an annex PDF with a javascript: link annotation is refused', async (t) => {
  const app = await build(t);
  const { rapporteur, item } = await setup(app);
  const blank = await PDFDocument.create();
  blank.addPage([200, 200]);
  const annex = Buffer.from(await blank.save());

  const hostileAnnex = await changed((doc) => addLink(doc, 'javascript:alert(1)'), annex);
  const res = await uploadAnnex(app, rapporteur, item.id, hostileAnnex);
  t.equal(res.statusCode, 422);
  t.equal(
    problemOf(t, res).detail,
    'The PDF links to "javascript:alert(1)"; only http, https and mailto links are allowed.',
  );
  const draft = await uploadDraft(
    app,
    rapporteur,
    item.id,
    await changed((doc) => addLink(doc, 'JavaScript:alert(1)')),
  );
  t.equal(draft.statusCode, 422);
  t.equal(
    problemOf(t, draft).detail,
    'The PDF links to "JavaScript:alert(1)"; only http, https and mailto links are allowed.',
  );
  t.same(storedFiles(app), [], 'no file kept');

  const fine = await uploadAnnex(
    app,
    rapporteur,
    item.id,
    await changed((doc) => addLink(doc, 'mailto:a@b.eu'), annex),
  );
  t.equal(fine.statusCode, 201, 'an annex with a mailto link is accepted');
  const scripted = await uploadAnnex(
    app,
    rapporteur,
    item.id,
    await changed(HOSTILE_DRAFTS['an OpenAction running JavaScript']!, annex),
  );
  t.equal(scripted.statusCode, 422);
  t.equal(
    problemOf(t, scripted).detail,
    'The PDF carries JavaScript or launch actions; annexes go to many readers and must be plain documents.',
  );
});
