import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const EVERY_MS = 15 * 60_000;

/** Checks drafting deadlines and action points' due dates at start and every 15 minutes; the records it writes are idempotent. */
async function remindersPlugin(app: FastifyInstance) {
  const run = () => {
    try {
      const sent = app.services.meetingStatus.remindDeadlines();
      if (sent > 0) app.log.info(`deadline reminders recorded: ${sent}`);
      const due = app.services.actionPoints.remindDue();
      if (due > 0) app.log.info(`action point reminders recorded: ${due}`);
    } catch (error) {
      app.log.error({ err: error }, 'deadline reminders failed');
    }
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    run();
    timer = setInterval(run, EVERY_MS).unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}

export default fp(remindersPlugin, { name: 'reminders', dependencies: ['services'] });
