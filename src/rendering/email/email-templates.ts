import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { Errors } from '../../domain/errors.js';
import { templatesFolder } from '../../paths.js';
import { plainTextToHtml } from './plain-text-html.js';

/**
 * The mail templates: a private Handlebars environment, each template compiled once, strict
 * (a missing field throws instead of printing nothing). HTML escapes every `{{ }}`; the text
 * templates use `{{{ }}}` because plain text has nothing to escape.
 */
const env = Handlebars.create();
const load = (name: string) => readFileSync(join(templatesFolder, 'email', name), 'utf8');
const compile = (name: string) => env.compile(load(name), { strict: true });

const templates = {
  packetText: compile('packet.txt.hbs'),
  packetHtml: compile('packet.html.hbs'),
  digestText: compile('digest.txt.hbs'),
  accountLinkText: compile('account-link.txt.hbs'),
};

export interface PacketMailView {
  subject: string;
  message: string;
  messageHtml: string;
  meeting: { displayLine: string };
  /** Published notes; `withheld`: this recipient's lists may not read it (said so, not attached). */
  items: { number: string; title: string; procedure: string; withheld: boolean }[];
  /** To a holder of the packet an addendum follows: what changed since it, instead of the notes. */
  changes: { summary: string; reason: string | null }[] | null;
  addendumTo: number | null;
  attachments: string[];
  link: string | null;
  linkExpires: string | null;
  sizeMb: string;
  invite: boolean;
  from: string;
}

export const renderPacketText = (view: PacketMailView) => templates.packetText(view);
export const renderPacketHtml = (view: PacketMailView) => templates.packetHtml(view);
/** An invitation or a reset: the link, until when it works, and what using it does. */
export const renderAccountLinkText = (view: { name: string; invitation: boolean; link: string; expires: string }) =>
  templates.accountLinkText(view);

export const renderDigestText = (view: { name: string; notifications: { message: string }[] }) =>
  templates.digestText(view);

export interface MessageFields {
  meeting: { displayLine: string; dates: string; ordinal: number; city: string; country: string; network: string };
  recipient: { name: string };
}

/**
 * The secretariat's message is plain text, with the meeting's fields filled in (a template
 * over them). It is compiled (and tried on sample data) when the packet is created, so a typo
 * is a 422, not a failed send. The text part carries it verbatim; the HTML part is made from
 * that same text (plainTextToHtml), never from the typed characters as markup.
 */
export function compileMessage(source: string) {
  const options = { strict: true, knownHelpersOnly: true, knownHelpers: { if: true, unless: true }, noEscape: true };
  let text: HandlebarsTemplateDelegate<MessageFields>;
  try {
    text = env.compile<MessageFields>(source, options);
    text(SAMPLE);
  } catch (error) {
    throw Errors.invalid(
      `The message template cannot be used: ${(error as Error).message.split('\n')[0]}. Fields: {{meeting.displayLine}}, {{meeting.dates}}, {{meeting.city}}, {{meeting.country}}, {{meeting.ordinal}}, {{meeting.network}}, {{recipient.name}}.`,
    );
  }
  return {
    text: (fields: MessageFields) => text(fields),
    html: (fields: MessageFields) => plainTextToHtml(text(fields)),
  };
}

const SAMPLE: MessageFields = {
  meeting: { displayLine: 'X', dates: 'X', ordinal: 1, city: 'X', country: 'X', network: 'X' },
  recipient: { name: 'X' },
};
