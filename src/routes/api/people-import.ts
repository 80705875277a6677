import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Errors } from '../../domain/errors.js';
import { actorOf } from '../../plugins/app/auth.js';
import { problems } from '../../schemas/common.js';
import { ImportQuery, ImportReport } from '../../schemas/people-admin.js';
import { readSingleUpload } from '../../schemas/read-upload.js';

/** The people import: a CSV file sent as text/csv or as a multipart `file` part. */
const peopleImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { peopleImport } = app.services;
  // Registered in this plugin only: nothing else of the API takes CSV.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  async function csvOf(request: FastifyRequest): Promise<string> {
    if (request.isMultipart())
      return (await readSingleUpload(request, app.config.maxUploadBytes)).bytes.toString('utf8');
    if (typeof request.body === 'string') return request.body;
    throw Errors.badUpload('Send the file as text/csv, or as multipart/form-data with a part named "file".');
  }

  app.post(
    '/people/import',
    {
      schema: {
        tags: ['people'],
        summary: 'Import people from CSV (name,email,role,member_state,groups; groups separated by ";")',
        description:
          'A dry run (the default) reports what each line would do and the wrong lines by number (the header is ' +
          'line 1); `dryRun=false` imports every line in one transaction, or nothing (422, the wrong lines in `lines`).',
        querystring: ImportQuery,
        response: { 200: ImportReport, ...problems(403, 413, 415, 422) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const text = await csvOf(request);
      return request.query.dryRun ? peopleImport.dryRun(actor, text) : peopleImport.apply(actor, text);
    },
  );
};
export default peopleImportRoutes;
