import { allowedEvents, isReadyFor, WORKFLOW, type NoteEvent, type NoteState } from '../../domain/note-workflow.js';
import { canManageAgenda, canPerform, canWriteVersionNow, type NoteFacts } from '../../domain/permissions.js';
import type { Actor } from '../../domain/roles.js';
import { TEXT } from '../../rendering/html/text.js';
import type { NoteView as PrintedNote } from '../../rendering/views/note-view.js';
import { noteEtag } from '../../services/note-access.js';
import type { ItemView, MeetingView, NoteView, VersionView } from '../../services/presenters.js';
import { EMPTY_FORM, isRefused, type FormState } from './form-view.js';
import { itemHeader } from './page-headers.js';
import { formParts, markingChoices } from './item-form-view.js';

/** The workflow events the item page offers, with their buttons; the others are the API's. */
const EVENT_LABELS: Partial<Record<NoteEvent, string>> = {
  submit: TEXT.submit,
  return: TEXT.returnNote,
  release: TEXT.release,
  reopen: TEXT.reopen,
};

/**
 * The buttons of the note's workflow: the events its state allows and the person may perform.
 * An event the note is not ready for (submit before a first version) is not offered: it could
 * only end on a refusal.
 */
function noteActions(actor: Actor, note: NoteFacts, hasVersion: boolean) {
  return allowedEvents(note.state as NoteState)
    .filter((event) => EVENT_LABELS[event] !== undefined && canPerform(actor, event, note))
    .filter((event) => isReadyFor(event, { hasVersion }))
    .map((event) => ({
      event,
      label: EVENT_LABELS[event]!,
      needsComment: WORKFLOW[event].needs === 'comment',
      needsProcedure: WORKFLOW[event].needs === 'procedure',
    }));
}

/**
 * What an item's page shows. `inDraftingCircle` (the note service's answer) says whether the
 * drafts, versions and review were read; `agenda` is the meeting's items for the secretariat.
 */
export interface ItemPageFacts {
  item: ItemView;
  meeting: MeetingView;
  note: NoteView | null;
  inDraftingCircle: boolean;
  printed: PrintedNote | null;
  versions: readonly VersionView[];
  comments: readonly object[];
  agenda: readonly ItemView[];
}

/** An item's page: the note as HTML, its workflow, uploads, versions and review; after a refused form, its input. */
export function itemPageView(actor: Actor, facts: ItemPageFacts, form: FormState = EMPTY_FORM) {
  const { item, note, versions, inDraftingCircle } = facts;
  const noteFacts: NoteFacts = {
    itemId: item.id,
    state: note?.state ?? '',
    rapporteurIds: item.rapporteurs.map((r) => r.id),
  };
  const isParent = (id: number) => (isRefused(form) ? String(id) === form.values.parentId : id === item.parentId);
  return {
    header: itemHeader(facts.meeting, item),
    ...formParts(form, item.title),
    ...markingChoices(form, item),
    item,
    meetingLine: facts.meeting.displayLine,
    noteState: note?.state ?? null,
    underRevision: Boolean(note && !inDraftingCircle && note.publication?.underRevision),
    procedure: note?.procedure ?? null,
    note: facts.printed,
    // The version shown, as a Word file to start the next draft from: whoever reads it may download it.
    docxUrl: facts.printed ? `/api/v1/items/${item.id}/note/versions/${facts.printed.versionNumber}/docx` : null,
    etag: note ? noteEtag(note) : '',
    actions: note && inDraftingCircle ? noteActions(actor, noteFacts, note.versionCount > 0) : [],
    canUpload: note !== null && canWriteVersionNow(actor, noteFacts),
    versions: versions.map((v, i) => ({
      number: v.number,
      createdAt: v.createdAt.slice(0, 16).replace('T', ' '),
      previous: i > 0 ? versions[i - 1]!.number : null,
    })),
    canReview: inDraftingCircle,
    comments: facts.comments,
    canManage: canManageAgenda(actor),
    parents: facts.agenda
      .filter((i) => i.id !== item.id)
      .map((i) => ({ id: i.id, number: i.number, title: i.title, selected: isParent(i.id) })),
  };
}
