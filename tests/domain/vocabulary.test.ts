import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { AUDIENCE_GROUPS, AUDIENCES } from '../../src/domain/audience.js';
import { OUTBOX_KINDS, OUTBOX_STATUSES } from '../../src/domain/delivery.js';
import { FILE_PURPOSES } from '../../src/domain/file-purpose.js';
import { MEETING_STATUSES } from '../../src/domain/meeting-status.js';
import { SECTION_KEYS } from '../../src/domain/note-content.js';
import { NOTE_EVENTS, NOTE_STATES, OUTCOMES } from '../../src/domain/note-workflow.js';
import { NOTICE_KINDS } from '../../src/domain/notification-kind.js';
import { PACKET_CONTENTS, PACKET_FORMATS } from '../../src/domain/packet-content.js';
import { NOTE_ACCESS } from '../../src/domain/permissions.js';
import { PROCEDURE_KINDS } from '../../src/domain/procedure.js';
import { ROLES } from '../../src/domain/roles.js';
import { DIFF_OPS } from '../../src/domain/version-diff.js';
import { named } from '../../src/domain/words.js';

/**
 * Every enumerated word is written once: in the `as const` list of src/domain that defines its
 * set. Everything else names it through that list (`NoteState.released`,
 * `literalUnion(NOTE_EVENTS)`, `text('state', { enum: NOTE_STATES })`, the templates' `@words`),
 * so a quoted copy of a word anywhere else in src/ or templates/ is a second definition, one
 * that can drift. The sets are stated here literally, and each is checked against its list.
 */
const SETS: { set: string; definedIn: string; words: string[]; list: readonly string[] }[] = [
  {
    set: 'note states',
    definedIn: 'src/domain/note-workflow.ts',
    words: ['drafting', 'review', 'released', 'withdrawn'],
    list: NOTE_STATES,
  },
  {
    set: 'workflow events',
    definedIn: 'src/domain/note-workflow.ts',
    words: ['submit', 'return', 'release', 'reopen', 'withdraw', 'restore'],
    list: NOTE_EVENTS,
  },
  {
    set: 'outcomes',
    definedIn: 'src/domain/note-workflow.ts',
    words: ['noted', 'adopted', 'not-adopted', 'postponed'],
    list: OUTCOMES,
  },
  {
    set: 'roles',
    definedIn: 'src/domain/roles.ts',
    words: ['admin', 'secretariat', 'rapporteur', 'delegate'],
    list: ROLES,
  },
  {
    set: 'sections',
    definedIn: 'src/domain/note-content.ts',
    words: ['issueAtStake', 'summary', 'procedure'],
    list: SECTION_KEYS,
  },
  {
    set: 'procedures',
    definedIn: 'src/domain/procedure.ts',
    words: ['for-information', 'for-discussion', 'for-adoption'],
    list: PROCEDURE_KINDS,
  },
  {
    set: 'markings',
    definedIn: 'src/domain/audience.ts',
    words: ['public', 'network', 'limited'],
    list: AUDIENCES,
  },
  {
    set: 'recipient groups',
    definedIn: 'src/domain/audience.ts',
    words: ['delegates', 'observers', 'secretariat-copies'],
    list: AUDIENCE_GROUPS,
  },
  {
    set: 'note access',
    definedIn: 'src/domain/permissions.ts',
    words: ['drafts', 'published', 'none'],
    list: NOTE_ACCESS,
  },
  {
    set: 'meeting statuses',
    definedIn: 'src/domain/meeting-status.ts',
    words: ['planned', 'held', 'cancelled'],
    list: MEETING_STATUSES,
  },
  {
    set: 'packet formats',
    definedIn: 'src/domain/packet-content.ts',
    words: ['combined', 'separate'],
    list: PACKET_FORMATS,
  },
  {
    set: 'packet contents',
    definedIn: 'src/domain/packet-content.ts',
    words: ['personal', 'combined', 'separate'],
    list: PACKET_CONTENTS,
  },
  {
    set: 'outbox kinds',
    definedIn: 'src/domain/delivery.ts',
    words: ['packet', 'digest'],
    list: OUTBOX_KINDS,
  },
  {
    set: 'outbox statuses',
    definedIn: 'src/domain/delivery.ts',
    words: ['queued', 'sending', 'sent', 'failed'],
    list: OUTBOX_STATUSES,
  },
  {
    set: 'stored file purposes',
    definedIn: 'src/domain/file-purpose.ts',
    words: ['draft', 'annex'],
    list: FILE_PURPOSES,
  },
  {
    set: 'notification kinds (besides note-<event>)',
    definedIn: 'src/domain/notification-kind.ts',
    words: ['review-comment', 'deadline-reminder', 'deadline-missed'],
    list: NOTICE_KINDS,
  },
  {
    set: 'version diff operations',
    definedIn: 'src/domain/version-diff.ts',
    words: ['equal', 'insert', 'delete'],
    list: DIFF_OPS,
  },
];

