import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { AUDIENCE_GROUPS, AUDIENCES } from '../../src/domain/audience.js';
import { DELIVERY_FORMS, OUTBOX_KINDS, OUTBOX_STATUSES } from '../../src/domain/delivery.js';
import { FILE_PURPOSES } from '../../src/domain/file-purpose.js';
import { ACTION_POINT_STATES, ATTENDANCE_STATES, MEETING_FORMATS } from '../../src/domain/meeting-record.js';
import { MEETING_STATUSES } from '../../src/domain/meeting-status.js';
import { BLOCK_KINDS, LIST_STYLES } from '../../src/domain/note-blocks.js';
import { SECTION_KEYS } from '../../src/domain/note-content.js';
import { NOTE_EVENTS, NOTE_STATES, OUTCOMES } from '../../src/domain/note-workflow.js';
import { NOTICE_KINDS } from '../../src/domain/notification-kind.js';
import { PACKET_CONTENTS, PACKET_FORMATS } from '../../src/domain/packet-content.js';
import { PACKET_CHANGE_KINDS } from '../../src/domain/packet-changes.js';
import { NOTE_ACCESS } from '../../src/domain/permissions.js';
import { PROCEDURE_KINDS } from '../../src/domain/procedure.js';
import { ROLES } from '../../src/domain/roles.js';
import { REPORT_ADOPTION_EVENTS, REPORT_VERSION_SOURCES } from '../../src/domain/summary-report.js';
import { DIFF_OPS } from '../../src/domain/version-diff.js';
import { named } from '../../src/domain/words.js';

/**
 * Every enumerated word is written once: in the `as const` list of src/domain that defines its
 * set. Everything else names it through that list (`NoteState.released`,
 * `literalUnion(NOTE_EVENTS)`, `text('state', { enum: NOTE_STATES })`, the templates' `@data`),
 * so a quoted copy of a word anywhere else in src/ or templates/ is a second definition, one
 * that can drift. The sets are stated here literally, and each is checked against its list
 * (`notices` are the notification kinds besides `note-<event>`).
 */
import { PERSON_LINK_PURPOSES } from '../../src/domain/person-links.js';
import { IMPORT_OUTCOMES } from '../../src/domain/people-import.js';

const SETS: [set: string, definedIn: string, words: string[], list: readonly string[]][] = [
  ['note states', 'note-workflow.ts', ['drafting', 'review', 'released', 'withdrawn'], NOTE_STATES],
  ['events', 'note-workflow.ts', ['submit', 'return', 'release', 'reopen', 'withdraw', 'restore'], NOTE_EVENTS],
  ['outcomes', 'note-workflow.ts', ['noted', 'adopted', 'not-adopted', 'postponed'], OUTCOMES],
  ['roles', 'roles.ts', ['admin', 'secretariat', 'rapporteur', 'delegate'], ROLES],
  ['sections', 'note-content.ts', ['issueAtStake', 'summary', 'procedure'], SECTION_KEYS],
  ['procedures', 'procedure.ts', ['for-information', 'for-discussion', 'for-adoption'], PROCEDURE_KINDS],
  ['markings', 'audience.ts', ['public', 'network', 'limited'], AUDIENCES],
  ['recipient groups', 'audience.ts', ['delegates', 'observers', 'secretariat-copies'], AUDIENCE_GROUPS],
  ['note access', 'permissions.ts', ['drafts', 'published', 'none'], NOTE_ACCESS],
  ['meeting statuses', 'meeting-status.ts', ['planned', 'held', 'cancelled'], MEETING_STATUSES],
  ['packet formats', 'packet-content.ts', ['combined', 'separate'], PACKET_FORMATS],
  ['packet contents', 'packet-content.ts', ['personal', 'combined', 'separate'], PACKET_CONTENTS],
  [
    'outbox kinds',
    'delivery.ts',
    ['packet', 'digest', 'cancellation', 'calendar-update', 'account-link'],
    OUTBOX_KINDS,
  ],
  ['outbox statuses', 'delivery.ts', ['queued', 'sending', 'sent', 'failed'], OUTBOX_STATUSES],
  ['import outcomes', 'people-import.ts', ['new', 'updated', 'unchanged'], IMPORT_OUTCOMES],
  ['person link purposes', 'person-links.ts', ['invitation', 'password-reset'], PERSON_LINK_PURPOSES],
  ['delivery forms', 'delivery.ts', ['attached', 'linked'], DELIVERY_FORMS],
  ['stored file purposes', 'file-purpose.ts', ['draft', 'annex'], FILE_PURPOSES],
  [
    'notices',
    'notification-kind.ts',
    ['review-comment', 'deadline-reminder', 'deadline-missed', 'action-point-assigned', 'action-point-due'],
    NOTICE_KINDS,
  ],
  ['meeting formats', 'meeting-record.ts', ['in-person', 'hybrid', 'teleconference'], MEETING_FORMATS],
  ['attendance states', 'meeting-record.ts', ['present', 'remote', 'excused', 'represented'], ATTENDANCE_STATES],
  ['action point states', 'meeting-record.ts', ['open', 'done'], ACTION_POINT_STATES],
  ['report adoption', 'summary-report.ts', ['adopt'], REPORT_ADOPTION_EVENTS],
  ['report version sources', 'summary-report.ts', ['assembled', 'edited', 'uploaded'], REPORT_VERSION_SOURCES],
  ['version diff operations', 'version-diff.ts', ['equal', 'insert', 'delete'], DIFF_OPS],
  ['block kinds', 'note-blocks.ts', ['paragraph', 'list', 'table'], BLOCK_KINDS],
  ['list styles', 'note-blocks.ts', ['bullet', 'number'], LIST_STYLES],
  [
    'packet changes',
    'packet-changes.ts',
    [
      'item-added',
      'item-removed',
      'item-renumbered',
      'item-retitled',
      'note-added',
      'note-revised',
      'note-withdrawn',
      'item-postponed',
      'annex-added',
      'annex-replaced',
      'annex-removed',
    ],
    PACKET_CHANGE_KINDS,
  ],
];

