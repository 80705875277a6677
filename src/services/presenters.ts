import { formatDateRange, formatMeetingLine } from '../domain/meeting-line.js';
import { procedureKind } from '../domain/procedure.js';
import type { Role } from '../domain/roles.js';
import type { ItemRow, Rapporteur } from '../repositories/agenda-repository.js';
import type { MeetingWithNetwork, NetworkRow } from '../repositories/meeting-repository.js';
import type { NoteRow, VersionRow } from '../repositories/note-repository.js';
import type { PersonRow } from '../repositories/people-repository.js';

/** Rows become the plain objects the API returns (and the views will render). */

export const presentPerson = (p: PersonRow) => ({
  id: p.id,
  name: p.name,
  email: p.email,
  role: p.role as Role,
  organisation: p.organisation,
  memberState: p.memberState,
  isActive: p.isActive,
  canSignIn: p.passwordHash !== null,
});
export type PersonView = ReturnType<typeof presentPerson>;

export const presentNetwork = (n: NetworkRow) => ({ id: n.id, name: n.name, headerLines: n.headerLines });

export const presentMeeting = ({ meeting: m, network: n }: MeetingWithNetwork) => ({
  id: m.id,
  network: { id: n.id, name: n.name },
  ordinal: m.ordinal,
  startDate: m.startDate,
  endDate: m.endDate,
  city: m.city,
  country: m.country,
  status: m.status,
  draftingDeadline: m.draftingDeadline,
  dates: formatDateRange(m.startDate, m.endDate),
  displayLine: formatMeetingLine({ ...m, networkName: n.name }),
  headerLines: n.headerLines,
});
export type MeetingView = ReturnType<typeof presentMeeting>;

export const presentItem = (item: ItemRow, rapporteurs: Rapporteur[], note: NoteRow | undefined) => ({
  id: item.id,
  meetingId: item.meetingId,
  parentId: item.parentId,
  position: item.position,
  number: item.number,
  title: item.title,
  copiedFromItemId: item.copiedFromItemId,
  rapporteurs: rapporteurs.map((r) => ({ id: r.id, name: r.name })),
  note: note ? { state: note.state, procedure: note.procedure } : null,
});
export type ItemView = ReturnType<typeof presentItem>;

export const presentVersion = (v: VersionRow) => ({
  id: v.id,
  number: v.number,
  sections: v.content.sections,
  footnotes: v.content.footnotes,
  contentHash: v.contentHash,
  authorId: v.authorId,
  createdAt: v.createdAt,
});
export type VersionView = ReturnType<typeof presentVersion>;

export const presentNote = (note: NoteRow, current: VersionRow | undefined, versionCount: number) => ({
  id: note.id,
  itemId: note.itemId,
  state: note.state,
  procedure: note.procedure,
  procedureKind: note.procedure ? procedureKind(note.procedure) : null,
  outcome: note.outcome,
  revision: note.revision,
  versionCount,
  currentVersion: current ? presentVersion(current) : null,
  updatedAt: note.updatedAt,
});
export type NoteView = ReturnType<typeof presentNote>;
