import { formatDateRange, formatMeetingLine } from '../domain/meeting-line.js';
import { procedureKind } from '../domain/procedure.js';
import { NoteState } from '../domain/note-workflow.js';
import type { ItemRow, Rapporteur } from '../repositories/agenda-repository.js';
import type { MeetingWithNetwork, NetworkRow } from '../repositories/meeting-repository.js';
import type { NoteRow, PublicationRow, VersionRow } from '../repositories/note-repository.js';
import type { PersonRow } from '../repositories/people-repository.js';

/** Rows become the plain objects the API returns (and the views will render). */

export const presentPerson = (p: PersonRow) => ({
  id: p.id,
  name: p.name,
  email: p.email,
  role: p.role,
  organisation: p.organisation,
  memberState: p.memberState,
  isActive: p.isActive,
  canSignIn: p.passwordHash !== null,
  packetFormat: p.packetFormat,
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

export const presentItem = (
  item: ItemRow,
  rapporteurs: Rapporteur[],
  note: { state: string; procedure: string | null; returned?: boolean } | undefined,
) => ({
  id: item.id,
  meetingId: item.meetingId,
  parentId: item.parentId,
  position: item.position,
  number: item.number,
  title: item.title,
  copiedFromItemId: item.copiedFromItemId,
  rapporteurs: rapporteurs.map((r) => ({ id: r.id, name: r.name })),
  audience: item.audience,
  audienceGroups: item.audienceGroups,
  // `returned`: back with its rapporteur after a review sent it back, until the next version or submit.
  note: note ? { state: note.state, procedure: note.procedure, returned: note.returned ?? false } : null,
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

export const presentPublication = (p: PublicationRow, versionNumber: number, note: NoteRow) => ({
  number: p.number,
  version: versionNumber,
  procedure: p.procedure,
  reason: p.reason,
  releasedAt: p.releasedAt,
  // Released again with another version, or reopened: readers still see this one meanwhile.
  underRevision: note.state !== NoteState.released || note.currentVersionId !== p.versionId,
});
export type PublicationView = ReturnType<typeof presentPublication>;

export const presentNote = (
  note: NoteRow,
  current: VersionRow | undefined,
  versionCount: number,
  publication: PublicationView | null = null,
) => ({
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
  publication,
});
export type NoteView = ReturnType<typeof presentNote>;

/**
 * A note as a reader outside the drafting circle sees it: its latest publication, stated as
 * released (with underRevision when it was reopened since), never the draft's state or text.
 */
export const presentPublicNote = (note: NoteRow, publication: PublicationRow, version: VersionRow): NoteView => ({
  id: note.id,
  itemId: note.itemId,
  state: NoteState.released,
  procedure: publication.procedure,
  procedureKind: publication.procedure ? procedureKind(publication.procedure) : null,
  outcome: note.state === NoteState.released ? note.outcome : null,
  revision: note.revision,
  versionCount: publication.number,
  currentVersion: presentVersion(version),
  updatedAt: publication.releasedAt,
  publication: presentPublication(publication, version.number, note),
});

export const presentAnnex = (row: {
  id: number;
  title: string | null;
  audience: string;
  audienceGroups: string[];
  originalName: string;
  size: number;
  sha256: string;
  createdAt: string;
}) => ({
  id: row.id,
  title: row.title ?? row.originalName,
  fileName: row.originalName,
  size: row.size,
  sha256: row.sha256,
  audience: row.audience,
  audienceGroups: row.audienceGroups,
  createdAt: row.createdAt,
});
