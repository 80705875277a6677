import { AUDIENCE_GROUPS, AUDIENCES, groupLabel, markingLabel, type Marking } from '../../domain/audience.js';
import { TEXT } from '../../rendering/html/text.js';
import { errorSummary, fieldViews, isRefused, type FormFields, type FormState } from './form-view.js';

const AUDIENCE_CHOICES = {
  public: TEXT.audiencePublic,
  network: TEXT.audienceNetwork,
  limited: TEXT.audienceLimited,
} as const;

/** The forms of an item's page: rename or move, its marking, a workflow action, a review comment. */
const ITEM_FORM: FormFields = {
  title: { label: TEXT.title, id: 'edit-title' },
  parentId: { label: TEXT.underItem, id: 'edit-parent' },
  audience: { label: TEXT.distribution, id: 'edit-audience-network' },
  audienceGroups: { label: TEXT.distributionGroups, id: 'edit-group-delegates' },
  event: { label: TEXT.coverNote, id: 'note-actions' },
  comment: { label: TEXT.reason, id: 'note-actions' },
  procedure: { label: TEXT.procedure, id: 'note-actions' },
  section: { label: TEXT.section, id: 'comment-section' },
  body: { label: TEXT.addComment, id: 'comment-body' },
  file: { label: TEXT.uploadDraft, id: 'draft-file' },
};

/** A refused form's part of the item page: values, messages, the summary, the action it came from. */
export function formParts(form: FormState, title: string) {
  const postedEvent = isRefused(form) ? (form.values.event ?? null) : null;
  // A reason or a procedure is linked to the box it was typed in (the procedure form has no event).
  const fields: FormFields = {
    ...ITEM_FORM,
    comment: { label: TEXT.reason, id: postedEvent ? `c-${postedEvent}` : 'note-actions' },
    procedure: { label: TEXT.procedure, id: postedEvent ? `p-${postedEvent}` : 'p-set' },
  };
  return {
    form: fieldViews(form, fields, { title }),
    errorSummary: errorSummary(form, fields),
    postedEvent,
  };
}

/** The item's marking in words, and the choices of the form: as stored, or as a refused form sent them. */
export function markingChoices(form: FormState, item: Marking) {
  const refused = isRefused(form);
  const chosen = refused ? form.values.audience : item.audience;
  return {
    marking: markingLabel(item),
    audiences: AUDIENCES.map((value) => ({ value, label: AUDIENCE_CHOICES[value], checked: value === chosen })),
    audienceGroups: AUDIENCE_GROUPS.map((value) => ({
      value,
      label: groupLabel(value),
      // A refused form shows the first group ticked only: readForm keeps one value per field.
      checked: refused ? form.values.audienceGroups === value : item.audienceGroups.includes(value),
    })),
  };
}