/**
 * The same spelling with another meaning: not a copy of the word. Each is the exact text
 * around the quoted word, in one file (or every file under a folder ending in `/`); the test
 * fails when one no longer occurs, so that the list never outlives the code it excuses.
 */
const HOMONYMS: { file: string; text: string; why: string }[] = [
  { file: 'src/domain/note-workflow.ts', text: "|| 'none'", why: 'the English word in an error message' },
  { file: 'src/services/workflow-service.ts', text: "release: 'released',", why: 'a past tense in a sentence' },
  { file: 'src/services/workflow-service.ts', text: "withdraw: 'withdrawn',", why: 'a past tense in a sentence' },
  { file: 'src/services/review-service.ts', text: "loaded.facts, 'review')", why: 'the noun in a 404 message' },
  { file: 'src/routes/api/review.ts', text: "tags: ['review']", why: 'the OpenAPI tag of the review routes' },
  { file: 'src/web/views/diff-view.ts', text: "Services['review']", why: 'the review service' },
  { file: 'src/web/item-pages.ts', text: `'"none"'`, why: 'an ETag that matches no note' },
  { file: 'src/web/packet-pages.ts', text: "'packet',", why: 'the name of the page template' },
  { file: 'src/web/index.ts', text: "join(projectRoot, 'public')", why: 'the folder of static files' },
  { file: 'src/rendering/pdf/pdf-renderer.ts', text: "kind: 'packet'", why: 'a kind of render task' },
  { file: 'src/rendering/pdf/pdf-renderer.ts', text: "case 'packet':", why: 'the same render task' },
  {
    file: 'src/rendering/pdf/packet-front-matter.ts',
    text: "plural(annexes, 'annex', 'annexes')",
    why: 'the English noun, singular',
  },
  { file: 'src/cli/hidden-prompt.ts', text: "new CliError('cancelled', 130)", why: 'what a prompt says on Ctrl-C' },
  { file: 'src/cli/backup.ts', text: "name: 'restore',", why: 'the CLI command that restores a backup' },
  { file: 'src/cli/backup.ts', text: "fileArgument(context, 'restore')", why: 'the same command' },
  { file: 'src/plugins/external/security.ts', text: `"'none'"`, why: 'the CSP source keyword' },
  { file: 'templates/', text: 'type="submit"', why: 'the HTML button type' },
  { file: 'templates/', text: '{{t "rapporteur"}}', why: 'a key of the interface text' },
];

/**
 * `procedure` is also the name of the note's procedure field: its column, the request and form
 * field, what a release needs (`WORKFLOW.release.needs`), all written as that quoted name. The
 * section of the same name is reached through `SECTION_KEYS` and `SectionKey.procedure` only
 * (the other two sections are checked), so this one word is left out of the search.
 */
const NOT_SEARCHED: Record<string, string> = { procedure: "the note's procedure field has the section's name" };

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
  for (const { set, words, list } of SETS) t.same([...list], words, set);
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
  for (const { set, definedIn, words } of SETS) {
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
  for (const { set, words } of SETS) {
    for (const word of words) t.ok(glossary.includes(`\`${word}\``), `CONTEXT.md names \`${word}\` (${set})`);
  }
});
