import { AudienceGroup, markingAdmits, type Audience } from '../domain/audience.js';
import { Errors } from '../domain/errors.js';
import {
  checkAttendance,
  normaliseConclusions,
  NO_CONCLUSIONS,
  type AttendanceState,
  type CoChair,
  type ConclusionsInput,
  type MeetingFormat,
} from '../domain/meeting-record.js';
import { NoteState } from '../domain/note-workflow.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { isoNow, type ServiceContext } from './context.js';
import { itemOrThrow, meetingOrThrow } from './lookups.js';
import { readerGroups } from './note-access.js';
import { recipientsFor } from './packet-audiences.js';
import { delegationOf, presentActionPoint } from './record-presenters.js';

/** Who may attend: the people on the meeting's delegates and observers lists (copies go to staff). */
const ATTENDING_LISTS = [AudienceGroup.delegates, AudienceGroup.observers];

const byNumber = (a: { number: string }, b: { number: string }) =>
  a.number.localeCompare(b.number, 'en', { numeric: true });

function assertStaff(actor: Actor) {
  if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat records what happened at a meeting.');
}

/**
 * What was recorded during and after a meeting: its format and co-chairs, who attended, and per
 * item the outcome, the conclusions and the action points. The secretariat writes it; every
 * signed-in person reads it, a reader outside the staff only the items whose marking admits them.
 */
