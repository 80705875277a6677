import {
  ACTION_POINT_STATES,
  ActionPointState,
  ATTENDANCE_STATES,
  MEETING_FORMATS,
} from '../../domain/meeting-record.js';
import { blockLines } from '../../domain/note-blocks.js';
import { termOf } from '../../rendering/html/glossary.js';
import type { ActionPointView } from '../../services/record-presenters.js';
import type { MeetingView } from '../../services/presenters.js';
import type { MeetingRecordService } from '../../services/meeting-record-service.js';
import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';
import { underMeetingHeader } from './page-headers.js';
import { fitsTheTextForm, paragraphs, typedText } from './write-view.js';

type MeetingRecord = ReturnType<MeetingRecordService['get']>;
type RecordItem = MeetingRecord['items'][number];
type Conclusions = RecordItem['conclusions'];

/** The words people read for the record's codes: a format, an attendance, an action point's state. */
export const RECORD_WORDS: Record<string, string> = {
  [MEETING_FORMATS[0]]: 'In person',
  [MEETING_FORMATS[1]]: 'Hybrid',
  [MEETING_FORMATS[2]]: 'Teleconference',
  [ATTENDANCE_STATES[0]]: 'Present',
  [ATTENDANCE_STATES[1]]: 'Remote',
  [ATTENDANCE_STATES[2]]: 'Excused',
  [ATTENDANCE_STATES[3]]: 'Represented',
  [ACTION_POINT_STATES[0]]: 'Open',
  [ACTION_POINT_STATES[1]]: 'Done',
};

const DETAILS_FORM: FormFields = {
  format: { label: 'Format', id: 'r-format' },
  coChairNames: { label: 'Co-chairs', id: 'r-cochair-1' },
  coChairFunctions: { label: 'Functions', id: 'r-cochair-function-1' },
};
/** The attendance form of one person's row: its fields' ids carry the person, as the row's inputs do. */
const attendanceForm = (personId: string): FormFields => ({
  state: { label: 'Attendance', id: `a-state-${personId}` },
  representedById: { label: 'Represented by', id: `a-by-${personId}` },
});
export const CONCLUSIONS_FORM: FormFields = {
  blocks: { label: 'Conclusions', id: 'c-text' },
  text: { label: 'Conclusions', id: 'c-text' },
  footnotes: { label: 'Footnotes', id: 'c-footnotes' },
};
const ACTION_POINT_FORM: FormFields = {
  what: { label: 'Action', id: 'ap-what' },
  ownerPersonId: { label: 'Owner (a person)', id: 'ap-owner' },
  ownerDelegation: { label: 'Or owner (a delegation)', id: 'ap-delegation' },
  dueDate: { label: 'Due date', id: 'ap-due' },
};

const options = (words: readonly string[], current: string | null, none: string) => [
  { value: '', label: none, selected: !current },
  ...words.map((w) => ({ value: w, label: RECORD_WORDS[w] ?? w, selected: w === current })),
];

/** The conclusions as the text form writes them: blocks apart by a blank line, `[^1]` citing a footnote. */
export function conclusionsText(conclusions: Conclusions) {
  return {
    text: conclusions.blocks.map((block) => blockLines(block, typedText).join('\n')).join('\n\n'),
    footnotes: conclusions.footnotes.map((f) => f.text).join('\n'),
  };
}

/** The text form's fields as the API's conclusions body: the same schema and service call follow. */
export const conclusionsBodyOf = (fields: Record<string, string>) => ({
  blocks: paragraphs(fields.text ?? ''),
  footnotes: (fields.footnotes ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text) => ({ text })),
});

const pointView = (p: ActionPointView) => ({
  ...p,
  stateLabel: RECORD_WORDS[p.state] ?? p.state,
  isOpen: p.state === ActionPointState.open,
  next: p.state === ActionPointState.open ? ActionPointState.done : ActionPointState.open,
});

export interface RecordRefusal {
  form: FormState;
  /** Which form was refused: `details`, `attendance-<personId>`, `conclusions`, `action-point`. */
  which: string;
}

