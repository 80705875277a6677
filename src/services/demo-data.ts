import { ITEM_9_1, ITEM_9_2 } from '../demo/seed-notes.js';
import { Role, type Actor } from '../domain/roles.js';
import { NoteEvent } from '../domain/note-workflow.js';
import { ProcedureKind } from '../domain/procedure.js';
import type { AgendaService } from './agenda-service.js';
import { isoNow, type ServiceContext } from './context.js';
import type { MeetingService } from './meeting-service.js';
import type { NoteService } from './note-service.js';
import type { WorkflowService } from './workflow-service.js';
import { generatePassword, hashPassword } from './secrets.js';

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; memberState?: string }[] = [
  { email: 'admin@example.org', name: 'Ada Admin', role: Role.admin },
  { email: 'secretariat@example.org', name: 'Sam Secretariat', role: Role.secretariat },
  { email: 'rapporteur@example.org', name: 'Rita Rapporteur', role: Role.rapporteur },
  { email: 'delegate@example.org', name: 'Dirk Delegate', role: Role.delegate, memberState: 'BE' },
];

export const EHEALTH_HEADER_LINES = [
  'EUROPEAN COMMISSION',
  'DG HEALTH AND FOOD SAFETY',
  'DG COMMUNICATIONS NETWORKS, CONTENT AND TECHNOLOGY',
  '',
  'eHealth-units',
];

// Items 1-8 only make the numbering real (the seeds are items 9.1 and 9.2); their titles are placeholders.
const OPENING_ITEMS = [
  'Opening of the meeting and adoption of the agenda',
  'Adoption of the minutes of the previous meeting',
  'Information from the Commission',
  'Information from the Member States',
  'Multiannual work plan of the eHealth Network',
  'Reports of the subgroups',
  'Interoperability of health data',
  'Data protection in health',
];

interface DemoServices {
  meetings: MeetingService;
  agenda: AgendaService;
  notes: NoteService;
  workflow: WorkflowService;
}

export interface DemoResult {
  loaded: boolean;
  /** Set when agendum generated the password: shown once in the start log. */
  generatedPassword?: string;
}

/**
 * Loads the demo network, its 18th meeting and one account per role, once: a database that
 * already has people or networks is left as it is. All of it lands in one transaction.
 */
export function createDemoData(ctx: ServiceContext, services: DemoServices) {
  const { people, meetings } = ctx.repos;

  async function load(options: { password?: string }): Promise<DemoResult> {
    if (people.count() > 0 || meetings.countNetworks() > 0) return { loaded: false };
    const password = options.password ?? generatePassword();
    // One hash per account, each with its own salt: one shared hash would tell whoever reads the
    // database that the accounts share a password, and one cracked hash would open them all.
    // One after another: scrypt holds 128 MiB per hash at the default cost.
    const passwordHashes: string[] = [];
    for (const _account of DEMO_ACCOUNTS) passwordHashes.push(await hashPassword(password, ctx.scryptLogN));
    const loaded = ctx.transaction(() => {
      // Re-checked inside the transaction: two starts racing on one file load it once.
      if (people.count() > 0) return false;
      const accounts = new Map<Role, Actor>();
      for (const [index, account] of DEMO_ACCOUNTS.entries()) {
        const row = people.insert({ ...account, passwordHash: passwordHashes[index]!, createdAt: isoNow(ctx) });
        accounts.set(account.role, { id: row.id, name: row.name, role: account.role });
      }
      loadMeeting(accounts);
      return true;
    });
    return loaded ? { loaded, ...(options.password ? {} : { generatedPassword: password }) } : { loaded };
  }

  /** The network, its 18th meeting, items 1-9 and the two seed notes (9.1 released, 9.2 in review). */
  function loadMeeting(accounts: Map<Role, Actor>) {
    const admin = accounts.get(Role.admin)!;
    const rapporteur = accounts.get(Role.rapporteur)!;
    services.meetings.createNetwork(admin, { name: 'eHealth Network', headerLines: EHEALTH_HEADER_LINES });
    const meeting = services.meetings.create(admin, {
      ordinal: 18,
      startDate: '2020-11-12',
      endDate: '2020-11-13',
      city: 'Brussels',
      country: 'Belgium',
      draftingDeadline: '2020-11-05',
    });
    for (const title of OPENING_ITEMS) services.agenda.create(admin, meeting.id, { title });
    const cyber = services.agenda.create(admin, meeting.id, { title: 'Cybersecurity' });
    const [item91] = [ITEM_9_1, ITEM_9_2].map((seed) => {
      const item = services.agenda.create(admin, meeting.id, {
        title: seed.title,
        parentId: cyber.id,
        rapporteurIds: [rapporteur.id],
      });
      services.notes.createVersion(rapporteur, item.id, seed.content);
      services.workflow.perform(rapporteur, item.id, { event: NoteEvent.submit });
      return item;
    });
    // One note of each kind to look at: 9.1 released "For information", 9.2 waiting in review.
    const secretariat = accounts.get(Role.secretariat)!;
    services.workflow.perform(secretariat, item91!.id, {
      event: NoteEvent.release,
      procedure: ProcedureKind.forInformation,
    });
  }

  return { load };
}
