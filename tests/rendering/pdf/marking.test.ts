import { eq } from 'drizzle-orm';
import t from 'tap';
import { agendaItems } from '../../../src/db/schema/agenda.js';
import { ITEM_9_1 } from '../../../src/demo/seed-notes.js';
import { normaliseNoteContent } from '../../../src/domain/note-content.js';
import { renderCoverNotePdf } from '../../../src/rendering/pdf/cover-note-pdf.js';
import { buildNoteView } from '../../../src/rendering/views/note-view.js';
import { EHEALTH_HEADER_LINES } from '../../../src/services/demo-data.js';
import { actor, createItem, meetingSetup } from '../../factories.js';
import { as, build, signedIn } from '../../helper.js';
import { pdfText } from '../../support/pdf-text.js';
import { CREATED_AT, longNote, MEETING_18 } from '../../support/note-views.js';

/** Issue 13: the distribution marking is printed on every page of a note, alone or in a packet. */

const NETWORK = 'Distribution: eHealth Network members and observers';
const DELEGATES_ONLY = 'Limited distribution: Member State delegates only';

function longNoteView(marking?: { audience: 'public' | 'network' | 'limited'; audienceGroups: string[] }) {
  return buildNoteView({
    meeting: MEETING_18,
    headerLines: EHEALTH_HEADER_LINES,
    item: { number: '4', title: 'Cross-border health data' },
    note: { state: 'released', procedure: 'for-discussion', currentVersionId: 7 },
    version: { id: 7, number: 1, content: normaliseNoteContent(longNote(20)), createdAt: CREATED_AT },
    ...(marking ? { marking } : {}),
  });
}

t.test('a three-page note prints its limited marking at the top of each page', async (t) => {
  const pdf = await renderCoverNotePdf(longNoteView({ audience: 'limited', audienceGroups: ['delegates'] }), {
    now: new Date(CREATED_AT),
  });
  const pages = await pdfText(pdf);
  t.equal(pages.length, 3);
  t.same(
    pages.map((p) => p.lines[0]),
    [DELEGATES_ONLY, DELEGATES_ONLY, DELEGATES_ONLY],
  );
});

t.test('a note without a marking prints the network distribution on each page', async (t) => {
  const pages = await pdfText(await renderCoverNotePdf(longNoteView(), { now: new Date(CREATED_AT) }));
  t.equal(pages.length, 3);
  t.same(
    pages.map((p) => p.lines[0]),
    [NETWORK, NETWORK, NETWORK],
  );
});

t.test("note.pdf and the packet print the item's marking, network by default", async (t) => {
  const app = await build(t);
  const secretariat = await signedIn(app, 'secretariat');
  const meeting = await meetingSetup(app, secretariat);
  const [open, limited] = ['Open item', 'Delegates only item'].map((title) => {
    const item = createItem(app, secretariat, meeting.id, { title });
    app.services.notes.createVersion(actor(secretariat), item.id, ITEM_9_1.content);
    app.services.workflow.perform(actor(secretariat), item.id, { event: 'submit' });
    app.services.workflow.perform(actor(secretariat), item.id, { event: 'release', procedure: 'for-information' });
    return item;
  });
  app.database.db
    .update(agendaItems)
    .set({ audience: 'limited', audienceGroups: ['delegates'] })
    .where(eq(agendaItems.id, limited!.id))
    .run();

  const notePage = async (itemId: number) => {
    const res = await as(app, secretariat, { method: 'GET', url: `/api/v1/items/${itemId}/note.pdf` });
    t.equal(res.statusCode, 200);
    return (await pdfText(res.rawPayload))[0]!.lines[0];
  };
  t.equal(await notePage(open!.id), NETWORK);
  t.equal(await notePage(limited!.id), DELEGATES_ONLY);

  const packet = await as(app, secretariat, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/packet.pdf` });
  t.equal(packet.statusCode, 200);
  const heads = (await pdfText(packet.rawPayload)).map((p) => p.lines[0]);
  t.ok(heads.includes(NETWORK), 'the open note in the packet');
  t.ok(heads.includes(DELEGATES_ONLY), 'the limited note in the packet');
});
