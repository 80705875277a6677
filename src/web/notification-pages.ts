import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { TEXT } from '../rendering/html/text.js';
import { NotificationParams } from '../schemas/workflow.js';
import { pageRoute, personOf, redirectWith, sendPage } from './page-kit.js';
import { notificationsView } from './views/notifications-view.js';

/** One's notifications (GET /notifications), each marked read by its own button. */
export const notificationPages: FastifyPluginAsyncTypebox = async (app) => {
  const { notifications } = app.services;

  app.get('/notifications', pageRoute(), async (request, reply) =>
    sendPage(
      request,
      reply,
      'notifications',
      TEXT.notifications,
      notificationsView(notifications.list(personOf(request))),
    ),
  );

  app.post(
    '/notifications/:notificationId/read',
    { ...pageRoute({ params: NotificationParams }), preHandler: app.csrfProtection },
    async (request, reply) => {
      notifications.markRead(personOf(request), request.params.notificationId);
      return redirectWith(reply, '/notifications', 'Marked as read.');
    },
  );
};
