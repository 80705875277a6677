import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config/env.js';
import { createMailWorker, type MailWorker } from '../../mail/mail-worker.js';
import type { PacketDocuments } from '../../mail/packet-documents.js';
import { createMailSender } from '../../mail/transport.js';
import { createFileStore } from '../../ingest/file-store.js';
import { createDigestService, type DigestService } from '../../services/digest-service.js';
import { createPacketFiles } from '../../services/packet-files.js';
import { createPacketService, type PacketService } from '../../services/packet-service.js';
import { OutboxKind } from '../../domain/delivery.js';

declare module 'fastify' {
  interface FastifyInstance {
    packets: PacketService;
    digests: DigestService;
    mailWorker: MailWorker;
  }
}

/** The key that signs packet download links: from config, else made once and kept in the data folder. */
function linkSecret(config: Config): Buffer {
  if (config.mail.linkSecret) return Buffer.from(config.mail.linkSecret);
  const file = join(config.dataDir, 'link-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  return Buffer.from(readFileSync(file, 'utf8').trim());
}

/**
 * Mail: one transporter, the packet and digest services, and the outbox worker, started when
 * the server is ready and stopped (in-flight messages finished) when it closes.
 */
async function mailPlugin(
  app: FastifyInstance,
  opts: { config: Config; documents: (app: FastifyInstance) => PacketDocuments },
) {
  const { config } = opts;
  const sender = createMailSender(config.mail);
  // Services queue work and kick the worker; the worker is made below, after them.
  const kick = () => worker.kick();
  const packets = createPacketService(
    app.services.ctx,
    {
      legacy: opts.documents(app),
      frozen: createPacketFiles(app.services.ctx, createFileStore(config.uploadsDir), app.renderer),
    },
    { mail: config.mail, publicUrl: config.publicUrl, linkSecret: linkSecret(config) },
    { kick, health: () => worker.health() },
  );
  const digests = createDigestService(app.services.ctx, config.mail, kick);
  const worker: MailWorker = createMailWorker({
    repo: app.services.ctx.repos.mail,
    sender,
    build: (row) => (row.kind === OutboxKind.digest ? digests.buildMessage(row) : packets.buildMessage(row)),
    transaction: app.services.ctx.transaction,
    now: app.services.ctx.now,
    concurrency: sender.kind === 'smtp' ? config.mail.poolSize : 1,
    retryBaseMs: config.mail.retryBaseMs,
    log: app.log,
  });
  app.decorate('packets', packets);
  app.decorate('digests', digests);
  app.decorate('mailWorker', worker);

  let digestTimer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    worker.start();
    digestTimer = setInterval(() => {
      try {
        digests.queueDigests();
      } catch (error) {
        app.log.error({ err: error }, 'queueing notification digests failed');
      }
    }, 60_000).unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(digestTimer);
    await worker.stop();
  });
}

export default fp(mailPlugin, { name: 'mail', dependencies: ['services', 'renderer'] });
