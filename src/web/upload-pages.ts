import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Errors } from '../domain/errors.js';
import { TEXT } from '../rendering/html/text.js';
import { ItemParams } from '../schemas/common.js';
import { readSingleUpload } from '../schemas/read-upload.js';
import { field, pageRoute, personOf, redirectWith, sendPage } from './page-kit.js';
import { previewStore } from './upload-previews.js';
import { underItemHeader } from './views/page-headers.js';
import { previewView } from './views/preview-view.js';

const PreviewParams = Type.Object({ ...ItemParams.properties, previewId: Type.String() });

/** Uploading a draft from the item page: a preview first, then "save" makes it the next version. */
export const uploadPages: FastifyPluginAsyncTypebox = async (app) => {
  const { agenda, notes, ingest } = app.services;
  const previews = previewStore(app.config.maxUploadBytes);

  // Multipart: the CSRF token is the form's first field, checked before the file is read.
  app.post('/items/:itemId/upload', pageRoute({ params: ItemParams }), async (request, reply) => {
    const actor = personOf(request);
    const { itemId } = request.params;
    const upload = await readSingleUpload(request, app.config.maxUploadBytes, {
      beforeFile: (fields) => app.checkCsrf(request, fields._csrf),
    });
    const dryRun = await ingest.ingestDraft(actor, itemId, upload, { dryRun: true });
    const item = agenda.get(actor, itemId);
    const { meeting, network } = app.services.meetings.withNetwork(item.meetingId)!;
    const previewId = previews.keep({ ...upload, itemId, personId: actor.id });
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
      const saved = await ingest.ingestDraft(actor, itemId, kept, {
        dryRun: false,
        ifMatch: field(request.body, 'etag'),
      });
      previews.drop(previewId);
      return redirectWith(reply, `/items/${itemId}`, `Version ${saved.version!.number} saved.`);
    },
  );
};