/**
 * The same spelling with another meaning: not a copy of the word. One a line: the file (or every
 * file under a folder ending in `/`), the exact text around the quoted word, and why it is another
 * word. The test fails when one no longer occurs, so that the list never outlives the code.
 */
const HOMONYMS = `
  src/domain/note-workflow.ts              :: || 'none'                           :: the English word in an error message
  src/services/workflow-service.ts         :: release: 'released',                :: a past tense in a sentence
  src/services/workflow-service.ts         :: withdraw: 'withdrawn',              :: a past tense in a sentence
  src/services/review-service.ts           :: loaded.facts, 'review')             :: the noun in a 404 message
  src/routes/api/review.ts                 :: tags: ['review']                    :: the OpenAPI tag of the review routes
  src/web/item-pages.ts                    :: '"none"'                            :: an ETag that matches no note
  src/web/packet-pages.ts                  :: 'packet',                           :: the name of the page template
  src/web/recipient-pages.ts               :: request.body, 'list')               :: the form field naming a recipient list
  templates/pages/recipients.hbs           :: name="list"                         :: the same form field
  src/web/assets.ts                        :: join(projectRoot, 'public')         :: the folder of static files
  src/ingest/section-headings.ts           :: summary: ['summary',                :: a heading's words as rapporteurs type them
  src/rendering/pdf/pdf-renderer.ts        :: kind: 'packet'                      :: a kind of render task
  src/rendering/pdf/pdf-renderer.ts        :: case 'packet':                      :: the same render task
  src/rendering/pdf/packet-front-matter.ts :: plural(annexes, 'annex', 'annexes') :: the English noun, singular
  src/cli/hidden-prompt.ts                 :: new CliError('cancelled', 130)      :: what a prompt says on Ctrl-C
  src/cli/backup.ts                        :: name: 'restore',                    :: the CLI command that restores a backup
  src/cli/backup.ts                        :: fileArgument(context, 'restore')    :: the same command
  src/plugins/external/security.ts         :: "'none'"                            :: the CSP source keyword
  templates/                               :: type="submit"                       :: the HTML button type
  templates/                               :: {{t "rapporteur"}}                  :: a key of the interface text
  templates/                               :: (t "rapporteur")                    :: a key of the interface text
  templates/pages/meetings.hbs             :: (t "network")                       :: a key of the interface text
  src/services/packet-message.ts           :: ['network']                         :: the meeting row's network, a property name
  src/web/item-extra-pages.ts              :: '"none"'                            :: an ETag that matches no note
  src/web/upload-pages.ts                  :: '"none"'                            :: an ETag that matches no note
  src/web/meeting-edit-pages.ts            :: kind: 'delete'                      :: the delete step of the edit page
  src/web/views/meeting-edit-view.ts       :: kind: 'delete'                      :: the same step's type
  src/db/schema/workflow.ts                :: integer('paragraph')                :: the column of a comment's anchor
  src/db/schema/mail.ts                    :: text('list',                        :: the column of a recipient list
  src/backup/backup.ts                     :: type = 'table'                      :: SQLite's kind of schema object
  src/ingest/read-mammoth-html.ts          :: 'ol', 'table', 'tr'                 :: the HTML element
  src/ingest/read-mammoth-html.ts          :: name === 'table'                    :: the same HTML element
  src/ingest/docx-objects.ts               :: Omit<DocxObject, 'paragraph'        :: the field naming where an object stood
  src/ingest/pdf-tables.ts                 :: Omit<RowLine, 'table'>              :: the field numbering a row's table
  src/web/page-kit.ts                      :: field(request.query, 'done')        :: the query field of a page's confirmation
  src/web/people-pages.ts                  :: request, ['done'])                  :: the same query field, besides the filters
  src/schemas/items.ts                     :: read as "unchanged".                :: the English word in a comment
`
  .trim()
  .split('\n')
  .map((row) => {
    const [file, text, why] = row.split(' :: ').map((cell) => cell.trim()) as [string, string, string];
    return { file, text, why };
  });

