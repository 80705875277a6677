import { Errors } from '../domain/errors.js';
import type { ItemRow } from '../repositories/agenda-repository.js';
import type { MeetingWithNetwork } from '../repositories/meeting-repository.js';
import type { ServiceContext } from './context.js';

/** The meeting with its network, or the 404 every use case gives for an unknown meeting. */
export function meetingOrThrow(ctx: ServiceContext, meetingId: number): MeetingWithNetwork {
  const found = ctx.repos.meetings.find(meetingId);
  if (!found) throw Errors.notFound(`Meeting ${meetingId} does not exist.`);
  return found;
}

/** The agenda item, or the 404 every use case gives for an unknown item. */
export function itemOrThrow(ctx: ServiceContext, itemId: number): ItemRow {
  const item = ctx.repos.agenda.findItem(itemId);
  if (!item) throw Errors.notFound(`Agenda item ${itemId} does not exist.`);
  return item;
}
