import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MeetingParams } from '../schemas/common.js';
import { PublishBody } from '../schemas/publication.js';
import { sendMeetingPage } from './meeting-pages.js';
import { pageRoute, personOf, redirectWith, submitFormAsync } from './page-kit.js';

/** "Publish" on a meeting's page: the API's publication, the refusal shown on the meeting's page. */
export const publicationPages: FastifyPluginAsyncTypebox = async (app) => {
  const { publication } = app.services;

  app.post(
    '/meetings/:meetingId/publication',
    { ...pageRoute({ params: MeetingParams }), preHandler: app.csrfProtection },
    async (request, reply) => {
      const { meetingId } = request.params;
      const actor = personOf(request);
      const outcome = await submitFormAsync(request, PublishBody, () => publication.publish(actor, meetingId));
      if (!outcome.done) return sendMeetingPage(app.services, request, reply, meetingId, outcome.form);
      const { meetings, files } = outcome.result;
      return redirectWith(
        reply,
        `/meetings/${meetingId}`,
        `Meeting published: the public folder holds ${meetings} meeting(s) in ${files} file(s).`,
      );
    },
  );
};