/**
 * `procedure` is also the name of the note's procedure field: its column, the request and form
 * field, what a release needs (`WORKFLOW.release.needs`), all written as that quoted name. The
 * section of the same name is reached through `SECTION_KEYS` and `SectionKey.procedure` only
 * (the other two sections are checked), so this one word is left out of the search.
 */
const NOT_SEARCHED: Record<string, string> = {
  procedure: "the note's procedure field has the section's name",
  number: "a JavaScript type (typeof x === 'number') and the name of every numbered column and field",
};

const isUnder = (file: string, where: string) => (where.endsWith('/') ? file.startsWith(where) : file === where);

function filesUnder(folder: string, extension: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .map((name) => join(folder, name).split('\\').join('/'))
    .sort();
}

const FILES = [...filesUnder('src', '.ts'), ...filesUnder('templates', '.hbs')];

/** A file's text without its excused homonyms. */
function textOf(file: string): string {
  let text = readFileSync(file, 'utf8');
  for (const homonym of HOMONYMS.filter((h) => isUnder(file, h.file))) text = text.split(homonym.text).join('');
  return text;
}

const quoted = (word: string) => new RegExp(`(['"])${word.replace(/[-]/g, '\\-')}\\1`);

t.test('each set is the list src/domain defines, word for word', async (t) => {
  for (const [set, , words, list] of SETS) t.same([...list], words, set);
});

t.test('a set names each of its words once, camel-cased where the word has a hyphen', async (t) => {
  t.same(named(['not-adopted', 'secretariat-copies', 'noted']), {
    notAdopted: 'not-adopted',
    secretariatCopies: 'secretariat-copies',
    noted: 'noted',
  });
});

t.test('no enumerated word is written as a quoted literal outside the file that defines it', async (t) => {
  const texts = new Map(FILES.map((file) => [file, textOf(file)]));
  for (const [set, file, words] of SETS) {
    const definedIn = `src/domain/${file}`;
    t.ok(texts.has(definedIn), `${set}: ${definedIn} exists`);
    for (const word of words.filter((w) => !(w in NOT_SEARCHED))) {
      const copies = FILES.filter((file) => file !== definedIn && quoted(word).test(texts.get(file)!));
      t.same(copies, [], `'${word}' (${set}) is written only in ${definedIn}`);
    }
  }
});

t.test('every excused homonym still occurs where it is excused', async (t) => {
  for (const { file, text } of HOMONYMS) {
    const holders = FILES.filter((f) => isUnder(f, file) && readFileSync(f, 'utf8').includes(text));
    t.ok(holders.length > 0, `${file} still holds ${text}`);
  }
});

t.test('the glossary names every word of every set', async (t) => {
  const glossary = readFileSync('src/domain/CONTEXT.md', 'utf8');
  for (const [set, , words] of SETS) {
    for (const word of words) t.ok(glossary.includes(`\`${word}\``), `CONTEXT.md names \`${word}\` (${set})`);
  }
});
