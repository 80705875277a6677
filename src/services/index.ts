import type { Config } from '../config/env.js';
import type { DatabaseHandle } from '../db/client.js';
import { createFileStore } from '../ingest/file-store.js';
import { createRepositories } from '../repositories/index.js';
import { createAgendaService } from './agenda-service.js';
import { createAuthService } from './auth-service.js';
import { createCarryOverService } from './carry-over-service.js';
import { createIngestService } from './ingest-service.js';
import type { ServiceContext } from './context.js';
import { createMeetingService } from './meeting-service.js';
import { createMeetingStatusService } from './meeting-status-service.js';
import { createNoteService } from './note-service.js';
import { createNotificationService } from './notification-service.js';
import type { PdfRenderer } from '../rendering/pdf/pdf-renderer.js';
import { createPdfService } from './pdf-service.js';
import { createPeopleService } from './people-service.js';
import { createRecipientService } from './recipient-service.js';
import { createReviewService } from './review-service.js';
import { createWorkflowService } from './workflow-service.js';

/**
 * Wires every use case to one database: the composition root shared by the server and the CLI.
 * PDFs are rendered by `renderer` (the server passes its worker pool; by default in this thread).
 */
export function createServices(
  handle: DatabaseHandle,
  config: Config,
  now: () => Date = () => new Date(),
  renderer?: PdfRenderer,
) {
  const ctx: ServiceContext = {
    repos: createRepositories(handle.db),
    transaction: handle.transaction,
    now,
    scryptLogN: config.scryptLogN,
    sessionHours: config.sessionHours,
    sessionIdleMinutes: config.sessionIdleMinutes,
  };
  const notifications = createNotificationService(ctx);
  const agenda = createAgendaService(ctx);
  const notes = createNoteService(ctx);
  const ingest = createIngestService(ctx, notes, createFileStore(config.uploadsDir), {
    maxUnzippedBytes: config.maxUnzippedBytes,
    maxEntries: config.maxZipEntries,
  });
  return {
    ctx,
    notifications,
    auth: createAuthService(ctx),
    people: createPeopleService(ctx),
    meetings: createMeetingService(ctx),
    agenda,
    notes,
    workflow: createWorkflowService(ctx, notifications),
    review: createReviewService(ctx, notes, notifications),
    meetingStatus: createMeetingStatusService(ctx, notifications),
    carryOver: createCarryOverService(ctx, agenda, notes),
    pdf: createPdfService(
      ctx,
      agenda,
      { annexesOf: (itemId, reader) => ingest.annexesForPacket(itemId, reader) },
      renderer,
    ),
    recipients: createRecipientService(ctx),
    ingest,
  };
}
export type Services = ReturnType<typeof createServices>;
