import type { Db } from '../db/client.js';
import { createAgendaRepository } from './agenda-repository.js';
import { createAuditRepository } from './audit-repository.js';
import { createCommentRepository } from './comment-repository.js';
import { createFileRepository } from './file-repository.js';
import { createGroupRepository } from './group-repository.js';
import { createMailRepository } from './mail-repository.js';
import { createMeetingRepository } from './meeting-repository.js';
import { createNoteReadRepository } from './note-read-repository.js';
import { createNoteRepository } from './note-repository.js';
import { createNotificationRepository } from './notification-repository.js';
import { createPeopleAdminRepository } from './people-admin-repository.js';
import { createPeopleRepository } from './people-repository.js';
import { createPersonAuditRepository } from './person-audit-repository.js';
import { createPersonLinkRepository } from './person-link-repository.js';
import { createRecordRepository } from './record-repository.js';
import { createReportRepository } from './report-repository.js';
import { createSecondFactorRepository } from './second-factor-repository.js';

export function createRepositories(db: Db) {
  return {
    people: createPeopleRepository(db),
    peopleAdmin: createPeopleAdminRepository(db),
    groups: createGroupRepository(db),
    meetings: createMeetingRepository(db),
    agenda: createAgendaRepository(db),
    notes: createNoteRepository(db),
    noteReads: createNoteReadRepository(db),
    audit: createAuditRepository(db),
    personAudit: createPersonAuditRepository(db),
    personLinks: createPersonLinkRepository(db),
    comments: createCommentRepository(db),
    notifications: createNotificationRepository(db),
    files: createFileRepository(db),
    mail: createMailRepository(db),
    records: createRecordRepository(db),
    reports: createReportRepository(db),
    secondFactor: createSecondFactorRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
