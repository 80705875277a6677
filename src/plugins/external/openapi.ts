import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** OpenAPI 3.1 built from the route schemas; /docs browses it (assets served locally). */
async function openapiPlugin(app: FastifyInstance) {
  await app.register(swagger, {
    // Shared schemas keep their own names ($id) in components instead of def-0, def-1 ...
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
    },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'agendum',
        description: [
          'Meetings, agendas and cover notes of the eHealth Network.',
          '',
          '**Content model, revision 2** (lists and tables). A section of a version is a list of blocks.',
          'A paragraph is written and read exactly as in revision 1: plain text or an array of runs, so',
          'clients that write paragraphs keep working unchanged, and a note of paragraphs reads back as',
          'before. Revision 2 adds two block objects, which a client that reads notes written by others',
          'must expect: a list `{block, style, items}` and a table `{block, header, rows}` (see the',
          'version schema).',
        ].join('\n'),
        version: '1.2',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'agendum_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true }, staticCSP: true });
}

export default fp(openapiPlugin, { name: 'openapi' });
