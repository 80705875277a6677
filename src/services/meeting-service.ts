import { Errors } from '../domain/errors.js';
import { formatDateRange, formatOrdinal, isValidIsoDate } from '../domain/meeting-line.js';
import { assertCanManageAgenda } from '../domain/permissions.js';
import type { Actor } from '../domain/roles.js';
import { MeetingStatus } from '../domain/meeting-status.js';
import { isoNow, type ServiceContext } from './context.js';
import { presentMeeting, presentNetwork } from './presenters.js';
import { meetingOrThrow } from './lookups.js';

export interface MeetingInput {
  networkId?: number;
  ordinal: number;
  startDate: string;
  endDate: string;
  city: string;
  country: string;
  status?: MeetingStatus;
  draftingDeadline?: string | null;
}

function assertDates(startDate: string, endDate: string): void {
  for (const [field, value] of [
    ['startDate', startDate],
    ['endDate', endDate],
  ] as const) {
    if (!isValidIsoDate(value))
      throw Errors.invalid.onField(field, `${field} ${value} is not a calendar date (YYYY-MM-DD).`);
  }
  if (endDate < startDate)
    throw Errors.invalid.onField('endDate', `The meeting ends (${endDate}) before it starts (${startDate}).`);
}

/** Coerced from a string, a 400-digit "ordinal" becomes Infinity and slips past the schema: not here. */
function assertOrdinal(ordinal: number | undefined): void {
  if (ordinal === undefined) return;
  if (!Number.isSafeInteger(ordinal) || ordinal < 1 || ordinal > 10000) {
    throw Errors.invalid.onField('ordinal', 'The meeting number (ordinal) is a whole number from 1 to 10000.');
  }
}

function assertDeadline(deadline: string | null | undefined, endDate: string): void {
  if (!deadline) return;
  if (!isValidIsoDate(deadline))
    throw Errors.invalid.onField(
      'draftingDeadline',
      `draftingDeadline ${deadline} is not a calendar date (YYYY-MM-DD).`,
    );
  if (deadline > endDate)
    throw Errors.invalid.onField(
      'draftingDeadline',
      `The drafting deadline (${deadline}) falls after the meeting (${endDate}).`,
    );
}

/** What follows a change of a meeting, outside its service: a cancellation or a move goes to the calendars. */
export interface MeetingHooks {
  cancelled?: (meetingId: number) => void;
  moved?: (meetingId: number, before: { startDate: string; endDate: string; city: string; country: string }) => void;
}

export function createMeetingService(ctx: ServiceContext, hooks: MeetingHooks = {}) {
  const { meetings, agenda } = ctx.repos;

  function resolveNetworkId(networkId: number | undefined): number {
    if (networkId !== undefined) {
      if (!meetings.findNetwork(networkId)) throw Errors.invalid(`Network ${networkId} does not exist.`);
      return networkId;
    }
    const all = meetings.listNetworks();
    if (all.length !== 1) throw Errors.invalid('Say which network the meeting belongs to (networkId).');
    return all[0]!.id;
  }

  /** A network numbers its meetings once: a second "18th meeting" is refused on the field `ordinal`. */
  function assertOrdinalFree(networkId: number, ordinal: number, exceptId?: number): void {
    const taken = meetings.findByOrdinal(networkId, ordinal);
    if (!taken || taken.meeting.id === exceptId) return;
    const { network, meeting } = taken;
    const article = /^(8|11|18)$|^8/.test(String(ordinal)) ? 'an' : 'a';
    const dates = formatDateRange(meeting.startDate, meeting.endDate);
    throw Errors.invalid.onField(
      'ordinal',
      `The ${network.name} already has ${article} ${formatOrdinal(ordinal)} meeting (${dates}).`,
    );
  }

  return {
    listNetworks: () => meetings.listNetworks().map(presentNetwork),

    createNetwork(actor: Actor, input: { name: string; headerLines: string[] }) {
      assertCanManageAgenda(actor);
      if (meetings.findNetworkByName(input.name))
        throw Errors.conflict(`A network named ${input.name} exists already.`);
      return presentNetwork(meetings.insertNetwork({ ...input, createdAt: isoNow(ctx) }));
    },

    list: () => meetings.list().map(presentMeeting),

    get: (id: number) => presentMeeting(meetingOrThrow(ctx, id)),

    /** The meeting and its network as stored, for printing a note of it (a preview, say). */
    withNetwork: (id: number) => meetingOrThrow(ctx, id),

    create(actor: Actor, input: MeetingInput) {
      assertCanManageAgenda(actor);
      assertDates(input.startDate, input.endDate);
      assertOrdinal(input.ordinal);
      assertDeadline(input.draftingDeadline, input.endDate);
      const networkId = resolveNetworkId(input.networkId);
      assertOrdinalFree(networkId, input.ordinal);
      const row = meetings.insert({ ...input, networkId, createdAt: isoNow(ctx) });
      return presentMeeting(meetingOrThrow(ctx, row.id));
    },

    update(actor: Actor, id: number, changes: Partial<MeetingInput>) {
      assertCanManageAgenda(actor);
      const { meeting } = meetingOrThrow(ctx, id);
      assertDates(changes.startDate ?? meeting.startDate, changes.endDate ?? meeting.endDate);
      assertOrdinal(changes.ordinal);
      const deadline = changes.draftingDeadline === undefined ? meeting.draftingDeadline : changes.draftingDeadline;
      assertDeadline(deadline, changes.endDate ?? meeting.endDate);
      const networkId = changes.networkId === undefined ? undefined : resolveNetworkId(changes.networkId);
      assertOrdinalFree(networkId ?? meeting.networkId, changes.ordinal ?? meeting.ordinal, id);
      // The cancellation mails are queued with the status change or not at all: a failure leaves
      // the meeting planned, to be cancelled again, rather than cancelled with nobody told.
      ctx.transaction(() => {
        meetings.update(id, { ...changes, ...(networkId ? { networkId } : {}) });
        if (changes.status === MeetingStatus.cancelled && meeting.status !== MeetingStatus.cancelled)
          hooks.cancelled?.(id);
        // Likewise the calendar updates of new dates or a new place.
        const isMoved = (['startDate', 'endDate', 'city', 'country'] as const).some(
          (key) => changes[key] !== undefined && changes[key] !== meeting[key],
        );
        if (isMoved) hooks.moved?.(id, meeting);
      });
      return presentMeeting(meetingOrThrow(ctx, id));
    },

    /** Deleting a meeting whose notes hold versions loses work: it takes `force`. */
    delete(actor: Actor, id: number, options: { force: boolean }) {
      assertCanManageAgenda(actor);
      meetingOrThrow(ctx, id);
      ctx.transaction(() => {
        const itemIds = agenda.listItems(id).map((i) => i.id);
        const versions = agenda.countVersions(itemIds);
        if (versions > 0 && !options.force) {
          throw Errors.hasContent(
            `Meeting ${id} has ${versions} note version(s); cancel it (status "${MeetingStatus.cancelled}") or delete with force=true.`,
          );
        }
        meetings.delete(id);
      });
    },
  };
}
export type MeetingService = ReturnType<typeof createMeetingService>;
