import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const DIGEST_EVERY_MS = 60_000;

/**
 * Mail: starts the outbox worker and the digest timer the services built when the server is
 * ready, and stops them (in-flight messages finished, the transporter closed) when it closes.
 */
async function mailPlugin(app: FastifyInstance) {
  const { mailWorker, digests } = app.services;
  let digestTimer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    mailWorker.start();
    digestTimer = setInterval(() => {
      try {
        digests.queueDigests();
      } catch (error) {
        app.log.error({ err: error }, 'queueing notification digests failed');
      }
    }, DIGEST_EVERY_MS).unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(digestTimer);
    await mailWorker.stop();
  });
}

export default fp(mailPlugin, { name: 'mail', dependencies: ['services'] });
