import t from 'tap';
import { PDFDocument } from 'pdf-lib';
import { actor, createNetwork, eighteenthMeeting } from '../factories.js';
import { build, signedIn, type SignedIn, type TestApp } from '../helper.js';
import { pdfLines } from '../support/pdf-text.js';

/**
 * Delegates read what was released and nothing else. The states where drafts used to leak are
 * built on purpose: a note released at its third version after two unreleased ones (the first
 * uploaded as a file), a note reopened after release with a new draft, a note limited to Member
 * State delegates, and a rapporteur demoted to delegate. Every reader asks every route, API and
 * web; the expectations are data, with the words each answer must and must not hold.
 */

type Reader =
  'admin' | 'secretariat' | 'rapporteur' | 'otherRapporteur' | 'delegate' | 'observer' | 'demoted' | 'anonymous';
const READERS: Reader[] = [
  'admin',
  'secretariat',
  'rapporteur',
  'otherRapporteur',
  'delegate',
  'observer',
  'demoted',
  'anonymous',
];

// The words that mark each text: a reader who must not see a draft must not find its word.
const FIRST_DRAFT = 'Firstdraftword';
const SECOND_DRAFT = 'Seconddraftword';
const RELEASED_A = 'Releasedwordalpha';
const RELEASED_B = 'Releasedwordbravo';
const REOPENED_DRAFT = 'Reopeneddraftword';
const LIMITED = 'Limitedwordcharlie';
const COMMENT = 'Tighten the second paragraph';

const draftText = (word: string) =>
  [
    '1. Issue at stake',
    '',
    `The ${word} paragraph on what is at stake.`,
    '',
    '2. Summary',
    '',
    `A summary that carries the ${word} too.`,
    '',
    '3. Format of procedure in the meeting',
    '',
    'For information.',
    '',
  ].join('\n');

const content = (word: string) => ({
  sections: {
    issueAtStake: [`The ${word} paragraph on what is at stake.`],
    summary: [`A summary that carries the ${word} too.`],
    procedure: ['For information.'],
  },
});

interface World {
  cast: Record<Exclude<Reader, 'anonymous'>, SignedIn>;
  meetingId: number;
  released: number; // item with versions 1 (upload), 2 (JSON), 3 (upload, released)
  reopened: number; // item released at version 1, reopened, version 2 drafted
  limited: number; // item limited to Member State delegates, released
}

async function world(app: TestApp): Promise<World> {
  const cast = {
    admin: await signedIn(app, 'admin'),
    secretariat: await signedIn(app, 'secretariat'),
    rapporteur: await signedIn(app, 'rapporteur'),
    otherRapporteur: await signedIn(app, 'rapporteur'),
    delegate: await signedIn(app, 'delegate'),
    observer: await signedIn(app, 'delegate'),
    demoted: await signedIn(app, 'rapporteur'),
  };
  const staff = actor(cast.secretariat);
  const rapporteur = actor(cast.rapporteur);
  createNetwork(app, cast.secretariat);
  const meeting = eighteenthMeeting(app, staff);
  app.services.recipients.set(staff, meeting.id, 'delegates', [cast.delegate.id, cast.demoted.id]);
  app.services.recipients.set(staff, meeting.id, 'observers', [cast.observer.id]);
  const both = [cast.rapporteur.id, cast.demoted.id];

  const released = app.services.agenda.create(staff, meeting.id, { title: 'Released at three', rapporteurIds: both });
  const upload = (word: string) => ({ bytes: Buffer.from(draftText(word)), fileName: `${word}.txt` });
  await app.services.ingest.ingestDraft(rapporteur, released.id, upload(FIRST_DRAFT), { dryRun: false });
  app.services.notes.createVersion(rapporteur, released.id, content(SECOND_DRAFT));
  app.services.review.add(staff, released.id, { body: COMMENT, version: 2 });
  await app.services.ingest.ingestDraft(rapporteur, released.id, upload(RELEASED_A), { dryRun: false });
  const annex = await PDFDocument.create();
  annex.addPage();
  await app.services.ingest.addAnnex(rapporteur, released.id, {
    bytes: Buffer.from(await annex.save()),
    fileName: 'a.pdf',
  });
  app.services.workflow.perform(rapporteur, released.id, { event: 'submit' });
  app.services.workflow.perform(staff, released.id, { event: 'release', procedure: 'for-information' });

  const reopened = app.services.agenda.create(staff, meeting.id, { title: 'Reopened', rapporteurIds: both });
  app.services.notes.createVersion(rapporteur, reopened.id, content(RELEASED_B));
  app.services.workflow.perform(rapporteur, reopened.id, { event: 'submit' });
  app.services.workflow.perform(staff, reopened.id, { event: 'release', procedure: 'for-discussion' });
  app.services.workflow.perform(staff, reopened.id, { event: 'reopen', comment: 'A figure is wrong.' });
  app.services.notes.createVersion(rapporteur, reopened.id, content(REOPENED_DRAFT));

  const limited = app.services.agenda.create(staff, meeting.id, {
    title: 'Delegates only',
    rapporteurIds: both,
    audience: 'limited',
    audienceGroups: ['delegates'],
  });
  app.services.notes.createVersion(rapporteur, limited.id, content(LIMITED));
  app.services.workflow.perform(rapporteur, limited.id, { event: 'submit' });
  app.services.workflow.perform(staff, limited.id, { event: 'release', procedure: 'for-information' });

  // Demoted after the fact: the assignment stays, the role goes.
  await app.services.people.update(actor(cast.admin), cast.demoted.id, { role: 'delegate' });
  return { cast, meetingId: meeting.id, released: released.id, reopened: reopened.id, limited: limited.id };
}

