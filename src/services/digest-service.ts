import { randomBytes } from 'node:crypto';
import type { Config } from '../config/env.js';
import { OutboxKind, OutboxStatus } from '../domain/delivery.js';
import { composeNotice } from '../mail/mime.js';
import type { OutboxRow } from '../repositories/mail-repository.js';
import { renderDigestText } from '../rendering/email/email-templates.js';
import { isoNow, type ServiceContext } from './context.js';

/**
 * Workflow notifications by mail: at most one digest per person every N minutes, holding all
 * that person's notifications not yet mailed. Queued through the same outbox as packets.
 */
export function createDigestService(ctx: ServiceContext, mail: Config['mail'], kick: () => void) {
  const repo = ctx.repos.mail;
  return {
    queueDigests(): number {
      const since = new Date(ctx.now().getTime() - mail.digestMinutes * 60_000).toISOString();
      return ctx.transaction(() => {
        const byPerson = new Map<number, ReturnType<typeof repo.unmailedNotifications>>();
        for (const row of repo.unmailedNotifications())
          byPerson.set(row.person.id, [...(byPerson.get(row.person.id) ?? []), row]);
        let queued = 0;
        for (const [personId, rows] of byPerson) {
          if (repo.hasDigestSince(personId, since)) continue;
          const { person } = rows[0]!;
          const at = isoNow(ctx);
          const messages = rows.map((r) => ({ message: r.notification.message }));
          repo.insertOutbox([
            {
              kind: OutboxKind.digest,
              personId,
              email: person.email,
              messageId: `<digest-${personId}-${randomBytes(6).toString('hex')}@agendum>`,
              status: OutboxStatus.queued,
              nextAttemptAt: at,
              createdAt: at,
              subject:
                rows.length === 1
                  ? `agendum: ${messages[0]!.message}`.slice(0, 200)
                  : `agendum: ${rows.length} updates on your meetings`,
              body: renderDigestText({ name: person.name, notifications: messages }),
            },
          ]);
          repo.markMailed(
            rows.map((r) => r.notification.id),
            at,
          );
          queued += 1;
        }
        if (queued > 0) kick();
        return queued;
      });
    },

    async buildMessage(row: OutboxRow) {
      const person = ctx.repos.people.findById(row.personId)!;
      return composeNotice(
        mail,
        { name: person.name, address: row.email },
        {
          subject: row.subject ?? 'agendum',
          messageId: row.messageId,
          text: row.body ?? '',
          html: `<pre style="font-family: inherit; white-space: pre-wrap;">${(row.body ?? '').replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</pre>`,
        },
      );
    },
  };
}
export type DigestService = ReturnType<typeof createDigestService>;
