import { AudienceGroup } from '../domain/audience.js';
import { Errors } from '../domain/errors.js';
import { isStaff, type Actor } from '../domain/roles.js';
import { compileMessage } from '../rendering/email/email-templates.js';
import type { ServiceContext } from './context.js';
import { meetingOrThrow } from './lookups.js';
import type { NewPacketInput } from './packet-sending.js';

/**
 * What a packet to send must be, whoever asks (the API, the pages, the CLI): sent by the
 * secretariat, a subject and a message that are not blank (a mail without a Subject never goes
 * out), a message template that compiles. Gives back the lists (the delegates by default) and
 * the compiled message.
 */
export function checkedPacketInput(ctx: ServiceContext, actor: Actor, meetingId: number, input: NewPacketInput) {
  if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat sends packets.');
  meetingOrThrow(ctx, meetingId);
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
