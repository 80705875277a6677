import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Errors } from '../domain/errors.js';
import { TEXT } from '../rendering/html/text.js';
import { ForceQuery, ItemParams } from '../schemas/common.js';
import { AnnexFields, AnnexParams, annexMarking } from '../schemas/ingest.js';
import { ItemChangesBody } from '../schemas/items.js';
import { readForm, type FormInput } from '../schemas/read-form.js';
import { readSingleUpload } from '../schemas/read-upload.js';
import { CarryOverBody } from '../schemas/review.js';
import { NoteChangesBody } from '../schemas/workflow.js';
import { sendItemPage } from './item-pages.js';
import { field, pageRoute, personOf, redirectWith, submitForm } from './page-kit.js';
import { refusedByService, refusedForm } from './views/form-view.js';
import { annexForm } from './views/item-extras-view.js';

/** The item page's extras: rapporteurs, deleting, annexes, the outcome and carrying over (the settings post to /edit). */
export const itemExtraPages: FastifyPluginAsyncTypebox = async (app) => {
  const { services } = app;
  const { agenda, workflow, carryOver, ingest } = services;
  const form = { preHandler: app.csrfProtection };
  const itemRoute = { ...pageRoute({ params: ItemParams }), ...form };

  app.post('/items/:itemId/rapporteurs', itemRoute, async (request, reply) => {
    const actor = personOf(request);
    const { itemId } = request.params;
    // The form always sends an empty rapporteurIds: no box ticked names nobody, as `[]` does in the API.
    const outcome = submitForm(
      request,
      ItemChangesBody,
      (value) => agenda.update(actor, itemId, { rapporteurIds: value.rapporteurIds ?? [] }),
      { fallback: 'rapporteurIds' },
    );
    if (!outcome.done) return sendItemPage(services, request, reply, itemId, outcome.form);
    return redirectWith(reply, `/items/${itemId}`, `The rapporteurs of item ${outcome.result.number} are saved.`);
  });

  app.post('/items/:itemId/delete', itemRoute, async (request, reply) => {
    const actor = personOf(request);
    const { itemId } = request.params;
    const item = agenda.get(actor, itemId);
    const outcome = submitForm(
      request,
      ForceQuery,
      (value) => {
        // The page's own step before the API's call: deleting is for good, so it is confirmed.
        if (field(request.body, 'confirm') !== 'yes')
          throw Errors.invalid.onField('confirm', TEXT.deleteConfirmMissing);
        agenda.delete(actor, itemId, { force: value.force });
      },
      { fallback: 'confirm', besides: ['confirm'] },
    );
    if (!outcome.done) return sendItemPage(services, request, reply, itemId, outcome.form);
    return redirectWith(reply, `/meetings/${item.meetingId}`, `Item ${item.number} ${item.title} deleted.`);
  });

  // Multipart: the CSRF token is the form's first field, checked before the file is read.
  app.post('/items/:itemId/annexes', pageRoute({ params: ItemParams }), async (request, reply) => {
    const actor = personOf(request);
    const { itemId } = request.params;
    let typed: FormInput = {};
    try {
      const upload = await readSingleUpload(request, app.config.maxUploadBytes, {
        beforeFile: (fields) => app.checkCsrf(request, fields._csrf),
      });
      const fields = readForm(AnnexFields, upload.fields, request);
      typed = fields.input;
      if (!fields.ok)
        return sendItemPage(services, request, reply, itemId, annexForm(refusedForm(typed, fields.errors)));
      const annex = await ingest.addAnnex(actor, itemId, upload, fields.value.title, annexMarking(fields.value));
      return redirectWith(reply, `/items/${itemId}`, `Annex "${annex.title}" added.`);
    } catch (error) {
      return sendItemPage(services, request, reply, itemId, annexForm(refusedByService(error, typed, 'file')));
    }
  });

  app.post(
    '/items/:itemId/annexes/:annexId/delete',
    { ...pageRoute({ params: AnnexParams }), ...form },
    async (request, reply) => {
      const actor = personOf(request);
      const { itemId, annexId } = request.params;
      try {
        await ingest.removeAnnex(actor, itemId, annexId);
      } catch (error) {
        return sendItemPage(services, request, reply, itemId, refusedByService(error, {}, 'annexes'));
      }
      return redirectWith(reply, `/items/${itemId}`, 'Annex removed.');
    },
  );

  app.post('/items/:itemId/outcome', itemRoute, async (request, reply) => {
    const actor = personOf(request);
    const { itemId } = request.params;
    const etag = field(request.body, 'etag') || '"none"';
    const outcome = submitForm(
      request,
      NoteChangesBody,
      (value) => workflow.changeNote(actor, itemId, { outcome: value.outcome }, etag),
      { fallback: 'outcome', besides: ['etag'] },
    );
    if (!outcome.done) return sendItemPage(services, request, reply, itemId, outcome.form);
    return redirectWith(reply, `/items/${itemId}`, 'Outcome recorded.');
  });

  app.post('/items/:itemId/carry-over', itemRoute, async (request, reply) => {
    const actor = personOf(request);
    const { itemId } = request.params;
    const outcome = submitForm(request, CarryOverBody, (value) => carryOver.carryOver(actor, itemId, value), {
      fallback: 'meetingId',
    });
    if (!outcome.done) return sendItemPage(services, request, reply, itemId, outcome.form);
    const copy = outcome.result;
    return redirectWith(reply, `/items/${copy.id}`, `Carried over: now item ${copy.number} of that meeting.`);
  });
};