/** The meeting's record page: everyone reads it; staff get the forms. */
export function recordView(meeting: MeetingView, record: MeetingRecord, canEdit: boolean, refused?: RecordRefusal) {
  const form = refused?.which === 'details' ? refused.form : EMPTY_FORM;
  const names = form.values.coChairNames;
  const chairs = [...record.coChairs, { name: '', function: '' }].map((c, i) => ({
    n: i + 1,
    name: i === 0 && names !== undefined ? names : c.name,
    function: i === 0 && form.values.coChairFunctions !== undefined ? form.values.coChairFunctions : c.function,
  }));
  const attendanceError = refused?.which.startsWith('attendance-') ? refused : undefined;
  return {
    header: underMeetingHeader(meeting, 'Record of the meeting'),
    meeting,
    canEdit,
    formatLabel: record.format ? RECORD_WORDS[record.format] : null,
    coChairs: record.coChairs,
    details: {
      form: fieldViews(form, DETAILS_FORM, { format: record.format ?? '' }),
      formats: options(MEETING_FORMATS, form.values.format ?? record.format, 'Not recorded'),
      chairs,
    },
    attendance: record.attendance.map((a) => {
      const isRefused = attendanceError?.which === `attendance-${a.personId}`;
      const state = isRefused ? (attendanceError.form.values.state ?? '') : (a.state ?? '');
      const by = isRefused ? (attendanceError.form.values.representedById ?? '') : String(a.representedBy?.id ?? '');
      return {
        ...a,
        stateLabel: a.state ? RECORD_WORDS[a.state] : 'Not recorded',
        stateId: `a-state-${a.personId}`,
        byId: `a-by-${a.personId}`,
        stateFieldLabel: `Attendance of ${a.name}`,
        stateField: { value: state, error: isRefused ? (attendanceError.form.errors.state ?? null) : null },
        byField: {
          value: by,
          error: isRefused
            ? (attendanceError.form.errors.representedById ?? attendanceError.form.errors._form ?? null)
            : null,
        },
        states: options(ATTENDANCE_STATES, state, 'Not recorded'),
        others: [
          { value: '', label: 'Nobody', selected: by === '' },
          ...record.attendance
            .filter((o) => o.personId !== a.personId)
            .map((o) => ({
              value: String(o.personId),
              label: o.delegation ? `${o.name} (${o.delegation})` : o.name,
              selected: String(o.personId) === by,
            })),
        ],
      };
    }),
    items: record.items.map((item) => ({
      ...item,
      outcomeLabel: item.outcome ? termOf('outcome', item.outcome).label : null,
      conclusionLines: item.conclusions.blocks.map((block) => blockLines(block, typedText).join('\n')),
      actionPoints: item.actionPoints.map(pointView),
      followUp: item.followUp.map(pointView),
    })),
    errorSummary: refused
      ? errorSummary(
          refused.form,
          refused.which === 'details' ? DETAILS_FORM : attendanceForm(refused.which.replace(/^attendance-/, '')),
        )
      : null,
  };
}

/** One item's record page (staff): its conclusions as text, its action points and the form to add one. */
export function itemRecordView(
  meeting: MeetingView,
  item: RecordItem,
  people: { id: number; name: string; delegation: string | null }[],
  refused?: RecordRefusal,
) {
  const conclusionsForm = refused?.which === 'conclusions' ? refused.form : EMPTY_FORM;
  const pointForm = refused?.which === 'action-point' ? refused.form : EMPTY_FORM;
  const owner = pointForm.values.ownerPersonId ?? '';
  return {
    header: underMeetingHeader(meeting, `Record of item ${item.number}`),
    meeting,
    item: { ...item, outcomeLabel: item.outcome ? termOf('outcome', item.outcome).label : null },
    fits: fitsTheTextForm({
      sections: { issueAtStake: [], summary: item.conclusions.blocks, procedure: [] },
      footnotes: item.conclusions.footnotes,
    }),
    conclusions: fieldViews(conclusionsForm, CONCLUSIONS_FORM, conclusionsText(item.conclusions)),
    actionPoints: item.actionPoints.map(pointView),
    followUp: item.followUp.map(pointView),
    newPoint: {
      form: fieldViews(pointForm, ACTION_POINT_FORM),
      owners: [
        { value: '', label: 'A delegation (below)', selected: owner === '' },
        ...people.map((p) => ({
          value: String(p.id),
          label: p.delegation ? `${p.name} (${p.delegation})` : p.name,
          selected: String(p.id) === owner,
        })),
      ],
    },
    errorSummary: refused
      ? errorSummary(refused.form, refused.which === 'conclusions' ? CONCLUSIONS_FORM : ACTION_POINT_FORM)
      : null,
  };
}
