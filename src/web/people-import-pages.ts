import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AgendumError } from '../domain/errors.js';
import { assertCanManagePeople } from '../domain/permissions.js';
import { ImportTextBody } from '../schemas/people-admin.js';
import { readForm } from '../schemas/read-form.js';
import { readSingleUpload } from '../schemas/read-upload.js';
import { pageRoute, personOf, redirectWith, sendPage } from './page-kit.js';
import { peopleImportView } from './views/people-import-view.js';

const TITLE = 'Import people';

/**
 * The people import for the secretariat: a file or pasted text is checked (the dry run), the
 * report shown with the text kept to mend, and a confirmation imports exactly the text checked.
 */
export const peopleImportPages: FastifyPluginAsyncTypebox = async (app) => {
  const { peopleImport } = app.services;
  const form = { preHandler: app.csrfProtection };

  function reportPage(request: FastifyRequest, reply: FastifyReply, csv: string) {
    const report = peopleImport.dryRun(personOf(request), csv);
    return sendPage(request, reply, 'people-import', TITLE, peopleImportView({ csv, report }));
  }

  /** The text field of the page's forms, read with its schema; an empty box is said on the box. */
  function textOf(request: FastifyRequest): string | null {
    const read = readForm(ImportTextBody, request.body, request);
    return read.ok ? read.value.csv : null;
  }

  app.get('/people/import', pageRoute(), async (request, reply) => {
    assertCanManagePeople(personOf(request));
    return sendPage(request, reply, 'people-import', TITLE, peopleImportView({}));
  });

  app.post('/people/import', pageRoute(), async (request, reply) => {
    let csv: string;
    try {
      const upload = await readSingleUpload(request, app.config.maxUploadBytes, {
        beforeFile: (fields) => app.checkCsrf(request, fields._csrf),
      });
      csv = upload.bytes.toString('utf8');
    } catch (error) {
      // No file chosen, or one too large: the page says so beside the file field. A bad CSRF token stays an error.
      if (!(error instanceof AgendumError) || ![413, 415, 422].includes(error.status)) throw error;
      personOf(request);
      return sendPage(request, reply, 'people-import', TITLE, peopleImportView({ fileError: error.message }));
    }
    return reportPage(request, reply, csv);
  });

  app.post('/people/import/check', { ...pageRoute(), ...form }, async (request, reply) =>
    reportPage(request, reply, textOf(request) ?? ''),
  );

  app.post('/people/import/apply', { ...pageRoute(), ...form }, async (request, reply) => {
    const csv = textOf(request) ?? '';
    try {
      const done = peopleImport.apply(personOf(request), csv);
      const { new: added, updated } = done.counts;
      return redirectWith(reply, '/people', `Imported: ${added} new, ${updated} updated.`);
    } catch (error) {
      // Checked again at the import: a line gone wrong meanwhile shows the report again, the text kept.
      if (!(error instanceof AgendumError) || error.status !== 422) throw error;
      return reportPage(request, reply, csv);
    }
  });
};
