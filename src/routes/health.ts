import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

/**
 * Liveness and readiness: answers once the database is open and migrated. The mail queue is
 * part of health: a worker that stopped moving while messages are due is an alarm (503).
 */
const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['service'],
        summary: 'Service health, with the mail queue',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), mail: Type.Optional(Type.Unknown()) }),
          503: Type.Object({ status: Type.Literal('degraded'), mail: Type.Unknown() }),
        },
      },
    },
    async (_request, reply) => {
      const { mail } = app.services.health.check();
      if (mail.stuck) {
        app.log.error({ mail }, 'mail worker stuck: messages are overdue and nothing moved for five minutes');
        return reply.code(503).send({ status: 'degraded' as const, mail });
      }
      return { status: 'ok' as const, mail };
    },
  );
};
export default healthRoutes;
