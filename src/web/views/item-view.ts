import { allowedEvents, isReadyFor, NoteEvent, NoteState, WORKFLOW } from '../../domain/note-workflow.js';
import { canPerform, canWriteVersionNow, type NoteFacts } from '../../domain/permissions.js';
import { PROCEDURE_KINDS, PROCEDURES, procedureKind } from '../../domain/procedure.js';
import { markingLabel } from '../../domain/audience.js';
import type { Actor } from '../../domain/roles.js';
import { procedureLabel } from '../../rendering/html/glossary.js';
import { labelMarkup } from '../../rendering/html/pages.js';
import { TEXT } from '../../rendering/html/text.js';
import type { NoteView as PrintedNote } from '../../rendering/views/note-view.js';
import { noteEtag } from '../../services/note-access.js';
import type { ItemView, MeetingView, NoteView, PublicationView, VersionView } from '../../services/presenters.js';
import { publicationViews } from './publications-view.js';
import { EMPTY_FORM, isRefused, type FormState } from './form-view.js';
import { SECTION_KEYS } from '../../domain/note-content.js';
import {
  commentViews,
  sectionHeading,
  timelineOf,
  versionViews,
  type HistoryEvent,
  type ReviewComment,
} from './item-history-view.js';
import { formParts } from './item-form-view.js';
import { itemHeader } from './page-headers.js';
import { fitsTheTextForm } from './write-view.js';

/** The workflow events the item page offers, with their buttons. */
const EVENT_LABELS: Record<NoteEvent, string> = {
  submit: TEXT.submit,
  return: TEXT.returnNote,
  release: TEXT.release,
  reopen: TEXT.reopen,
  withdraw: 'Withdraw the note',
  restore: 'Restore to drafting',
};

/** What each event's box says it does, so that Return and Release cannot be mistaken. */
const EVENT_HINTS: Record<NoteEvent, string> = {
  submit: 'The secretariat reviews the note; you cannot change it meanwhile.',
  return: 'The note goes back to its rapporteurs, who see your reason.',
  release: 'The note is published to the meeting with this procedure.',
  reopen: 'The released text stays published until the note is released again.',
  withdraw: 'The item keeps no cover note for this meeting; it can be restored.',
  restore: 'The note is drafted again.',
};

/** The confirmation after an event, in plain words ("The note is now in review."). */
export const EVENT_DONE: Record<NoteEvent, string> = {
  submit: 'The note is now in review.',
  return: 'The note is back with its rapporteurs.',
  release: 'The note is released.',
  reopen: 'The note is open for drafting again.',
  withdraw: 'The note is withdrawn.',
  restore: 'The note is restored to drafting.',
};

/** The procedure choices, the chosen one first as stored, or as a refused form sent it. */
function procedureChoices(current: string | null, sent: string | undefined) {
  const chosen = sent ?? (current ? procedureKind(current) : null);
  return PROCEDURE_KINDS.map((value) => ({ value, label: PROCEDURES[value], selected: value === chosen }));
}

/**
 * The boxes of the note's workflow: the events its state allows and the person may perform.
 * An event the note is not ready for (submit before a first version) is not offered: it could
 * only end on a refusal.
 */
function noteActions(
  actor: Actor,
  note: NoteFacts & { procedure: string | null },
  hasVersion: boolean,
  form: FormState,
  /** The note's latest publication number: a release after it is a corrected one, with a reason. */
  published: number | null = null,
) {
  const posted = isRefused(form) ? form.values.event : undefined;
  return allowedEvents(note.state as NoteState)
    .filter((event) => canPerform(actor, event, note))
    .filter((event) => isReadyFor(event, { hasVersion }))
    .map((event) => ({
      event,
      commentId: `c-${event}`,
      procedureId: `p-${event}`,
      label: EVENT_LABELS[event],
      hint: EVENT_HINTS[event],
      isRelease: event === NoteEvent.release,
      needsComment: WORKFLOW[event].needs === 'comment',
      needsProcedure: WORKFLOW[event].needs === 'procedure',
      needsReason: event === NoteEvent.release && published !== null,
      reasonId: `r-${event}`,
      reasonHint: published === null ? null : `Revision ${published + 1}: say what was corrected, in one line.`,
      reason: {
        value: posted === event ? (form.values.reason ?? '') : '',
        error: posted === event ? (form.errors.reason ?? null) : null,
      },
      comment: {
        value: posted === event ? (form.values.comment ?? '') : '',
        error: posted === event ? (form.errors.comment ?? null) : null,
      },
      procedure: { value: '', error: posted === event ? (form.errors.procedure ?? null) : null },
      procedures: procedureChoices(note.procedure, posted === event ? form.values.procedure : undefined),
    }));
}

