import { OutboxKind } from '../domain/delivery.js';
import type { Config } from '../config/env.js';
import type { DatabaseHandle } from '../db/client.js';
import { createFileStore } from '../ingest/file-store.js';
import { createMailWorker, type WorkerOptions } from '../mail/mail-worker.js';
import { createMailSender, type MailSender } from '../mail/transport.js';
import type { PdfRenderer } from '../rendering/pdf/pdf-renderer.js';
import { createRepositories } from '../repositories/index.js';
import { createActionPointService } from './action-point-service.js';
import { createAgendaService } from './agenda-service.js';
import { createAuthService } from './auth-service.js';
import { createAccountLinkMail } from './account-link-mail.js';
import { createPersonLinkService } from './person-link-service.js';
import { createPersonLinkUse } from './person-link-use.js';
import { createPersonAuditReads } from './person-audit-reads.js';
import { createCarryOverService } from './carry-over-service.js';
import type { ServiceContext } from './context.js';
import { createDemoData } from './demo-data.js';
import { createDigestService } from './digest-service.js';
import { createDocumentService } from './document-service.js';
import { createIngestService } from './ingest-service.js';
import { createMeetingRecordService } from './meeting-record-service.js';
import { createMeetingService } from './meeting-service.js';
import { createMeetingStatusService } from './meeting-status-service.js';
import { createNoteService } from './note-service.js';
import { createNotificationService } from './notification-service.js';
import { createPacketFiles } from './packet-files.js';
import { createPacketService } from './packet-service.js';
import { createPdfService } from './pdf-service.js';
import { createPublicationService } from './publication-service.js';
import { createPeopleService } from './people-service.js';
import { createPeopleDirectory } from './people-directory.js';
import { createPeopleImport } from './people-import.js';
import { createPersonCredentials } from './person-credentials.js';
import { createGroupService } from './group-service.js';
import { createRecipientService } from './recipient-service.js';
import { createRedlineService } from './redline-service.js';
import { createAddendumService } from './addendum-service.js';
import { createReviewService } from './review-service.js';
import { createSummaryReportService } from './summary-report-service.js';
import { loadLinkSecret } from './secrets.js';
import { createSecondFactorService } from './second-factor-service.js';
import { createSsoService } from './sso-service.js';
import { createWorkflowService } from './workflow-service.js';

export interface ServiceOptions {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Renders PDFs: the server passes its worker pool; by default in this thread. */
  renderer?: PdfRenderer;
  /** Where the mail worker reports; the server passes its logger. Silent by default. */
  log?: WorkerOptions['log'];
  /** The mail transport; by default the one the configuration names (SMTP, or .eml files). */
  mailSender?: MailSender;
}

const SILENT: WorkerOptions['log'] = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The composition root, shared by the server and the CLI: every use case wired to one database,
 * packets, digests and the mail worker included. It hands out services only: the repositories
 * and their context stay inside. Nothing is started here; the server's plugins start the worker
 * and the timers, and stop them.
 */
