import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

/** Liveness and readiness: answers once the database is open and migrated. */
const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['service'],
        summary: 'Service health',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => {
      app.database.sqlite.prepare('select 1').get();
      return { status: 'ok' as const };
    },
  );
};
export default healthRoutes;
