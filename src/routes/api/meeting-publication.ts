import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/app/auth.js';
import { MeetingParams, problems } from '../../schemas/common.js';
import { MeetingPublication, PublishBody } from '../../schemas/publication.js';

/** Publishing a meeting: its public documents into the static folder (AGENDUM_PUBLISH_DIR). */
const meetingPublicationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { publication } = app.services;

  app.post(
    '/meetings/:meetingId/publication',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Publish the meeting: its public documents into the static folder, which is rebuilt whole',
        params: MeetingParams,
        body: Type.Optional(PublishBody),
        response: { 200: MeetingPublication, ...problems(403, 404, 409) },
      },
    },
    async (request) => publication.publish(actorOf(request), request.params.meetingId),
  );
};
export default meetingPublicationRoutes;
