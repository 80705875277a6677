import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AgendumError, Errors } from '../domain/errors.js';
import { allowedEvents, NoteEvent, NoteState, WORKFLOW } from '../domain/note-workflow.js';
import { SECTION_HEADINGS, SECTION_KEYS } from '../domain/note-content.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { NoteAccess } from '../domain/permissions.js';
import { buildNoteView } from '../rendering/views/note-view.js';
import { readSingleUpload } from '../routes/api/read-upload.js';
import { ItemChangesBody } from '../schemas/items.js';
import { readForm } from '../schemas/read-form.js';
import { NewCommentBody } from '../schemas/review.js';
import { TransitionBody } from '../schemas/workflow.js';
import { noteEtag } from '../services/note-access.js';
import { EMPTY_FORM, field, personOf, redirectWith, refusedForm, sendPage, type FormState } from './page-kit.js';
import { formParts, markingChoices } from './item-form.js';
import { TEXT } from './text.js';
import { previewStore } from './upload-previews.js';

const EVENT_LABELS: Record<NoteEvent, string> = {
  submit: TEXT.submit,
  return: TEXT.returnNote,
  release: TEXT.release,
  reopen: TEXT.reopen,
  withdraw: 'Withdraw',
  restore: 'Restore',
};

/** A cover note's page: the note as HTML, its workflow, uploads, versions and review. */
export async function itemPages(app: FastifyInstance) {
  const { agenda, notes, workflow, review, ingest, pdf, meetings } = app.services;
  const hide = { schema: { hide: true } };
  const previews = previewStore(app.config.maxUploadBytes);
  const idOf = (params: unknown) => Number((params as { itemId: string }).itemId) || 0;

  function actionsFor(actor: Actor, state: NoteState, isRapporteur: boolean) {
    return allowedEvents(state)
      .filter((event) =>
        [NoteEvent.submit, NoteEvent.return, NoteEvent.release, NoteEvent.reopen].some((e) => e === event),
      )
      .filter((event) => isStaff(actor.role) || (isRapporteur && WORKFLOW[event].by === 'rapporteur-or-secretariat'))
      .map((event) => ({
        event,
        label: EVENT_LABELS[event],
        needsComment: WORKFLOW[event].needs === 'comment',
        needsProcedure: event === NoteEvent.release,
      }));
  }

  app.get('/items/:itemId', hide, async (request, reply) => itemPage(request, reply));

  /** The item's page; after a refused form, with its input and messages (and a 422). */
  async function itemPage(request: FastifyRequest, reply: FastifyReply, form: FormState = EMPTY_FORM) {
    const actor = personOf(request);
    const item = agenda.get(actor, idOf(request.params));
    const meeting = meetings.get(item.meetingId);
    const visible = item.note !== null;
    const note = visible ? notes.get(actor, item.id) : null;
    // Drafts, versions, review and workflow: the drafting circle only (the same rule as the API's).
    const canReview = visible && notes.accessOf(actor, item.id) === NoteAccess.drafts;
    const isRapporteur = canReview && !isStaff(actor.role);
    const versions = canReview ? notes.listVersions(actor, item.id) : [];
    const refused = Object.keys(form.errors).length > 0;
    const isParent = (id: number) => (refused ? String(id) === form.values.parentId : id === item.parentId);
    return sendPage(request, reply, 'item', `${item.number} ${item.title}`, {
      ...formParts(form, item.title),
      ...markingChoices(form, item),
      item,
      meetingLine: meeting.displayLine,
      noteState: note?.state ?? null,
      underRevision: Boolean(note && !canReview && note.publication?.underRevision),
      procedure: note?.procedure ?? null,
      note: visible ? pdf.readableNoteView(actor, item.id) : null,
      etag: note ? noteEtag(note) : '',
      actions: note && canReview ? actionsFor(actor, note.state, isRapporteur) : [],
      canUpload: Boolean(note && canReview && note.state === NoteState.drafting),
      versions: versions.map((v, i) => ({
        number: v.number,
        createdAt: v.createdAt.slice(0, 16).replace('T', ' '),
        previous: i > 0 ? versions[i - 1]!.number : null,
      })),
      canReview,
      comments: canReview ? review.list(actor, item.id) : [],
      canManage: isStaff(actor.role),
      parents: isStaff(actor.role)
        ? agenda
            .list(actor, item.meetingId)
            .filter((i) => i.id !== item.id)
            .map((i) => ({ id: i.id, number: i.number, title: i.title, selected: isParent(i.id) }))
        : [],
    });
  }

  app.post('/items/:itemId/edit', { ...hide, preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = personOf(request);
    const itemId = idOf(request.params);
    const form = readForm(ItemChangesBody, request.body, request);
    if (!form.ok) return itemPage(request, reply, refusedForm(form.input, form.errors));
    const current = agenda.get(actor, itemId);
    // Moving under the same parent again would put the item last among its siblings.
    const { parentId, ...rest } = form.value;
    // Unticked boxes are not sent: the form always states the groups, none when none is ticked.
    const changes = { audienceGroups: [], ...(parentId === current.parentId ? rest : form.value) };
    try {
      const changed = agenda.update(actor, itemId, changes);
      return redirectWith(reply, `/items/${itemId}`, `Item ${changed.number} saved.`);
    } catch (error) {
      // A limited distribution without a group: the item page again, with what was chosen.
      if (!(error instanceof AgendumError) || error.status !== 422) throw error;
      return itemPage(request, reply, { values: form.input, errors: { audienceGroups: error.message } });
    }
  });

  // Multipart: the CSRF token is the form's first field, checked before the file is read.
  app.post('/items/:itemId/upload', hide, async (request, reply) => {
    const actor = personOf(request);
    const itemId = idOf(request.params);
    const upload = await readSingleUpload(request, app.config.maxUploadBytes, {
      beforeFile: (fields) => app.checkCsrf(request, fields._csrf),
    });
    const result = await ingest.ingestDraft(actor, itemId, upload, { dryRun: true });
    const item = agenda.get(actor, itemId);
    const { meeting, network } = app.services.ctx.repos.meetings.find(item.meetingId)!;
    const current = notes.get(actor, itemId);
    const view = buildNoteView({
      meeting: { ...meeting, networkName: network.name },
      headerLines: network.headerLines,
      item,
      note: { state: NoteState.drafting, procedure: current.procedure, currentVersionId: 0 },
      version: {
        id: 0,
        number: current.versionCount + 1,
        content: { sections: result.recognised.sections, footnotes: result.recognised.footnotes },
        createdAt: app.services.ctx.now().toISOString(),
      },
    });
    const previewId = previews.keep({ bytes: upload.bytes, fileName: upload.fileName, itemId, personId: actor.id });
    return sendPage(request, reply, 'preview', TEXT.preview, {
      item,
      fileName: result.file.name,
      warnings: result.warnings,
      note: view,
      previewId,
      etag: noteEtag(current),
    });
  });

  app.post<{ Params: { itemId: string; previewId: string } }>(
    '/items/:itemId/upload/:previewId/save',
    { ...hide, preHandler: app.csrfProtection },
    async (request, reply) => {
      const actor = personOf(request);
      const itemId = idOf(request.params);
      const kept = previews.take(request.params.previewId, actor.id, itemId);
      if (!kept) throw Errors.gone('This preview has expired; upload the file again.');
      const result = await ingest.ingestDraft(actor, itemId, kept, {
        dryRun: false,
        ifMatch: field(request.body, 'etag'),
      });
      previews.drop(request.params.previewId);
      return redirectWith(reply, `/items/${itemId}`, `Version ${result.version!.number} saved.`);
    },
  );

  app.post('/items/:itemId/transition', { ...hide, preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = personOf(request);
    const itemId = idOf(request.params);
    const form = readForm(TransitionBody, request.body, request, ['etag']);
    if (!form.ok) return itemPage(request, reply, refusedForm(form.input, form.errors));
    const note = workflow.perform(actor, itemId, form.value, field(request.body, 'etag') || '"none"');
    return redirectWith(reply, `/items/${itemId}`, `The note is now ${note.state}.`);
  });

  app.post('/items/:itemId/comments', { ...hide, preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = personOf(request);
    const itemId = idOf(request.params);
    const form = readForm(NewCommentBody, request.body, request);
    if (!form.ok) return itemPage(request, reply, refusedForm(form.input, form.errors));
    review.add(actor, itemId, form.value);
    return redirectWith(reply, `/items/${itemId}`, 'Comment added.');
  });

  app.post<{ Params: { itemId: string; commentId: string } }>(
    '/items/:itemId/comments/:commentId/resolve',
    { ...hide, preHandler: app.csrfProtection },
    async (request, reply) => {
      const itemId = idOf(request.params);
      review.resolve(personOf(request), itemId, Number(request.params.commentId) || 0);
      return redirectWith(reply, `/items/${itemId}`, 'Comment resolved.');
    },
  );

  app.get<{ Params: { itemId: string }; Querystring: { a?: string; b?: string } }>(
    '/items/:itemId/diff',
    hide,
    async (request, reply) => {
      const actor = personOf(request);
      const itemId = idOf(request.params);
      const diff = review.diff(actor, itemId, Number(request.query.a) || 0, Number(request.query.b) || 0);
      const item = agenda.get(actor, itemId);
      const sections = SECTION_KEYS.map((key, i) => ({
        heading: `${i + 1}. ${SECTION_HEADINGS[key]}`,
        parts: diff.sections[key],
      }));
      return sendPage(request, reply, 'diff', `${item.number}: version ${diff.from} → ${diff.to}`, {
        item,
        from: diff.from,
        to: diff.to,
        sections,
      });
    },
  );
}
