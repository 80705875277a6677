import Fastify, { type FastifyInstance } from 'fastify';
import type { Test } from 'tap';
import { AgendumError } from '../../src/domain/errors.js';

/**
 * A bare Fastify instance for testing one plugin alone. Without the problems plugin, an
 * AgendumError would be a 500: this stand-in answers its status with `{code, detail}`, so a
 * plugin's refusals can be read without the boundary that shapes them for users.
 */
export function bareApp(t: Test): FastifyInstance {
  const app = Fastify();
  app.setErrorHandler((error, _request, reply) => {
    if (!(error instanceof AgendumError)) throw error;
    return reply.code(error.status).send({ code: error.code, detail: error.message });
  });
  t.teardown(() => app.close());
  return app;
}
