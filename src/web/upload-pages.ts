import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { listFieldErrors, type ValidationIssue } from '../schemas/field-errors.js';
import { SECTION_KEYS } from '../domain/note-content.js';
import { NewVersionBody } from '../schemas/notes.js';
import { noteEtag } from '../services/note-access.js';
import { canWriteVersionNow } from '../domain/permissions.js';
import { renderItemPage } from './item-pages.js';
import { EMPTY_FORM, refusedByService, refusedForm, type FormState } from './views/form-view.js';
import { versionBodyOf, writeView } from './views/write-view.js';
import { AgendumError, Errors } from '../domain/errors.js';
import { TEXT } from '../rendering/html/text.js';
import { ItemParams } from '../schemas/common.js';
import { readSingleUpload } from '../schemas/read-upload.js';
import { field, pageRoute, personOf, redirectWith, sendPage } from './page-kit.js';
import { previewStore } from './upload-previews.js';
import { underItemHeader } from './views/page-headers.js';
import { previewView } from './views/preview-view.js';

/** A version typed on the page: the API's NewVersion body, read from one box per section. */
function writeVersion(app: FastifyInstance, request: FastifyRequest, itemId: number): FormState | number {
  const actor = personOf(request);
  const input = Object.fromEntries([...SECTION_KEYS, 'footnotes'].map((n) => [n, field(request.body, n)]));
  // Not trimmed for the form: field() trims, which only drops blank lines at the ends.
  const body = versionBodyOf(input);
  const validate = request.compileValidationSchema(NewVersionBody as never, 'body');
  if (!validate(body))
    return refusedForm(
      input,
      listFieldErrors((validate.errors ?? []) as ValidationIssue[], 'body').map((e) => ({
        ...e,
        // A section's paragraph belongs to the section's box.
        path: e.path.replace(/^body\.sections\./, 'body.'),
      })),
    );
  try {
    return app.services.notes.createVersion(actor, itemId, body, field(request.body, 'etag') || '"none"').number;
  } catch (error) {
    return refusedByService(error, input);
  }
}

const PreviewParams = Type.Object({ ...ItemParams.properties, previewId: Type.String() });

/** Uploading a draft from the item page: a preview first, then "save" makes it the next version. */
export const uploadPages: FastifyPluginAsyncTypebox = async (app) => {
  const { agenda, notes, ingest } = app.services;
  const previews = previewStore(app.config.maxUploadBytes);

  function writePage(request: FastifyRequest, reply: FastifyReply, itemId: number, form: FormState = EMPTY_FORM) {
    const actor = personOf(request);
    const item = agenda.get(actor, itemId);
    const note = notes.get(actor, itemId);
    const facts = { itemId, state: note.state, rapporteurIds: item.rapporteurs.map((r) => r.id) };
    // The form is for whoever may write the next version now; anyone else would type for nothing.
    if (!canWriteVersionNow(actor, facts)) {
      throw Errors.conflict('A new version is written by the drafting circle while the note is in drafting.');
    }
    const latest = note.currentVersion
      ? { sections: note.currentVersion.sections, footnotes: note.currentVersion.footnotes }
      : null;
    const header = underItemHeader(app.services.meetings.get(item.meetingId), item, 'Write a version', 'Write');
    return sendPage(request, reply, 'write', 'Write a version', {
      ...writeView(latest, form, noteEtag(note)),
      item,
      header,
    });
  }

  app.get('/items/:itemId/write', pageRoute({ params: ItemParams }), async (request, reply) =>
    writePage(request, reply, request.params.itemId),
  );

  app.post(
    '/items/:itemId/versions',
    { ...pageRoute({ params: ItemParams }), preHandler: app.csrfProtection },
    async (request, reply) => {
      const { itemId } = request.params;
      const written = writeVersion(app, request, itemId);
      if (typeof written !== 'number') return writePage(request, reply, itemId, written);
      return redirectWith(reply, `/items/${itemId}`, `Version ${written} saved.`);
    },
  );

  // Multipart: the CSRF token is the form's first field, checked before the file is read.
  app.post('/items/:itemId/upload', pageRoute({ params: ItemParams }), async (request, reply) => {
    const actor = personOf(request);
    const { itemId } = request.params;
    let upload: Awaited<ReturnType<typeof readSingleUpload>>;
    let dryRun: Awaited<ReturnType<typeof ingest.ingestDraft>>;
    try {
      upload = await readSingleUpload(request, app.config.maxUploadBytes, {
        beforeFile: (fields) => app.checkCsrf(request, fields._csrf),
      });
      dryRun = await ingest.ingestDraft(actor, itemId, upload, { dryRun: true });
    } catch (error) {
      // A file agendum cannot take (too large, none chosen, its type, its content) is the person's to
      // replace: the item page's upload form says why. A refused CSRF token (403) stays an error.
      if (!(error instanceof AgendumError) || ![413, 415, 422].includes(error.status)) throw error;
      return renderItemPage(app.services, request, reply, itemId, { values: {}, errors: { file: error.message } });
    }
    const item = agenda.get(actor, itemId);
    const { meeting, network } = app.services.meetings.withNetwork(item.meetingId)!;
    // The preview keeps what was read: "save" stores it without parsing the file again.
    const previewId = previews.keep({ bytes: upload.bytes, dryRun, itemId, personId: actor.id });
    const now = app.services.clock.now();
    const view = previewView({ item, meeting, network, note: notes.get(actor, itemId), dryRun, previewId, now });
    const header = underItemHeader(
      app.services.meetings.get(item.meetingId),
      item,
      `${TEXT.preview}: ${view.fileName}`,
      TEXT.preview,
    );
    return sendPage(request, reply, 'preview', TEXT.preview, { ...view, header });
  });

  app.post(
    '/items/:itemId/upload/:previewId/save',
    { ...pageRoute({ params: PreviewParams }), preHandler: app.csrfProtection },
    async (request, reply) => {
      const actor = personOf(request);
      const { itemId, previewId } = request.params;
      const kept = previews.take(previewId, actor.id, itemId);
      if (!kept) throw Errors.gone('This preview has expired; upload the file again.');
      let saved: Awaited<ReturnType<typeof ingest.saveReadDraft>>;
      try {
        saved = await ingest.saveReadDraft(actor, itemId, kept, field(request.body, 'etag'));
      } catch (error) {
        // The note moved on while the preview was open (another version, a submit): the item page
        // says so on its upload form, rather than an error page.
        if (!(error instanceof AgendumError) || ![409, 412].includes(error.status)) throw error;
        previews.drop(previewId);
        return renderItemPage(app.services, request, reply, itemId, { values: {}, errors: { file: error.message } });
      }
      previews.drop(previewId);
      return redirectWith(reply, `/items/${itemId}`, `Version ${saved.number} saved.`);
    },
  );
};
