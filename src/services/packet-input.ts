import { AudienceGroup } from '../domain/audience.js';
import { Errors } from '../domain/errors.js';
import { formatOrdinal } from '../domain/meeting-line.js';
import { MeetingStatus } from '../domain/meeting-status.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { compileMessage } from '../rendering/email/email-templates.js';
import type { ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import type { NewPacketInput } from './packet-sending.js';

/**
 * What a packet to send must be, whoever asks (the API, the pages, the CLI): sent by the
 * secretariat, for a meeting that is not cancelled, a subject and a message that are not blank (a mail without a Subject never goes
 * out), a message template that compiles. Gives back the lists (the delegates by default) and
 * the compiled message.
 */
export function checkedPacketInput(ctx: ServiceContext, actor: Actor, meetingId: number, input: NewPacketInput) {
  if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat sends packets.');
  const { meeting } = meetingOrThrow(ctx, meetingId);
  // Its people were told by the cancellation mail; a packet would put the documents of a meeting
  // that will not take place in their inboxes, under a calendar entry that cancels it.
  if (meeting.status === MeetingStatus.cancelled)
    throw Errors.conflict(`The ${formatOrdinal(meeting.ordinal)} meeting is cancelled: it takes no packet.`);
  if (input.subject.trim() === '')
    throw Errors.invalid.onField('subject', 'The subject must not be blank: a mail without one is never sent.');
  if (input.message.trim() === '') throw Errors.invalid.onField('message', 'The message must not be blank.');
  let message: ReturnType<typeof compileMessage>;
  try {
    message = compileMessage(input.message);
  } catch (error) {
    throw Errors.invalid.onField('message', (error as Error).message);
  }
  const lists = input.lists?.length ? [...new Set(input.lists)] : [AudienceGroup.delegates];
  return { lists, message };
}
