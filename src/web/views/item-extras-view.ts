import { canManageAgenda, canWriteVersionNow, NoteAccess } from '../../domain/permissions.js';
import type { Actor } from '../../domain/roles.js';
import { NoteState } from '../../domain/note-workflow.js';
import { TEXT } from '../../rendering/html/text.js';
import { noteEtag } from '../../services/note-access.js';
import type { Services } from '../../services/index.js';
import type { ItemView } from '../../services/presenters.js';
import { Audience } from '../../domain/audience.js';
import { FilePurpose } from '../../domain/file-purpose.js';
import { EMPTY_FORM, errorSummary, fieldViews, isRefused, type FormFields, type FormState } from './form-view.js';
import { annexRows, carryOverChoices, isPostponed, outcomeChoices } from './item-annexes-view.js';
import { markingChoices, rapporteurChoices, settingsChoices } from './item-settings-view.js';

/** The extras' forms, field by field: the label the summary names and the input it links to. */
export const EXTRAS_FORM: FormFields = {
  title: { label: TEXT.title, id: 'item-title' },
  parentId: { label: TEXT.underItem, id: 'item-parent' },
  audience: { label: TEXT.distribution, id: 'item-audience-network' },
  audienceGroups: { label: TEXT.distributionGroups, id: 'item-group-delegates' },
  rapporteurIds: { label: TEXT.rapporteurs, id: 'item-rapporteurs' },
  confirm: { label: TEXT.deleteItem, id: 'delete-confirm' },
  file: { label: TEXT.annexFile, id: 'annex-file' },
  annexTitle: { label: TEXT.annexTitle, id: 'annex-title' },
  annexAudience: { label: TEXT.distribution, id: 'annex-audience-network' },
  annexAudienceGroups: { label: TEXT.distributionGroups, id: 'annex-group-delegates' },
  annexes: { label: TEXT.annexes, id: 'annexes' },
  outcome: { label: TEXT.outcome, id: 'item-outcome' },
  meetingId: { label: TEXT.carryOver, id: 'carry-meeting' },
};

/**
 * The annex form shares the page with the item's settings, whose fields have the API's same
 * names (title, audience): a refused annex keeps its input and messages under its own names.
 */
const ANNEX_NAMES: Record<string, string> = {
  title: 'annexTitle',
  audience: 'annexAudience',
  audienceGroups: 'annexAudienceGroups',
};
const renamed = (entries: Record<string, string>) =>
  Object.fromEntries(Object.entries(entries).map(([name, value]) => [ANNEX_NAMES[name] ?? name, value]));
export const annexForm = (form: FormState): FormState =>
  form === EMPTY_FORM ? form : { values: renamed(form.values), errors: renamed(form.errors) };

/** The annexes: listed for whoever reads the note; added and removed by its drafting circle while drafting. */
function annexParts(services: Services, actor: Actor, item: ItemView, form: FormState) {
  if (!item.note || services.notes.accessOf(actor, item.id) === NoteAccess.none) return null;
  const facts = { itemId: item.id, state: item.note.state, rapporteurIds: item.rapporteurs.map((r) => r.id) };
  const sent = isRefused(form) ? form.values : {};
  return {
    rows: annexRows(item.id, services.ingest.listAnnexes(actor, item.id)),
    canChange: canWriteVersionNow(actor, facts),
    // A new annex is for the network unless said otherwise, as the API's default.
    marking: markingChoices(
      FilePurpose.annex,
      sent.annexAudience || Audience.network,
      (sent.annexAudienceGroups ?? '').split(','),
    ),
  };
}

/** The secretariat's part: settings, rapporteurs, deleting; the outcome once released, carrying a postponed item over. */
function secretariatParts(services: Services, actor: Actor, item: ItemView, form: FormState) {
  const { agenda, people, notes, meetings } = services;
  const note = item.note ? notes.get(actor, item.id) : null;
  const meeting = meetings.get(item.meetingId);
  const released = note?.state === NoteState.released;
  return {
    settings: settingsChoices(form, item, agenda.list(actor, item.meetingId)),
    rapporteurs: rapporteurChoices(form, item, people.list(actor)),
    outcome: released ? { etag: noteEtag(note), choices: outcomeChoices(form, note), current: note.outcome } : null,
    carryOver: isPostponed(note) ? { meetings: carryOverChoices(form, meeting, meetings.list()) } : null,
  };
}

/**
 * The item page's second half: the item's own settings (title, place, rapporteurs, marking),
 * its annexes, the meeting's outcome and carrying it over. Read here, shown by
 * templates/partials/item-extras.hbs; after a refused form of these, with its input and messages.
 */
export function itemExtrasView(services: Services, actor: Actor, item: ItemView, form: FormState = EMPTY_FORM) {
  return {
    itemId: item.id,
    form: fieldViews(form, EXTRAS_FORM, { title: item.title }),
    errorSummary: errorSummary(form, EXTRAS_FORM),
    annexes: annexParts(services, actor, item, form),
    staff: canManageAgenda(actor) ? secretariatParts(services, actor, item, form) : null,
  };
}