export function createServices(handle: DatabaseHandle, config: Config, options: ServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const ctx: ServiceContext = {
    repos: createRepositories(handle.db),
    transaction: handle.transaction,
    now,
    scryptLogN: config.scryptLogN,
    sessionHours: config.sessionHours,
    sessionIdleMinutes: config.sessionIdleMinutes,
  };
  const store = createFileStore(config.uploadsDir);
  const linkSecret = loadLinkSecret(config.mail.linkSecret, config.dataDir);
  // An account added with an invitation is mailed its link (personLinks, made below with the mail).
  const people = createPeopleService(ctx, { invite: (actor, personId) => personLinks.invite(actor, personId) });
  const notifications = createNotificationService(ctx);
  const staffSecondFactor = config.accounts.staffSecondFactor;
  const auth = createAuthService(ctx, { staffSecondFactor });
  // A cancelled meeting's calendar entry is cancelled in the calendars its packets reached.
  const meetings = createMeetingService(ctx, {
    cancelled: (meetingId) => packets.queueCancellation(meetingId),
    moved: (meetingId, before) => packets.queueCalendarUpdate(meetingId, before),
  });
  const agenda = createAgendaService(ctx);
  const records = createMeetingRecordService(ctx);
  const notes = createNoteService(ctx);
  const workflow = createWorkflowService(ctx, notifications);
  const draftLimits = {
    maxUnzippedBytes: config.maxUnzippedBytes,
    maxEntries: config.maxZipEntries,
    trackedChanges: config.trackedChanges,
  };
  const ingest = createIngestService(ctx, notes, store, draftLimits);
  const summaryReports = createSummaryReportService(ctx, records, draftLimits);
  const pdf = createPdfService(
    ctx,
    agenda,
    { annexesOf: (itemId, reader) => ingest.annexesForPacket(itemId, reader) },
    options.renderer,
  );

  // Packets and digests queue work and kick the worker; the worker is made after them.
  const kick = () => mailWorker.kick();
  const log = options.log ?? SILENT;
  const personLinks = createPersonLinkService(
    ctx,
    { linkSecret, publicUrl: config.publicUrl, inviteDays: config.accounts.inviteDays },
    { kick, onError: (error) => log.error({ err: error }, 'accounts: a reset request failed') },
  );
  const accountLinkMail = createAccountLinkMail(ctx, config.mail, personLinks.linkUrl);
  const packets = createPacketService(
    ctx,
    createPacketFiles(ctx, store, options.renderer),
    {
      mail: config.mail,
      publicUrl: config.publicUrl,
      linkSecret,
    },
    { kick, health: () => mailWorker.health() },
    // An addendum packet's PDF is the addendum's (made below, from the packets' changes).
    (packet, changes) => addenda.packetAddendum(packet, changes),
  );
  const redlines = createRedlineService(pdf);
  const addenda = createAddendumService({ packets, pdf, redlines, ingest });
  const digests = createDigestService(ctx, config.mail, kick);
  const sender = options.mailSender ?? createMailSender(config.mail);
  const builders: Record<OutboxKind, WorkerOptions['build']> = {
    [OutboxKind.packet]: (row) => packets.buildMessage(row),
    [OutboxKind.digest]: (row) => digests.buildMessage(row),
    [OutboxKind.cancellation]: (row) => packets.buildCancellation(row),
    [OutboxKind.calendarUpdate]: (row) => packets.buildCalendarUpdate(row),
    [OutboxKind.accountLink]: accountLinkMail,
  };
  const mailWorker = createMailWorker({
    repo: ctx.repos.mail,
    sender,
    // Each kind of message is built by its own service, when it is sent.
    build: (row) => builders[row.kind](row),
    transaction: ctx.transaction,
    now,
    concurrency: sender.kind === 'smtp' ? config.mail.poolSize : 1,
    retryBaseMs: config.mail.retryBaseMs,
    log,
  });

  return {
    /** The services' clock: what pages compare deadlines with. */
    clock: { now },
    /** What /healthz reports: the database answers, and the mail queue. */
    health: {
      check() {
        handle.sqlite.prepare('select 1').get();
        return { mail: mailWorker.health() };
      },
    },
    notifications,
    auth,
    secondFactor: createSecondFactorService(ctx, auth, { staffSecondFactor }),
    people,
    personLinks,
    linkUse: createPersonLinkUse(ctx, auth),
    personAudit: createPersonAuditReads(ctx),
    sso: createSsoService(ctx, {
      settings: config.accounts.oidc,
      publicUrl: config.publicUrl,
      secret: linkSecret,
      auth,
      people,
    }),
    peopleDirectory: createPeopleDirectory(ctx),
    peopleImport: createPeopleImport(ctx),
    credentials: createPersonCredentials(ctx),
    groups: createGroupService(ctx),
    meetings,
    agenda,
    notes,
    workflow,
    review: createReviewService(ctx, notes, notifications),
    meetingStatus: createMeetingStatusService(ctx, notifications),
    carryOver: createCarryOverService(ctx, agenda, notes),
    pdf,
    documents: createDocumentService(pdf),
    redlines,
    addenda,
    recipients: createRecipientService(ctx),
    records,
    summaryReports,
    actionPoints: createActionPointService(ctx, agenda, notifications),
    ingest,
    packets,
    digests,
    mailWorker,
    publication: createPublicationService(ctx, {
      store,
      publishDir: config.publishDir,
      extras: [(meetingId) => summaryReports.publicDocuments(meetingId)],
      ...(options.renderer ? { renderer: options.renderer } : {}),
    }),
    demoData: createDemoData(ctx, { meetings, agenda, notes, workflow }),
  };
}
export type Services = ReturnType<typeof createServices>;
