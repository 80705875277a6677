import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { NoteAccess } from '../domain/permissions.js';
import { ItemParams } from '../schemas/common.js';
import type { Services } from '../services/index.js';
import { ItemSettingsBody } from '../schemas/items.js';
import { CommentParams, DiffParams, NewCommentBody } from '../schemas/review.js';
import { NoteChangesBody, TransitionBody } from '../schemas/workflow.js';
import { procedureLabel } from '../rendering/html/glossary.js';
import { field, pageRoute, personOf, redirectWith, sendPage, submitForm } from './page-kit.js';
import { diffView } from './views/diff-view.js';
import { EMPTY_FORM, isRefused, type FormState } from './views/form-view.js';
import { itemExtrasView } from './views/item-extras-view.js';
import { EVENT_DONE, itemPageView } from './views/item-view.js';
import { underItemHeader } from './views/page-headers.js';

/** The API's versions to compare, as the page's query (`?a=1&b=2`) rather than its path. */
const DiffQuery = Type.Object({ a: DiffParams.properties.a, b: DiffParams.properties.b });

/** The item's page; after a refused form, with its input and messages (and a 422). */
export function renderItemPage(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  itemId: number,
  refused: FormState = EMPTY_FORM,
  extrasForm: FormState = EMPTY_FORM,
) {
  const { agenda, notes, workflow, review, pdf, meetings, ingest } = services;
  const actor = personOf(request);
  const item = agenda.get(actor, itemId);
  const note = item.note ? notes.get(actor, item.id) : null;
  // Drafts, versions and review: the drafting circle only (the note service's rule, as the API's).
  const inDraftingCircle = note !== null && notes.accessOf(actor, item.id) === NoteAccess.drafts;
  const facts = {
    item,
    meeting: meetings.get(item.meetingId),
    note,
    inDraftingCircle,
    printed: note ? pdf.readableNoteView(actor, item.id) : null,
    publications: note ? notes.publications(actor, item.id) : [],
    versions: inDraftingCircle ? notes.listVersions(actor, item.id) : [],
    comments: inDraftingCircle ? review.list(actor, item.id) : [],
    history: inDraftingCircle ? workflow.history(actor, item.id) : [],
    ...(inDraftingCircle ? ingest.versionSources(actor, item.id) : {}),
  };
  const extras = itemExtrasView(services, actor, item, extrasForm);
  // A refused form of the extras brings its own summary: its fields are the extras' own.
  const summary = isRefused(extrasForm) ? { errorSummary: extras.errorSummary } : {};
  const view = { ...itemPageView(actor, facts, refused), ...summary, extras };
  return sendPage(request, reply, 'item', `${item.number} ${item.title}`, view);
}

/** The item page after a refused form of its extras (item-extra-pages.ts): that form's input, messages and summary. */
export const sendItemPage = (
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  itemId: number,
  form: FormState,
) => renderItemPage(services, request, reply, itemId, EMPTY_FORM, form);

/** A cover note's page: the note as HTML, its workflow, versions and review, and the item's own form. */
export const itemPages: FastifyPluginAsyncTypebox = async (app) => {
  const { agenda, notes, workflow, review, meetings } = app.services;
  const form = { preHandler: app.csrfProtection };
  const itemRoute = pageRoute({ params: ItemParams });

  const itemPage = (request: FastifyRequest, reply: FastifyReply, itemId: number, refused: FormState = EMPTY_FORM) =>
    renderItemPage(app.services, request, reply, itemId, refused);

  app.get('/items/:itemId', itemRoute, async (request, reply) => itemPage(request, reply, request.params.itemId));

  app.post('/items/:itemId/edit', { ...itemRoute, ...form }, async (request, reply) => {
    const actor = personOf(request);
    const { itemId } = request.params;
    const outcome = submitForm(request, ItemSettingsBody, (value) => {
      // The form always sends the parent: moving under the same one again would put the item last.
      const { parentId, ...rest } = value;
      const unmoved = parentId === agenda.get(actor, itemId).parentId;
      // Unticked boxes are not sent: the form always states the groups, none when none is ticked.
      return agenda.update(actor, itemId, { audienceGroups: [], ...(unmoved ? rest : value) });
    });
    if (!outcome.done) return sendItemPage(app.services, request, reply, itemId, outcome.form);
    return redirectWith(reply, `/items/${itemId}`, `Item ${outcome.result.number} saved.`);
  });

  app.post('/items/:itemId/transition', { ...itemRoute, ...form }, async (request, reply) => {
    const actor = personOf(request);
    const { itemId } = request.params;
    const etag = field(request.body, 'etag') || '"none"';
    const outcome = submitForm(
      request,
      TransitionBody,
      (value) => (workflow.perform(actor, itemId, value, etag), value.event),
      { besides: ['etag'] },
    );
    if (!outcome.done) return itemPage(request, reply, itemId, outcome.form);
    return redirectWith(reply, `/items/${itemId}`, EVENT_DONE[outcome.result]);
  });

  // The API's PATCH of the note, for its procedure: the same schema and service call.
  app.post('/items/:itemId/procedure', { ...itemRoute, ...form }, async (request, reply) => {
    const actor = personOf(request);
    const { itemId } = request.params;
    const etag = field(request.body, 'etag') || '"none"';
    const outcome = submitForm(request, NoteChangesBody, (value) => workflow.changeNote(actor, itemId, value, etag), {
      besides: ['etag'],
    });
    if (!outcome.done) return itemPage(request, reply, itemId, outcome.form);
    return redirectWith(reply, `/items/${itemId}`, `The procedure is now ${procedureLabel(outcome.result.procedure)}.`);
  });

  app.post('/items/:itemId/comments', { ...itemRoute, ...form }, async (request, reply) => {
    const actor = personOf(request);
    const { itemId } = request.params;
    const outcome = submitForm(request, NewCommentBody, (value) => review.add(actor, itemId, value));
    if (!outcome.done) return itemPage(request, reply, itemId, outcome.form);
    return redirectWith(reply, `/items/${itemId}`, 'Comment added.');
  });

  app.post(
    '/items/:itemId/comments/:commentId/resolve',
    { ...pageRoute({ params: CommentParams }), ...form },
    async (request, reply) => {
      const { itemId, commentId } = request.params;
      review.resolve(personOf(request), itemId, commentId);
      return redirectWith(reply, `/items/${itemId}`, 'Comment resolved.');
    },
  );

  app.get('/items/:itemId/diff', pageRoute({ params: ItemParams, querystring: DiffQuery }), async (request, reply) => {
    const actor = personOf(request);
    const { itemId } = request.params;
    const { a, b } = request.query;
    // The versions the API's diff reads (the same rule: both readable); the page aligns them itself.
    const [before, after] = notes.versionPair(actor, itemId, a, b);
    const item = agenda.get(actor, itemId);
    const diff = diffView(item, before, after);
    const title = `${item.number}: version ${a} → ${b}`;
    const header = underItemHeader(meetings.get(item.meetingId), item, `Version ${a} → ${b}`, 'Compare');
    return sendPage(request, reply, 'diff', title, { ...diff, header });
  });
};