export function createMeetingRecordService(ctx: ServiceContext) {
  const { repos } = ctx;

  /** Everyone on the attending lists, and anyone recorded who has left them since, by delegation. */
  function attendanceOf(meetingId: number) {
    const listed = recipientsFor(ctx, meetingId, ATTENDING_LISTS);
    const rows = repos.records.attendanceOf(meetingId);
    const people = [...listed.map((l) => l.person)];
    const gone = rows.filter((r) => !people.some((p) => p.id === r.personId)).map((r) => r.personId);
    people.push(...repos.people.findByIds(gone));
    const names = new Map(repos.people.findByIds(rows.flatMap((r) => r.representedById ?? [])).map((p) => [p.id, p]));
    return people
      .map((person) => {
        const row = rows.find((r) => r.personId === person.id);
        const by = row?.representedById ? names.get(row.representedById) : undefined;
        return {
          personId: person.id,
          name: person.name,
          delegation: delegationOf(person),
          lists: listed.find((l) => l.person.id === person.id)?.groups ?? [],
          state: row?.state ?? null,
          representedBy: by ? { id: by.id, name: by.name, delegation: delegationOf(by) } : null,
        };
      })
      .sort((a, b) => (a.delegation ?? '~').localeCompare(b.delegation ?? '~') || a.name.localeCompare(b.name));
  }

  /**
   * Open action points of the network's earlier meetings: what a follow-up item lists. A reader
   * outside the staff sees only those of items whose marking admits them at that meeting.
   */
  function followUpOf(actor: Actor, meeting: { networkId: number; startDate: string }) {
    const groupsAt = new Map<number, string[]>();
    const admits = (item: { meetingId: number; audience: Audience; audienceGroups: string[] }) => {
      if (isStaff(actor.role)) return true;
      if (!groupsAt.has(item.meetingId)) groupsAt.set(item.meetingId, readerGroups(ctx, actor, item.meetingId));
      return markingAdmits(item, groupsAt.get(item.meetingId)!);
    };
    const rows = repos.records
      .openActionPointsBefore(meeting.networkId, meeting.startDate)
      .filter((r) => admits(r.item));
    const owners = repos.people.findByIds(rows.flatMap((r) => r.point.ownerPersonId ?? []));
    return rows.map((r) =>
      presentActionPoint(
        r.point,
        r.item,
        owners.find((o) => o.id === r.point.ownerPersonId),
      ),
    );
  }

  function itemsOf(actor: Actor, meeting: { id: number; networkId: number; startDate: string }) {
    const meetingId = meeting.id;
    const groups = isStaff(actor.role) ? null : readerGroups(ctx, actor, meetingId);
    const items = repos.agenda
      .listItems(meetingId)
      .filter((item) => groups === null || markingAdmits(item, groups))
      .sort(byNumber);
    const ids = items.map((i) => i.id);
    const notes = repos.notes.findByItems(ids);
    const conclusions = repos.records.conclusionsOf(ids);
    const points = repos.records.actionPointsOf(ids);
    const owners = repos.people.findByIds(points.flatMap((p) => p.ownerPersonId ?? []));
    return items.map((item) => {
      const note = notes.find((n) => n.itemId === item.id);
      const isReleased = note?.state === NoteState.released;
      return {
        itemId: item.id,
        number: item.number,
        title: item.title,
        depth: item.number.split('.').length,
        procedure: isReleased || groups === null ? (note?.procedure ?? null) : null,
        outcome: isReleased ? (note?.outcome ?? null) : null,
        isActionFollowUp: item.isActionFollowUp,
        conclusions: conclusions.find((c) => c.itemId === item.id)?.content ?? NO_CONCLUSIONS,
        actionPoints: points
          .filter((p) => p.itemId === item.id)
          .map((p) =>
            presentActionPoint(
              p,
              item,
              owners.find((o) => o.id === p.ownerPersonId),
            ),
          ),
        followUp: item.isActionFollowUp ? followUpOf(actor, meeting) : [],
      };
    });
  }

  function record(actor: Actor, meetingId: number) {
    const { meeting } = meetingOrThrow(ctx, meetingId);
    return {
      meetingId,
      format: meeting.format,
      coChairs: meeting.coChairs,
      // Who is on which recipient list is the secretariat's to know (as in the ledger).
      attendance: isStaff(actor.role)
        ? attendanceOf(meetingId)
        : attendanceOf(meetingId).map((entry) => ({ ...entry, lists: [] })),
      items: itemsOf(actor, meeting),
    };
  }

  return {
    get: record,

    /** The meeting's format and co-chairs (names and functions given side by side, in the order printed). */
    setDetails(
      actor: Actor,
      meetingId: number,
      changes: { format?: MeetingFormat | null; coChairNames?: string[]; coChairFunctions?: string[] },
    ) {
      assertStaff(actor);
      meetingOrThrow(ctx, meetingId);
      const update: { format?: MeetingFormat | null; coChairs?: CoChair[] } = {};
      if (changes.format !== undefined) update.format = changes.format;
      if (changes.coChairNames !== undefined || changes.coChairFunctions !== undefined) {
        const names = (changes.coChairNames ?? []).map((n) => n.trim());
        const functions = (changes.coChairFunctions ?? []).map((f) => f.trim());
        if (names.length !== functions.length || names.some((n) => !n) || functions.some((f) => !f))
          throw Errors.invalid.onField('coChairNames', 'Each co-chair needs a name and a function.');
        update.coChairs = names.map((name, i) => ({ name, function: functions[i]! }));
      }
      if (Object.keys(update).length > 0) repos.meetings.update(meetingId, update);
      return record(actor, meetingId);
    },

    /** One person's attendance; a null state takes the entry back to "not recorded". */
    setAttendance(
      actor: Actor,
      meetingId: number,
      personId: number,
      entry: { state: AttendanceState | null; representedById?: number | null },
    ) {
      assertStaff(actor);
      meetingOrThrow(ctx, meetingId);
      const listed = recipientsFor(ctx, meetingId, ATTENDING_LISTS);
      const isRecorded = repos.records.attendanceOf(meetingId).some((r) => r.personId === personId);
      if (!listed.some((l) => l.person.id === personId) && !isRecorded)
        throw Errors.notFound(`Person ${personId} is not on the meeting's delegates or observers list.`);
      if (entry.state === null) {
        repos.records.clearAttendance(meetingId, [personId]);
      } else {
        const representedById = entry.representedById ?? null;
        checkAttendance({ personId, state: entry.state, representedById });
        if (representedById && !repos.people.findById(representedById))
          throw Errors.invalid.onField('representedById', `No person ${representedById}.`);
        repos.records.setAttendance(meetingId, [
          { personId, state: entry.state, representedById, updatedAt: isoNow(ctx) },
        ]);
      }
      // A person recorded after leaving the lists is no longer in the list once cleared.
      const person = repos.people.findById(personId)!;
      return (
        attendanceOf(meetingId).find((a) => a.personId === personId) ?? {
          personId,
          name: person.name,
          delegation: delegationOf(person),
          lists: [],
          state: null,
          representedBy: null,
        }
      );
    },

    /** What the meeting concluded on an item, checked as a note's text; nothing typed clears it. */
    setConclusions(actor: Actor, itemId: number, input: ConclusionsInput) {
      assertStaff(actor);
      itemOrThrow(ctx, itemId);
      const content = normaliseConclusions(input);
      if (content.blocks.length === 0) repos.records.clearConclusions(itemId);
      else repos.records.setConclusions({ itemId, content, updatedAt: isoNow(ctx) });
      return content;
    },
  };
}
export type MeetingRecordService = ReturnType<typeof createMeetingRecordService>;
