import t, { type Test } from 'tap';
import { ITEM_9_1, ITEM_9_2 } from '../../src/demo/seed-notes.js';
import { normaliseNoteContent, type NoteContentInput } from '../../src/domain/note-content.js';
import { EHEALTH_HEADER_LINES } from '../../src/services/demo-data.js';
import { actor, createMeeting } from '../factories.js';
import { LIST_TABLE_NOTE } from '../support/docx-notes.js';
import { build, signedIn } from '../helper.js';

/**
 * Guards both sides at once: a note rendered to PDF by agendum and uploaded again comes back
 * with the same structure. A change to the renderer that the reader cannot follow, or to the
 * reader that misses what the renderer does, fails here.
 */
/** A meeting of the eHealth Network, and a way to print a note of it and read that PDF back (a dry run). */
async function printAndReadBack(t: Test) {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const staff = actor(secretariat);
  app.services.meetings.createNetwork(staff, { name: 'eHealth Network', headerLines: EHEALTH_HEADER_LINES });
  const meeting = createMeeting(app, secretariat);
  return async (title: string, content: NoteContentInput) => {
    const item = app.services.agenda.create(staff, meeting.id, { title });
    app.services.notes.createVersion(staff, item.id, content);
    const pdf = await app.services.pdf.notePdf(staff, item.id);
    const upload = { bytes: pdf.bytes, fileName: pdf.fileName };
    return { item, result: await app.services.ingest.ingestDraft(staff, item.id, upload, { dryRun: true }) };
  };
}

t.test('rendering a version to PDF and uploading that PDF gives the same structure back', async (t) => {
  const readBack = await printAndReadBack(t);
  for (const seed of [ITEM_9_1, ITEM_9_2]) {
    const { item, result } = await readBack(seed.title, seed.content);
    t.same(
      result.warnings,
      [
        {
          code: 'unread-content',
          message:
            'The running heads and page numbers of the PDF are not read into the note: "Distribution: eHealth Network members and observers / Draft — version 1, drafting".',
        },
      ],
      `${seed.title}: only the running head and the draft label, left out and said so`,
    );
    t.same(result.recognised.item, { number: item.number, title: seed.title });
    t.equal(result.recognised.meetingLine, '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM');
    t.same(
      { sections: result.recognised.sections, footnotes: result.recognised.footnotes },
      normaliseNoteContent(seed.content),
      `${seed.title}: same sections, paragraphs and footnotes`,
    );
  }
});

t.test('a note with lists, a nested list and a table comes back from its PDF as the same blocks', async (t) => {
  const readBack = await printAndReadBack(t);
  const { result } = await readBack(LIST_TABLE_NOTE.title, LIST_TABLE_NOTE.content);
  const text = (value: string) => [{ text: value }];
  // A PDF keeps a link's text, not its target: the one difference, stated here.
  t.same(result.recognised.sections.summary, [
    text('The Work Stream met three times:'),
    {
      block: 'list',
      style: 'bullet',
      items: [{ runs: text('in Brussels;') }, { runs: text('online;') }, { runs: text('at the ENISA in Athens.') }],
    },
    {
      block: 'list',
      style: 'number',
      items: [
        { runs: text('Agree the mandate.') },
        {
          runs: text('Collect practices:'),
          sublist: { style: 'number', items: [{ runs: text('hospitals') }, { runs: text('insurers') }] },
        },
        { runs: text('Report to the Network.') },
      ],
    },
    {
      block: 'table',
      header: [text('Date'), text('Step')],
      rows: [
        [text('29 January 2020'), text('Work Stream created')],
        [text('12 November 2020'), text('First update')],
      ],
    },
  ]);
});
