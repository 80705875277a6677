import { AudienceGroup } from '../../domain/audience.js';
import type { DeliveryForm, OutboxStatus } from '../../domain/delivery.js';
import type { PacketContent } from '../../domain/packet-content.js';
import type { MeetingStatus } from '../../domain/meeting-status.js';
import { NotificationKind } from '../../domain/notification-kind.js';
import { Outcome, type NoteState } from '../../domain/note-workflow.js';
import { procedureKind, PROCEDURES } from '../../domain/procedure.js';
import type { Role } from '../../domain/roles.js';
import type { ImportOutcome } from '../../domain/people-import.js';
import type { SignInMethod } from '../../domain/person-audit.js';

/**
 * The plain words people read for the domain's codes: one glossary, so a state is "In review"
 * on every page and never `review`. ECL's label variant says how much a word asks for attention.
 */
type Variant = 'low' | 'medium' | 'high' | 'highlight';
interface Term {
  label: string;
  variant: Variant;
}

/** A note's state, and two ways people see it besides: no note yet, and returned to its rapporteur. */
const NOTE_STATE_TERMS: Record<NoteState | 'returned' | 'noNote', Term> = {
  noNote: { label: 'No note yet', variant: 'low' },
  drafting: { label: 'Drafting', variant: 'low' },
  returned: { label: 'Returned — action needed', variant: 'high' },
  review: { label: 'In review', variant: 'medium' },
  released: { label: 'Released', variant: 'highlight' },
  withdrawn: { label: 'Withdrawn', variant: 'low' },
};

const OUTCOME_TERMS: Record<Outcome, Term> = {
  noted: { label: 'Noted', variant: 'low' },
  adopted: { label: 'Adopted', variant: 'highlight' },
  [Outcome.notAdopted]: { label: 'Not adopted', variant: 'high' },
  postponed: { label: 'Postponed', variant: 'medium' },
};

const MEETING_STATUS_TERMS: Record<MeetingStatus, Term> = {
  planned: { label: 'Planned', variant: 'low' },
  held: { label: 'Held', variant: 'highlight' },
  cancelled: { label: 'Cancelled', variant: 'high' },
};

const DELIVERY_TERMS: Record<OutboxStatus, Term> = {
  queued: { label: 'Waiting to be sent', variant: 'low' },
  sending: { label: 'Being sent', variant: 'medium' },
  sent: { label: 'Delivered to the mail server', variant: 'highlight' },
  failed: { label: 'Could not be delivered', variant: 'high' },
};

/** How a packet message carried its documents (the ledger). */
const DELIVERY_FORM_TERMS: Record<DeliveryForm, Term> = {
  attached: { label: 'Attached to the mail', variant: 'low' },
  linked: { label: 'Download link', variant: 'low' },
};

const ROLE_TERMS: Record<Role, Term> = {
  admin: { label: 'Administrator', variant: 'low' },
  secretariat: { label: 'Secretariat', variant: 'low' },
  rapporteur: { label: 'Rapporteur', variant: 'low' },
  delegate: { label: 'Delegate', variant: 'low' },
};

const GROUP_TERMS: Record<AudienceGroup, Term> = {
  delegates: { label: 'Delegates', variant: 'low' },
  observers: { label: 'Observers', variant: 'low' },
  [AudienceGroup.secretariatCopies]: { label: 'Secretariat copies', variant: 'low' },
};

/** What a notification is about. */
const NOTICE_TERMS: Record<NotificationKind, Term> = {
  [NotificationKind.reviewComment]: { label: 'Review comment', variant: 'medium' },
  [NotificationKind.deadlineReminder]: { label: 'Drafting deadline soon', variant: 'medium' },
  [NotificationKind.deadlineMissed]: { label: 'Drafting deadline missed', variant: 'high' },
  [NotificationKind.actionPointAssigned]: { label: 'Action point for you', variant: 'medium' },
  [NotificationKind.actionPointDue]: { label: 'Action point due soon', variant: 'high' },
  'note-submit': { label: 'Submitted for review', variant: 'medium' },
  'note-return': { label: 'Returned to drafting', variant: 'high' },
  'note-release': { label: 'Released', variant: 'highlight' },
  'note-reopen': { label: 'Reopened', variant: 'low' },
  'note-withdraw': { label: 'Withdrawn', variant: 'low' },
  'note-restore': { label: 'Restored', variant: 'low' },
};

/** How a recipient receives a packet's documents, and what a packet sends (each person's own choice). */
const PACKET_FORMAT_TERMS: Record<PacketContent, Term> = {
  personal: { label: "Each recipient's own choice", variant: 'low' },
  combined: { label: 'One PDF with the agenda and every note', variant: 'low' },
  separate: { label: 'The agenda and one PDF per note', variant: 'low' },
};

/** How a session was opened. */
const SIGN_IN_TERMS: Record<SignInMethod, Term> = {
  password: { label: 'Password', variant: 'low' },
  sso: { label: 'Single sign-on', variant: 'low' },
};

/** What a line of a people file does. */
const IMPORT_OUTCOME_TERMS: Record<ImportOutcome, Term> = {
  new: { label: 'New person', variant: 'highlight' },
  updated: { label: 'Updated', variant: 'medium' },
  unchanged: { label: 'Unchanged', variant: 'low' },
};

export const GLOSSARY = {
  noteState: NOTE_STATE_TERMS,
  outcome: OUTCOME_TERMS,
  meetingStatus: MEETING_STATUS_TERMS,
  delivery: DELIVERY_TERMS,
  role: ROLE_TERMS,
  group: GROUP_TERMS,
  notice: NOTICE_TERMS,
  packetFormat: PACKET_FORMAT_TERMS,
  deliveryForm: DELIVERY_FORM_TERMS,
  signInMethod: SIGN_IN_TERMS,
  importOutcome: IMPORT_OUTCOME_TERMS,
} as const;
export type GlossarySet = keyof typeof GLOSSARY;

/** The plain word of a code; an unknown code is shown as it is rather than hidden. */
export function termOf(set: GlossarySet, code: string): Term {
  const terms = GLOSSARY[set] as Record<string, Term>;
  return Object.hasOwn(terms, code) ? terms[code]! : { label: code, variant: 'low' };
}

/** A procedure as people read it: the kind's label ("For discussion"), or the free text as written. */
export function procedureLabel(procedure: string | null): string | null {
  if (!procedure) return null;
  const kind = procedureKind(procedure);
  return kind && procedure === kind ? PROCEDURES[kind] : procedure;
}
