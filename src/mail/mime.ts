import { randomBytes } from 'node:crypto';
import { create as contentDisposition } from 'content-disposition';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface Attachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface PersonalMessage {
  from: string;
  to: { name: string; address: string };
  replyTo?: string;
  subject: string;
  messageId: string;
  headers: Record<string, string>;
  text: string;
  html: string;
}

/**
 * The attachment parts of a packet, encoded once for all recipients: base64 in 76-character
 * lines is most of the bytes of a packet message and the same for everybody.
 */
export function encodeSharedParts(attachments: Attachment[]): Buffer[] {
  return attachments.map((a) => {
    const name = a.filename.replace(/[^\x20-\x7e]|"/g, '_');
    // The same RFC 2231/5987 parameter form as HTTP answers, from the same package: an ASCII
    // fallback plus filename* with every character outside attr-char (' and * too) escaped.
    const head =
      `Content-Type: ${a.contentType}; name="${name}"\r\n` +
      `Content-Transfer-Encoding: base64\r\n` +
      `Content-Disposition: ${contentDisposition(a.filename)}\r\n\r\n`;
    const body = a.content.toString('base64').replace(/.{76}/g, '$&\r\n');
    return Buffer.concat([Buffer.from(head), Buffer.from(body.endsWith('\r\n') ? body : `${body}\r\n`)]);
  });
}

/**
 * One recipient's message: nodemailer's MailComposer builds the personal part (headers,
 * text and HTML, with all their encoding rules); the shared attachment parts are appended as
 * they are, under a multipart/mixed boundary of our own.
 */
export async function composeMessage(message: PersonalMessage, shared: Buffer[]): Promise<Buffer[]> {
  const personal = await new MailComposer({
    from: message.from,
    to: message.to,
    replyTo: message.replyTo,
    subject: message.subject,
    messageId: message.messageId,
    headers: message.headers,
    text: message.text,
    html: message.html,
  })
    .compile()
    .build();
  if (shared.length === 0) return [personal];
  const split = personal.indexOf('\r\n\r\n');
  const headerText = personal.subarray(0, split).toString('latin1');
  const body = personal.subarray(split + 4);
  // Top-level headers stay; the personal part keeps its own Content-* headers.
  const headerLines = headerText.split(/\r\n(?![ \t])/);
  const isContent = (line: string) => /^content-(type|transfer-encoding):/i.test(line);
  const top = headerLines.filter((l) => !isContent(l) && !/^mime-version:/i.test(l));
  const inner = headerLines.filter(isContent);
  const boundary = `----agendum-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [
    Buffer.from(
      `${top.join('\r\n')}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n`,
    ),
    Buffer.from(`--${boundary}\r\n${inner.join('\r\n')}\r\n\r\n`),
    body,
    Buffer.from('\r\n'),
  ];
  for (const part of shared) chunks.push(Buffer.from(`--${boundary}\r\n`), part);
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return chunks;
}

/**
 * A message of agendum's own with no attachment (a digest, an invitation): from the service,
 * marked auto-generated so that out-of-office replies stay quiet, its HTML part made from its text.
 */
export async function composeNotice(
  mail: { from: string; fromAddress: string; replyTo: string | undefined },
  to: { name: string; address: string },
  message: { subject: string; messageId: string; text: string; html: string },
) {
  const raw = await composeMessage(
    { from: mail.from, to, replyTo: mail.replyTo, headers: { 'Auto-Submitted': 'auto-generated' }, ...message },
    [],
  );
  return { envelope: { from: mail.fromAddress, to: to.address }, raw };
}
