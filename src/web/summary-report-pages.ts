import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { Errors } from '../domain/errors.js';
import { isStaff } from '../domain/roles.js';
import { ReportEvent } from '../domain/summary-report.js';
import { TEXT } from '../rendering/html/text.js';
import { MeetingParams } from '../schemas/common.js';
import { listFieldErrors, type ValidationIssue } from '../schemas/field-errors.js';
import { readForm } from '../schemas/read-form.js';
import { readSingleUpload } from '../schemas/read-upload.js';
import {
  AssembleReportBody,
  ReportDetailsBody,
  ReportDiffQuery,
  ReportTextBody,
  ReportTransitionBody,
  ReportUploadFields,
} from '../schemas/summary-report.js';
import { field, pageRoute, personOf, redirectWith, sendPage, submitForm } from './page-kit.js';
import { EMPTY_FORM, refusedByService, refusedForm, type FormState } from './views/form-view.js';
import { reportDiffView } from './views/report-diff-view.js';
import { editFields, fieldPathOf, reportEditView, reportTextBodyOf } from './views/report-edit-view.js';
import { stateWords, summaryReportView, type ReportRefusal } from './views/summary-report-view.js';

/** The longest confirmation carried in the address after an upload; the warnings past it are cut. */
const MAX_DONE = 600;

/**
 * A meeting's summary report on pages: read it, and for the secretariat everything the API
 * does with it (assemble, edit, upload, move, details), through the same services and schemas.
 */
