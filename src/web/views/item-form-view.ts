import { TEXT } from '../../rendering/html/text.js';
import { errorSummary, fieldViews, isRefused, type FormFields, type FormState } from './form-view.js';

/** The forms of the item page's workspace: a workflow action, the procedure, a review comment, an upload (the settings are item-extras'). */
const ITEM_FORM: FormFields = {
  event: { label: TEXT.coverNote, id: 'note-actions' },
  comment: { label: TEXT.reason, id: 'note-actions' },
  procedure: { label: TEXT.procedure, id: 'note-actions' },
  section: { label: TEXT.section, id: 'comment-section' },
  body: { label: TEXT.addComment, id: 'comment-body' },
  file: { label: TEXT.uploadDraft, id: 'draft-file' },
};

/** A refused form's part of the item page: values, messages, the summary, the action it came from. */
export function formParts(form: FormState) {
  const postedEvent = isRefused(form) ? (form.values.event ?? null) : null;
  // A reason or a procedure is linked to the box it was typed in (the procedure form has no event).
  const fields: FormFields = {
    ...ITEM_FORM,
    comment: { label: TEXT.reason, id: postedEvent ? `c-${postedEvent}` : 'note-actions' },
    procedure: { label: TEXT.procedure, id: postedEvent ? `p-${postedEvent}` : 'p-set' },
  };
  return {
    form: fieldViews(form, fields),
    errorSummary: errorSummary(form, fields),
    postedEvent,
  };
}