/** An expected answer: a status, and for 200 the words it must hold and must not hold. */
interface Expect {
  status: number;
  has?: string[];
  lacks?: string[];
}
const circle = (has: string[] = []): Expect => ({ status: 200, has });
const hidden: Expect = { status: 404, lacks: [FIRST_DRAFT, SECOND_DRAFT, REOPENED_DRAFT, COMMENT] };
const publicText = (has: string[], lacks: string[]): Expect => ({ status: 200, has, lacks });

// The readers outside the drafting circle: each sees published text only.
const OUTSIDERS = ['otherRapporteur', 'delegate', 'observer', 'demoted'] as const;
const INSIDERS = ['admin', 'secretariat', 'rapporteur'] as const;
const each = (readers: readonly Reader[], e: Expect) => Object.fromEntries(readers.map((r) => [r, e]));

interface Row {
  url: (w: World) => string;
  expect: Partial<Record<Reader, Expect>>;
  pdf?: boolean;
}

const notDrafts = [FIRST_DRAFT, SECOND_DRAFT, COMMENT];
const ROWS: Record<string, Row> = {
  'API note of a note released at version 3': {
    url: (w) => `/api/v1/items/${w.released}/note`,
    expect: { ...each(INSIDERS, circle([RELEASED_A])), ...each(OUTSIDERS, publicText([RELEASED_A], notDrafts)) },
  },
  'API versions of it': {
    url: (w) => `/api/v1/items/${w.released}/note/versions`,
    expect: {
      ...each(INSIDERS, circle([FIRST_DRAFT, SECOND_DRAFT, RELEASED_A])),
      ...each(OUTSIDERS, publicText([RELEASED_A], notDrafts)),
    },
  },
  'API version 1 (unreleased upload)': {
    url: (w) => `/api/v1/items/${w.released}/note/versions/1`,
    expect: { ...each(INSIDERS, circle([FIRST_DRAFT])), ...each(OUTSIDERS, hidden) },
  },
  'API version 2 (unreleased)': {
    url: (w) => `/api/v1/items/${w.released}/note/versions/2`,
    expect: { ...each(INSIDERS, circle([SECOND_DRAFT])), ...each(OUTSIDERS, hidden) },
  },
  'API version 3 (released)': {
    url: (w) => `/api/v1/items/${w.released}/note/versions/3`,
    expect: { ...each(INSIDERS, circle([RELEASED_A])), ...each(OUTSIDERS, publicText([RELEASED_A], notDrafts)) },
  },
  'API original of version 1': {
    url: (w) => `/api/v1/items/${w.released}/note/versions/1/original`,
    expect: { ...each(INSIDERS, circle([FIRST_DRAFT])), ...each(OUTSIDERS, hidden) },
  },
  'API original of version 3 (released, but the upload is the drafting circle’s)': {
    url: (w) => `/api/v1/items/${w.released}/note/versions/3/original`,
    expect: { ...each(INSIDERS, circle([RELEASED_A])), ...each(OUTSIDERS, hidden) },
  },
  'API diff 1 -> 3': {
    url: (w) => `/api/v1/items/${w.released}/note/versions/1/diff/3`,
    expect: { ...each(INSIDERS, circle([FIRST_DRAFT, RELEASED_A])), ...each(OUTSIDERS, hidden) },
  },
  'API diff 2 -> 3': {
    url: (w) => `/api/v1/items/${w.released}/note/versions/2/diff/3`,
    expect: { ...each(INSIDERS, circle([SECOND_DRAFT])), ...each(OUTSIDERS, hidden) },
  },
  'API comments': {
    url: (w) => `/api/v1/items/${w.released}/note/comments`,
    expect: { ...each(INSIDERS, circle([COMMENT])), ...each(OUTSIDERS, hidden) },
  },
  'API history': {
    url: (w) => `/api/v1/items/${w.released}/note/history`,
    expect: { ...each(INSIDERS, circle(['release'])), ...each(OUTSIDERS, hidden) },
  },
  'API publications': {
    url: (w) => `/api/v1/items/${w.released}/note/publications`,
    expect: { ...each(INSIDERS, circle(['"version":3'])), ...each(OUTSIDERS, publicText(['"version":3'], notDrafts)) },
  },
  'API annexes': {
    url: (w) => `/api/v1/items/${w.released}/annexes`,
    expect: { ...each(INSIDERS, circle(['a.pdf'])), ...each(OUTSIDERS, publicText(['a.pdf'], [])) },
  },
  'note.pdf of it': {
    pdf: true,
    url: (w) => `/api/v1/items/${w.released}/note.pdf`,
    expect: { ...each(INSIDERS, circle([RELEASED_A])), ...each(OUTSIDERS, publicText([RELEASED_A], notDrafts)) },
  },
  'note.pdf?version=1': {
    pdf: true,
    url: (w) => `/api/v1/items/${w.released}/note.pdf?version=1`,
    expect: { ...each(INSIDERS, circle([FIRST_DRAFT])), ...each(OUTSIDERS, hidden) },
  },
  'web item page': {
    url: (w) => `/items/${w.released}`,
    expect: { ...each(INSIDERS, circle([RELEASED_A])), ...each(OUTSIDERS, publicText([RELEASED_A], notDrafts)) },
  },
  'web diff page 1 -> 3': {
    url: (w) => `/items/${w.released}/diff?a=1&b=3`,
    expect: { ...each(INSIDERS, circle([FIRST_DRAFT])), ...each(OUTSIDERS, hidden) },
  },
  'API note reopened after release': {
    url: (w) => `/api/v1/items/${w.reopened}/note`,
    expect: {
      ...each(INSIDERS, circle([REOPENED_DRAFT, '"state":"drafting"'])),
      ...each(OUTSIDERS, publicText([RELEASED_B, '"state":"released"', '"underRevision":true'], [REOPENED_DRAFT])),
    },
  },
  'API versions of the reopened note': {
    url: (w) => `/api/v1/items/${w.reopened}/note/versions`,
    expect: {
      ...each(INSIDERS, circle([RELEASED_B, REOPENED_DRAFT])),
      ...each(OUTSIDERS, publicText([RELEASED_B], [REOPENED_DRAFT])),
    },
  },
  'API the reopened note’s new draft (version 2)': {
    url: (w) => `/api/v1/items/${w.reopened}/note/versions/2`,
    expect: { ...each(INSIDERS, circle([REOPENED_DRAFT])), ...each(OUTSIDERS, hidden) },
  },
  'note.pdf of the reopened note': {
    pdf: true,
    url: (w) => `/api/v1/items/${w.reopened}/note.pdf`,
    expect: {
      ...each(INSIDERS, circle([REOPENED_DRAFT])),
      ...each(OUTSIDERS, publicText([RELEASED_B, 'For discussion'], [REOPENED_DRAFT, 'Draft'])),
    },
  },
  'web page of the reopened note': {
    url: (w) => `/items/${w.reopened}`,
    expect: {
      ...each(INSIDERS, circle([REOPENED_DRAFT])),
      ...each(OUTSIDERS, publicText([RELEASED_B, 'under revision'], [REOPENED_DRAFT])),
    },
  },
  'API note limited to Member State delegates': {
    url: (w) => `/api/v1/items/${w.limited}/note`,
    expect: {
      ...each(INSIDERS, circle([LIMITED])),
      otherRapporteur: hidden,
      delegate: publicText([LIMITED], []),
      observer: { status: 404, lacks: [LIMITED] },
      demoted: publicText([LIMITED], []),
    },
  },
  'note.pdf of the limited note': {
    pdf: true,
    url: (w) => `/api/v1/items/${w.limited}/note.pdf`,
    expect: {
      ...each(INSIDERS, circle([LIMITED])),
      otherRapporteur: hidden,
      delegate: publicText([LIMITED], []),
      observer: { status: 404, lacks: [LIMITED] },
      demoted: publicText([LIMITED], []),
    },
  },
  'web page of the limited note': {
    url: (w) => `/items/${w.limited}`,
    expect: {
      ...each(INSIDERS, circle([LIMITED])),
      otherRapporteur: publicText([], [LIMITED]),
      delegate: publicText([LIMITED], []),
      observer: publicText([], [LIMITED]),
      demoted: publicText([LIMITED], []),
    },
  },
  'packet.pdf of the meeting': {
    pdf: true,
    url: (w) => `/api/v1/meetings/${w.meetingId}/packet.pdf?includeDrafts=false`,
    expect: {
      // The secretariat learns which notes hold up the packet (the reopened one).
      admin: { status: 409 },
      secretariat: { status: 409 },
      rapporteur: publicText([RELEASED_A, RELEASED_B, LIMITED], [REOPENED_DRAFT, ...notDrafts]),
      otherRapporteur: publicText([RELEASED_A, RELEASED_B], [REOPENED_DRAFT, LIMITED, ...notDrafts]),
      delegate: publicText([RELEASED_A, RELEASED_B, LIMITED], [REOPENED_DRAFT, ...notDrafts]),
      observer: publicText(
        [RELEASED_A, RELEASED_B, 'Delegates only', 'not distributed to this list'],
        [REOPENED_DRAFT, LIMITED, ...notDrafts],
      ),
      demoted: publicText([RELEASED_A, RELEASED_B, LIMITED], [REOPENED_DRAFT, ...notDrafts]),
    },
  },
};