/**
 * What an item's page shows. `inDraftingCircle` (the note service's answer) says whether the
 * drafts, versions, history and review were read; `agenda` is the meeting's items for the secretariat.
 */
export interface ItemPageFacts {
  item: ItemView;
  meeting: MeetingView;
  note: NoteView | null;
  inDraftingCircle: boolean;
  printed: PrintedNote | null;
  versions: readonly VersionView[];
  comments: readonly ReviewComment[];
  history?: readonly HistoryEvent[];
  /** Names of the versions' authors, by person id. */
  authors?: ReadonlyMap<number, string>;
  /** The numbers of the versions that were uploaded as a file. */
  withOriginal?: ReadonlySet<number>;
  /** The note's publications, as whoever reads the note may list them. */
  publications?: readonly PublicationView[];
}

/** The action bar's facts: the state in words, procedure, rapporteurs, deadline. */
function actionBar(facts: ItemPageFacts) {
  const { item, note } = facts;
  const returned = Boolean(item.note?.returned);
  const lastReturn = [...(facts.history ?? [])].reverse().find((e) => e.event === NoteEvent.return);
  return {
    stateLabels: [
      ...(note ? [labelMarkup('noteState', note.state)] : [labelMarkup('noteState', 'noNote')]),
      ...(returned ? [labelMarkup('noteState', 'returned')] : []),
    ].join(' '),
    returned,
    returnReason: returned ? (lastReturn?.comment ?? null) : null,
    returnedBy: returned ? (lastReturn?.actor.name ?? null) : null,
    procedure: procedureLabel(note?.procedure ?? null),
    rapporteurs: item.rapporteurs.map((r) => r.name).join(', ') || TEXT.noRapporteur,
    deadline: facts.meeting.draftingDeadline,
  };
}

/** An item's page: the action bar, the note, its history, versions and review; after a refused form, its input. */
export function itemPageView(actor: Actor, facts: ItemPageFacts, form: FormState = EMPTY_FORM) {
  const { item, note, versions, inDraftingCircle } = facts;
  const noteFacts = {
    itemId: item.id,
    state: note?.state ?? '',
    rapporteurIds: item.rapporteurs.map((r) => r.id),
    procedure: note?.procedure ?? null,
  };
  const postedSet = isRefused(form) && form.values.event === undefined && form.values.procedure !== undefined;
  return {
    header: itemHeader(facts.meeting, item),
    // Whoever reads the item sees who it is meant for.
    marking: markingLabel(item),
    ...formParts(form),
    ...actionBar(facts),
    item,
    underRevision: Boolean(note && !inDraftingCircle && note.publication?.underRevision),
    note: facts.printed,
    // The version shown, as a Word file to start the next draft from: whoever reads it may download it.
    docxUrl: facts.printed ? `/api/v1/items/${item.id}/note/versions/${facts.printed.versionNumber}/docx` : null,
    etag: note ? noteEtag(note) : '',
    actions: inDraftingCircle
      ? noteActions(actor, noteFacts, note!.versionCount > 0, form, note!.publication?.number ?? null)
      : [],
    // The procedure is set before release, by whoever drafts or reviews the note.
    canSetProcedure: inDraftingCircle && note!.state !== NoteState.released && note!.state !== NoteState.withdrawn,
    setProcedure: {
      choices: procedureChoices(note?.procedure ?? null, postedSet ? form.values.procedure : undefined),
      field: { value: '', error: postedSet ? (form.errors.procedure ?? null) : null },
    },
    canUpload: note !== null && canWriteVersionNow(actor, noteFacts),
    // The text form keeps plain paragraphs only: it is not offered over a list, a table or a link.
    canWriteAsText: note !== null && canWriteVersionNow(actor, noteFacts) && fitsTheTextForm(note.currentVersion),
    ...versionViews(
      item.id,
      inDraftingCircle ? versions : [],
      facts.authors ?? new Map(),
      facts.withOriginal ?? new Set(),
    ),
    publications: publicationViews(item.id, facts.publications ?? []),
    timeline: inDraftingCircle ? timelineOf(facts.history ?? [], facts.comments) : [],
    blankField: { value: '', error: null },
    canReview: inDraftingCircle,
    sectionChoices: [
      { value: '', label: TEXT.wholeNote, selected: !form.values.section },
      ...SECTION_KEYS.map((key) => ({
        value: key,
        label: sectionHeading(key)!,
        selected: form.values.section === key,
      })),
    ],
    comments: commentViews(facts.comments),
  };
}
