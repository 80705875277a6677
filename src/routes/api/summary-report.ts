import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { MeetingParams, problems } from '../../schemas/common.js';
import { FormRefused, readForm } from '../../schemas/read-form.js';
import { readSingleUpload } from '../../schemas/read-upload.js';
import {
  AssembleReportBody,
  ReportDetailsBody,
  ReportDiff,
  ReportDiffQuery,
  ReportPdfQuery,
  ReportTextBody,
  ReportTransitionBody,
  ReportUploaded,
  ReportUploadFields,
  ReportVersion,
  ReportVersionParams,
  SummaryReport,
} from '../../schemas/summary-report.js';
import { Pdf, sendPdf } from './pdf.js';

/** The summary report of a meeting: its words, versions and workflow. The secretariat writes; released, others read. */
const summaryReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { summaryReports } = app.services;
  const { maxUploadBytes } = app.config;
  const tags = ['summary report'];

  app.get(
    '/meetings/:meetingId/summary-report',
    {
      schema: {
        tags,
        summary:
          'The summary report: for the secretariat its current version, versions and moves; for others the version released for comments',
        params: MeetingParams,
        response: { 200: SummaryReport, ...problems(404) },
      },
    },
    async (request) => summaryReports.get(actorOf(request), request.params.meetingId),
  );

  app.post(
    '/meetings/:meetingId/summary-report',
    {
      schema: {
        tags,
        summary:
          'Assemble the report from the record: its first version, or a new one taking the record as it is now (the opening is kept)',
        params: MeetingParams,
        querystring: AssembleReportBody,
        response: { 200: SummaryReport, ...problems(403, 404, 409) },
      },
    },
    async (request) =>
      summaryReports.assemble(actorOf(request), request.params.meetingId, request.query.baseVersion),
  );

  app.patch(
    '/meetings/:meetingId/summary-report',
    {
      schema: {
        tags,
        summary: 'Set the registry reference and the distribution marking',
        params: MeetingParams,
        body: ReportDetailsBody,
        response: { 200: SummaryReport, ...problems(403, 404, 422) },
      },
    },
    async (request) => summaryReports.setDetails(actorOf(request), request.params.meetingId, request.body),
  );

  app.put(
    '/meetings/:meetingId/summary-report/text',
    {
      schema: {
        tags,
        summary: "Change the opening and items' conclusions (drafting or review): a new version",
        params: MeetingParams,
        body: ReportTextBody,
        response: { 200: SummaryReport, ...problems(403, 404, 409, 422) },
      },
    },
    async (request) => summaryReports.edit(actorOf(request), request.params.meetingId, request.body),
  );

  app.post(
    '/meetings/:meetingId/summary-report/upload',
    {
      schema: {
        tags,
        summary:
          'Read the report\'s words from a Word, PDF or text file in its layout (multipart "file", optional "baseVersion"): a new version',
        params: MeetingParams,
        consumes: ['multipart/form-data'],
        response: { 200: ReportUploaded, ...problems(403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const upload = await readSingleUpload(request, maxUploadBytes);
      const fields = readForm(ReportUploadFields, upload.fields, request);
      if (!fields.ok) throw new FormRefused(fields.issues);
      return summaryReports.upload(actorOf(request), request.params.meetingId, upload, fields.value.baseVersion);
    },
  );

  app.post(
    '/meetings/:meetingId/summary-report/transitions',
    {
      schema: {
        tags,
        summary:
          'Move the report: submit, return (with a reason), release for comments, reopen (with a reason), adopt (with the later meeting\'s item)',
        params: MeetingParams,
        body: ReportTransitionBody,
        response: { 200: SummaryReport, ...problems(403, 404, 409, 422) },
      },
    },
    async (request) => summaryReports.transition(actorOf(request), request.params.meetingId, request.body),
  );

  app.get(
    '/meetings/:meetingId/summary-report/versions/:number',
    {
      schema: {
        tags,
        summary: "One version's words (the secretariat's)",
        params: ReportVersionParams,
        response: { 200: ReportVersion, ...problems(403, 404) },
      },
    },
    async (request) => {
      const v = summaryReports.version(actorOf(request), request.params.meetingId, request.params.number);
      return { number: v.number, source: v.source, fileName: v.fileName, createdAt: v.createdAt, content: v.content };
    },
  );

  app.get(
    '/meetings/:meetingId/summary-report/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two versions, part by part, word by word (the secretariat\'s)',
        params: MeetingParams,
        querystring: ReportDiffQuery,
        response: { 200: ReportDiff, ...problems(403, 404) },
      },
    },
    async (request) =>
      summaryReports.diff(actorOf(request), request.params.meetingId, request.query.from, request.query.to),
  );

  app.get(
    '/meetings/:meetingId/summary-report.pdf',
    {
      schema: {
        tags,
        summary:
          "The summary report as a PDF in the Commission's layout: the secretariat's current version (or ?version), marked draft until released; others the released one",
        params: MeetingParams,
        querystring: ReportPdfQuery,
        response: { 200: Pdf, ...problems(403, 404) },
      },
    },
    async (request, reply) =>
      sendPdf(reply, await summaryReports.pdf(actorOf(request), request.params.meetingId, request.query.version)),
  );
};
export default summaryReportRoutes;
