import type { Config } from '../config/env.js';
import { PersonLinkPurpose } from '../domain/person-links.js';
import { composeNotice } from '../mail/mime.js';
import type { OutboxRow } from '../repositories/mail-repository.js';
import { plainTextToHtml } from '../rendering/email/plain-text-html.js';
import { renderAccountLinkText } from '../rendering/email/email-templates.js';
import type { ServiceContext } from './context.js';

/** Builds an invitation or reset message when it is sent: the link is made again from its row. */
export function createAccountLinkMail(
  ctx: ServiceContext,
  mail: Config['mail'],
  linkUrl: (link: { id: number; createdAt: string }) => string,
) {
  const expiryWords = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return async function buildMessage(row: OutboxRow) {
    const link = row.personLinkId === null ? undefined : ctx.repos.personLinks.findById(row.personLinkId);
    const person = ctx.repos.people.findById(row.personId);
    if (!link || !person) throw new Error(`account link message ${row.id} has no link or person`);
    const text = renderAccountLinkText({
      name: person.name,
      invitation: link.purpose === PersonLinkPurpose.invitation,
      link: linkUrl(link),
      expires: `${expiryWords.format(new Date(link.expiresAt))} UTC`,
    });
    return composeNotice(
      mail,
      { name: person.name, address: row.email },
      {
        subject: row.subject ?? 'agendum',
        messageId: row.messageId,
        text,
        html: plainTextToHtml(text),
      },
    );
  };
}
