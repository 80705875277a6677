import type { Db } from '../db/client.js';
import { createAgendaRepository } from './agenda-repository.js';
import { createFileRepository } from './file-repository.js';
import { createMailRepository } from './mail-repository.js';
import { createMeetingRepository } from './meeting-repository.js';
import { createNoteRepository } from './note-repository.js';
import { createPeopleRepository } from './people-repository.js';
import { createWorkflowRepository } from './workflow-repository.js';

export function createRepositories(db: Db) {
  return {
    people: createPeopleRepository(db),
    meetings: createMeetingRepository(db),
    agenda: createAgendaRepository(db),
    notes: createNoteRepository(db),
    workflow: createWorkflowRepository(db),
    files: createFileRepository(db),
    mail: createMailRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