t.test('every reader asks every route about released, reopened and limited notes', async (t) => {
  const app = await build(t);
  const w = await world(app);
  for (const [name, row] of Object.entries(ROWS)) {
    for (const reader of READERS) {
      const expected: Expect =
        reader === 'anonymous' ? { status: row.url(w).startsWith('/api') ? 401 : 303 } : row.expect[reader]!;
      if (!expected) continue;
      const who = reader === 'anonymous' ? null : w.cast[reader];
      const res = await app.inject({ method: 'GET', url: row.url(w), headers: who ? who.headers : {} });
      const label = `${reader}: ${name}`;
      if (res.statusCode !== expected.status) {
        t.fail(`${label} -> ${res.statusCode}, expected ${expected.status} (${res.body.slice(0, 200)})`);
        continue;
      }
      const text = row.pdf && res.statusCode === 200 ? (await pdfLines(res.rawPayload)).join('\n') : res.body;
      for (const word of expected.has ?? []) t.ok(text.includes(word), `${label} holds "${word}"`);
      for (const word of expected.lacks ?? []) t.notOk(text.includes(word), `${label} lacks "${word}"`);
      if (!expected.has && !expected.lacks) t.pass(`${label} -> ${expected.status}`);
    }
  }
});

t.test('readers of a published note act on nothing: procedure, versions, comments, transitions', async (t) => {
  const app = await build(t);
  const w = await world(app);
  const attempts = [
    { method: 'PATCH', url: `/api/v1/items/${w.reopened}/note`, payload: { procedure: 'for-adoption' } },
    { method: 'POST', url: `/api/v1/items/${w.reopened}/note/versions`, payload: content('Intruderword') },
    { method: 'POST', url: `/api/v1/items/${w.reopened}/note/transitions`, payload: { event: 'submit' } },
    { method: 'POST', url: `/api/v1/items/${w.reopened}/note/comments`, payload: { body: 'Intruder comment' } },
  ] as const;
  for (const reader of OUTSIDERS) {
    for (const attempt of attempts) {
      const res = await app.inject({ ...attempt, headers: { ...w.cast[reader].headers, 'if-match': '*' } });
      t.ok([403, 404].includes(res.statusCode), `${reader}: ${attempt.method} ${attempt.url} -> ${res.statusCode}`);
    }
  }
  const note = app.services.notes.get(actor(w.cast.secretariat), w.reopened);
  t.equal(note.procedure, 'for-discussion', 'the procedure is unchanged');
  t.equal(note.versionCount, 2, 'no version was added');
});
