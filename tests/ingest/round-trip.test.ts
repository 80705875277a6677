import t from 'tap';
import { ITEM_9_1, ITEM_9_2 } from '../../src/demo/seed-notes.js';
import { normaliseNoteContent } from '../../src/domain/note-content.js';
import { EHEALTH_HEADER_LINES } from '../../src/services/demo-data.js';
import { actor, createMeeting } from '../factories.js';
import { build, signedIn } from '../helper.js';

/**
 * Guards both sides at once: a note rendered to PDF by agendum and uploaded again comes back
 * with the same structure. A change to the renderer that the reader cannot follow, or to the
 * reader that misses what the renderer does, fails here.
 */
t.test('rendering a version to PDF and uploading that PDF gives the same structure back', async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const staff = actor(secretariat);
  app.services.meetings.createNetwork(staff, { name: 'eHealth Network', headerLines: EHEALTH_HEADER_LINES });
  const meeting = createMeeting(app, secretariat);
  for (const seed of [ITEM_9_1, ITEM_9_2]) {
    const item = app.services.agenda.create(staff, meeting.id, { title: seed.title });
    app.services.notes.createVersion(staff, item.id, seed.content);
    const pdf = await app.services.pdf.notePdf(staff, item.id);
    const result = await app.services.ingest.ingestDraft(
      staff,
      item.id,
      { bytes: pdf.bytes, fileName: pdf.fileName },
      { dryRun: true },
    );
    t.same(result.warnings, [], `${seed.title}: no warnings`);
    t.same(result.recognised.item, { number: item.number, title: seed.title });
    t.equal(result.recognised.meetingLine, '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM');
    t.same(
      { sections: result.recognised.sections, footnotes: result.recognised.footnotes },
      normaliseNoteContent(seed.content),
      `${seed.title}: same sections, paragraphs and footnotes`,
    );
  }
});