export const summaryReportPages: FastifyPluginAsyncTypebox = async (app) => {
  const { summaryReports, meetings } = app.services;
  const withCsrf = { preHandler: app.csrfProtection };
  const route = pageRoute({ params: MeetingParams });
  const reportPath = (meetingId: number) => `/meetings/${meetingId}/summary-report`;

  function reportPage(request: FastifyRequest, reply: FastifyReply, meetingId: number, refused?: ReportRefusal) {
    const actor = personOf(request);
    const meeting = meetings.get(meetingId);
    const canEdit = isStaff(actor.role);
    // A form sent by someone the service refuses: not shown again, refused (the service would say 403).
    if (refused && !canEdit) throw Errors.forbidden('The summary report is written by the secretariat.');
    // The secretariat opens the page before there is a report, to assemble it; others read what was released, or 404.
    const report = canEdit ? summaryReports.find(actor, meetingId) : summaryReports.get(actor, meetingId);
    const adoption = report?.allowedEvents.includes(ReportEvent.adopt)
      ? summaryReports.adoptionItems(actor, meetingId)
      : [];
    const view = summaryReportView(meeting, report, { canEdit, adoption }, refused);
    return sendPage(request, reply, 'summary-report', TEXT.summaryReport, view);
  }

  /** The edit form is the secretariat's: anyone else would type for nothing (the service refuses them). */
  function editor(request: FastifyRequest) {
    const actor = personOf(request);
    if (!isStaff(actor.role)) throw Errors.forbidden('The summary report is written by the secretariat.');
    return actor;
  }

  function editPage(request: FastifyRequest, reply: FastifyReply, meetingId: number, form: FormState = EMPTY_FORM) {
    const meeting = meetings.get(meetingId);
    const actor = editor(request);
    const view = reportEditView(meeting, summaryReports.get(actor, meetingId), form);
    return sendPage(request, reply, 'summary-report-edit', view.title, view);
  }

  app.get('/meetings/:meetingId/summary-report', route, async (request, reply) =>
    reportPage(request, reply, request.params.meetingId),
  );

  app.post('/meetings/:meetingId/summary-report', { ...route, ...withCsrf }, async (request, reply) => {
    const { meetingId } = request.params;
    const actor = personOf(request);
    const outcome = submitForm(request, AssembleReportBody, (value) => ({
      base: value.baseVersion,
      report: summaryReports.assemble(actor, meetingId, value.baseVersion),
    }));
    if (!outcome.done) return reportPage(request, reply, meetingId, { form: outcome.form, which: 'assemble' });
    const { base, report } = outcome.result;
    const done =
      base === report.version
        ? `The record gives the same text: the report stays at version ${report.version}.`
        : `Version ${report.version} assembled from the record.`;
    return redirectWith(reply, reportPath(meetingId), done);
  });

  app.post('/meetings/:meetingId/summary-report/details', { ...route, ...withCsrf }, async (request, reply) => {
    const { meetingId } = request.params;
    const actor = personOf(request);
    // Unticked boxes are not sent: the form always states the groups, none when none is ticked.
    const outcome = submitForm(request, ReportDetailsBody, (value) =>
      summaryReports.setDetails(actor, meetingId, { audienceGroups: [], ...value }),
    );
    if (!outcome.done) return reportPage(request, reply, meetingId, { form: outcome.form, which: 'details' });
    return redirectWith(reply, reportPath(meetingId), 'Registry reference and distribution saved.');
  });

  app.post('/meetings/:meetingId/summary-report/transitions', { ...route, ...withCsrf }, async (request, reply) => {
    const { meetingId } = request.params;
    const actor = personOf(request);
    const outcome = submitForm(request, ReportTransitionBody, (value) =>
      summaryReports.transition(actor, meetingId, value),
    );
    if (!outcome.done) return reportPage(request, reply, meetingId, { form: outcome.form, which: 'transition' });
    return redirectWith(reply, reportPath(meetingId), `The summary report is now: ${stateWords(outcome.result)}.`);
  });

  // Multipart: the CSRF token is the form's first field, checked before the file is read.
  app.post('/meetings/:meetingId/summary-report/upload', route, async (request, reply) => {
    const { meetingId } = request.params;
    const actor = personOf(request);
    let refused: FormState | null = null;
    let uploaded: Awaited<ReturnType<typeof summaryReports.upload>> | null = null;
    try {
      const upload = await readSingleUpload(request, app.config.maxUploadBytes, {
        beforeFile: (fields) => app.checkCsrf(request, fields._csrf),
      });
      const fields = readForm(ReportUploadFields, upload.fields, request);
      if (!fields.ok) refused = refusedForm(fields.input, fields.errors);
      else uploaded = await summaryReports.upload(actor, meetingId, upload, fields.value.baseVersion);
    } catch (error) {
      // A file the report cannot take (too large, its type, nothing found in it) or a report
      // that moved on is the person's to put right: the upload form says why. A 403 stays an error.
      refused = refusedByService(error, {}, 'file');
    }
    if (!uploaded) return reportPage(request, reply, meetingId, { form: refused ?? EMPTY_FORM, which: 'upload' });
    const { report, warnings } = uploaded;
    const saved = `Version ${report.version} read from ${report.versions.at(-1)?.fileName ?? 'the file'}.`;
    const done = warnings.length > 0 ? `${saved} Not placed: ${warnings.join(' ')}` : saved;
    return redirectWith(
      reply,
      reportPath(meetingId),
      done.length > MAX_DONE ? `${done.slice(0, MAX_DONE - 1)}…` : done,
    );
  });

  app.get('/meetings/:meetingId/summary-report/edit', route, async (request, reply) =>
    editPage(request, reply, request.params.meetingId),
  );

  app.post('/meetings/:meetingId/summary-report/text', { ...route, ...withCsrf }, async (request, reply) => {
    const { meetingId } = request.params;
    const actor = editor(request);
    const { text, version } = summaryReports.get(actor, meetingId);
    const names = ['baseVersion', ...Object.keys(editFields(text))];
    const input = Object.fromEntries(names.map((name) => [name, field(request.body, name)]));
    const { body, sources } = reportTextBodyOf(input, text);
    const validate = request.compileValidationSchema(ReportTextBody as never, 'body');
    if (!validate(body)) {
      const errors = listFieldErrors((validate.errors ?? []) as ValidationIssue[], 'body').map((e) => ({
        ...e,
        path: fieldPathOf(e.path, sources),
      }));
      return editPage(request, reply, meetingId, refusedForm(input, errors));
    }
    let saved: ReturnType<typeof summaryReports.edit>;
    try {
      saved = summaryReports.edit(actor, meetingId, body as Static<typeof ReportTextBody>);
    } catch (error) {
      return editPage(request, reply, meetingId, refusedByService(error, input));
    }
    const done =
      saved.version === version
        ? `Nothing changed: the report stays at version ${version}.`
        : `Version ${saved.version} saved.`;
    return redirectWith(reply, reportPath(meetingId), done);
  });

  app.get(
    '/meetings/:meetingId/summary-report/diff',
    pageRoute({ params: MeetingParams, querystring: ReportDiffQuery }),
    async (request, reply) => {
      const { meetingId } = request.params;
      const actor = personOf(request);
      const meeting = meetings.get(meetingId);
      const from = summaryReports.version(actor, meetingId, request.query.from);
      const to = summaryReports.version(actor, meetingId, request.query.to);
      const view = reportDiffView(meeting, from, to);
      return sendPage(request, reply, 'summary-report-diff', view.title, view);
    },
  );
};
