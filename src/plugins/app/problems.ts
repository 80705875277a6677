import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AgendumError } from '../../domain/errors.js';
import { Problem } from '../../schemas/common.js';
import { listFieldErrors, type ValidationIssue } from '../../schemas/field-errors.js';

interface ProblemInput {
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

const TITLES: Record<number, [string, string]> = {
  400: ['AGENDUM_BAD_REQUEST', 'Bad request'],
  404: ['AGENDUM_NOT_FOUND', 'Not found'],
  405: ['AGENDUM_METHOD_NOT_ALLOWED', 'Method not allowed'],
  406: ['AGENDUM_NOT_ACCEPTABLE', 'Not acceptable'],
  413: ['AGENDUM_TOO_LARGE', 'Request too large'],
  414: ['AGENDUM_URI_TOO_LONG', 'Address too long'],
  415: ['AGENDUM_UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type'],
  429: ['AGENDUM_RATE_LIMITED', 'Too many requests'],
};

export function sendProblem(request: FastifyRequest, reply: FastifyReply, body: ProblemInput) {
  const problem = {
    type: `urn:agendum:problem:${body.code
      .replace(/^AGENDUM_/, '')
      .toLowerCase()
      .replace(/_/g, '-')}`,
    // The path only: a query can hold a signed link's signature or a token, not to be echoed back.
    instance: request.url.split('?')[0],
    ...body,
  };
  return reply.code(body.status).type('application/problem+json').send(problem);
}

/**
 * Errors Fastify's router raises before any hook runs (a malformed URL, an over-long
 * parameter): answered in the same problem+json shape (set as `frameworkErrors`).
 */
export function frameworkErrorAsProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  const [code, title] = TITLES[status] ?? [`AGENDUM_HTTP_${status}`, 'Request refused'];
  return sendProblem(request, reply, {
    status,
    title,
    code,
    detail: status === 414 ? 'A part of the address is too long.' : 'The address is not valid.',
  });
}

/**
 * The one boundary where errors become application/problem+json (RFC 9457). A user's mistake
 * keeps its 4xx and says what was wrong; anything else is a 500 whose detail stays in the log.
 */
async function problemsPlugin(app: FastifyInstance) {
  app.addSchema(Problem);

  app.setErrorHandler((error: FastifyError | AgendumError | Error, request, reply) => {
    if (error instanceof AgendumError) {
      // A 412 tells the client the entity tag to retry with.
      if (typeof error.extras.etag === 'string') reply.header('ETag', error.extras.etag);
      return sendProblem(request, reply, {
        status: error.status,
        title: error.title,
        code: error.code,
        detail: error.message,
        ...error.extras,
      });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const errors = listFieldErrors(
        (fastifyError.validation ?? []) as ValidationIssue[],
        fastifyError.validationContext ?? 'body',
      );
      return sendProblem(request, reply, {
        status: 400,
        title: 'Invalid request',
        code: 'AGENDUM_VALIDATION',
        detail: errors.map((e) => `${e.path} ${e.message}`).join('; '),
        errors,
      });
    }
    // A race the checks above did not see (two requests creating the same email) is a conflict.
    if (typeof fastifyError.code === 'string' && fastifyError.code.startsWith('SQLITE_CONSTRAINT')) {
      request.log.warn({ err: error }, 'constraint violation answered as 409');
      return sendProblem(request, reply, {
        status: 409,
        title: 'Conflict',
        code: 'AGENDUM_CONFLICT',
        detail: 'The change conflicts with data that exists already; reload and try again.',
      });
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const [code, title] = TITLES[status] ?? [`AGENDUM_HTTP_${status}`, 'Request refused'];
      return sendProblem(request, reply, { status, title, code, detail: error.message });
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(request, reply, {
      status: 500,
      title: 'Internal error',
      code: 'AGENDUM_INTERNAL',
      detail: `Something went wrong on our side; the log has the details (request ${request.id}).`,
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, {
      status: 404,
      title: 'Not found',
      code: 'AGENDUM_NOT_FOUND',
      detail: `There is no ${request.method} ${request.url.split('?')[0]}.`,
    }),
  );
}

export default fp(problemsPlugin, { name: 'problems' });
