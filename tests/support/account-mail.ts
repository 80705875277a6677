import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { FastifyInstance } from 'fastify';
import { waitFor } from './wait.js';

/** The messages the embedded mail mode wrote (.eml files) to this address, oldest first. */
export async function mailsTo(app: FastifyInstance, address: string) {
  const dir = app.config.mail.outgoingDir;
  if (!existsSync(dir)) return [];
  const parsed = await Promise.all(
    readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      // <Date.now()>-<pid>-<counter>-<to>.eml: numeric order is the order they were written.
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((f) => simpleParser(readFileSync(join(dir, f)))),
  );
  return parsed.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((to) => to?.text.includes(address)));
}

/** Waits for the n-th account message to this address and returns the link it carries (path and token). */
export async function accountLinkFor(app: FastifyInstance, address: string, n = 1) {
  app.services.mailWorker.kick();
  await waitFor(async () => (await mailsTo(app, address)).length >= n, `${n} message(s) to ${address}`);
  const mail = (await mailsTo(app, address))[n - 1]!;
  const match = /https?:\/\/[^\s]+\/account\/link\/([0-9]+\.[A-Za-z0-9_-]+)/.exec(mail.text ?? '');
  if (!match) throw new Error(`no account link in the message to ${address}: ${mail.text}`);
  return { subject: mail.subject ?? '', text: mail.text ?? '', path: `/account/link/${match[1]}`, token: match[1]! };
}
