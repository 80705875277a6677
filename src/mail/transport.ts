import { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import type { Config } from '../config/env.js';
import { writeFileDurably } from '../durable-file.js';
import { makePrivateFolder } from '../private-files.js';

export interface Envelope {
  from: string;
  to: string;
}

/** What the outbox worker needs from a mail transport: send one prepared message, and close. */
export interface MailSender {
  readonly kind: 'smtp' | 'files';
  /** `raw` is the message in chunks: the shared attachment parts are not copied per recipient. */
  send(envelope: Envelope, raw: Buffer[]): Promise<{ response: string }>;
  close(): void;
}

/**
 * One pooled nodemailer transporter for the whole process (AGENDUM_SMTP_URL), or, in the
 * embedded mode, .eml files under the data directory so that `npm start` needs no mail server.
 */
export function createMailSender(mail: Config['mail']): MailSender {
  if (mail.smtpUrl) {
    const url = new URL(mail.smtpUrl);
    const transporter = nodemailer.createTransport({
      pool: true,
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      // One message at a time per connection: a crash can leave at most one message per
      // connection accepted-but-unrecorded (RFC 1047); those are resent with the same Message-ID.
      maxConnections: mail.poolSize,
      maxMessages: Infinity,
      // Loopback test servers have no certificate; a real relay is reached over smtps:// or STARTTLS.
      tls: { rejectUnauthorized: url.hostname !== '127.0.0.1' && url.hostname !== 'localhost' },
    });
    return {
      kind: 'smtp',
      async send(envelope, raw) {
        const info = await transporter.sendMail({
          envelope: { from: envelope.from, to: [envelope.to] },
          raw: Readable.from(raw, { objectMode: false }),
        });
        return { response: String(info.response) };
      },
      close: () => transporter.close(),
    };
  }
  makePrivateFolder(mail.outgoingDir);
  let counter = 0;
  return {
    kind: 'files',
    async send(envelope, raw) {
      counter += 1;
      const name = `${Date.now()}-${process.pid}-${counter}-${envelope.to.replace(/[^a-zA-Z0-9@._-]/g, '_')}.eml`;
      await writeFileDurably(mail.outgoingDir, name, raw);
      return { response: `250 written to ${name}` };
    },
    close: () => undefined,
  };
}
