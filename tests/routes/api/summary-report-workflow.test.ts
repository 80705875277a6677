import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { as, build, problemOf, type SignedIn } from '../../helper.js';
import { fileUpload, multipart } from '../../support/multipart.js';
import { pdfText } from '../../support/pdf-text.js';
import { recordedMeeting, signedInAs } from '../../support/recorded-meeting.js';

type App = Awaited<ReturnType<typeof build>>;

/** The 18th meeting recorded: conclusions for 9.1 and 9.2, an action point, three delegates' attendance. */
async function recorded(app: App) {
  const fixture = await recordedMeeting(app);
  const { staff, meeting, item91, item92, delegates } = fixture;
  const { records, actionPoints } = app.services;
  records.setDetails(staff, meeting.id, {
    format: 'hybrid',
    coChairNames: ['Ioana-Maria Gligor'],
    coChairFunctions: ['Director, DG SANTE'],
  });
  records.setAttendance(staff, meeting.id, delegates[0]!.id, { state: 'present' });
  records.setAttendance(staff, meeting.id, delegates[1]!.id, { state: 'excused' });
  records.setConclusions(staff, item91.id, {
    blocks: [[{ text: 'The Network took note of the update.' }]],
  });
  records.setConclusions(staff, item92.id, {
    blocks: [[{ text: 'The Network adopted the reflections paper.' }]],
  });
  actionPoints.add(staff, item91.id, { what: 'Send comments on the guidelines', ownerDelegation: 'Belgium' });
  const delegate = signedInAs(app, delegates[0]!);
  return { ...fixture, delegate };
}

const url = (meetingId: number, rest = '') => `/api/v1/meetings/${meetingId}/summary-report${rest}`;

async function move(app: App, who: SignedIn, meetingId: number, body: Record<string, unknown>) {
  return as(app, who, { method: 'POST', url: url(meetingId, '/transitions'), payload: body });
}

const paragraphText = (conclusions: { blocks: unknown[] }) => JSON.stringify(conclusions.blocks);

t.test('the report is assembled, edited, diffed, released for comments, reopened and adopted', async (t) => {
  const app = await build(t);
  const { secretariat, staff, meeting, next, item91, item92, delegate } = await recorded(app);

  const none = await as(app, secretariat, { method: 'GET', url: url(meeting.id) });
  t.equal(none.statusCode, 404, 'no report before it is assembled');

  const assembled = await as(app, secretariat, { method: 'POST', url: url(meeting.id) });
  t.equal(assembled.statusCode, 200);
  const first = assembled.json();
  t.equal(first.state, 'drafting');
  t.equal(first.version, 1);
  t.same(first.allowedEvents, ['submit']);
  t.same(
    first.versions.map((v: { number: number; source: string }) => [v.number, v.source]),
    [[1, 'assembled']],
  );
  const item = (report: { text: { items: { itemId: number }[] } }, id: number) =>
    report.text.items.find((i) => i.itemId === id) as unknown as {
      number: string;
      conclusions: { blocks: unknown[] };
      actionPoints: { what: string; owner: string }[];
    };
  t.equal(item(first, item91.id).number, '9.1');
  t.equal(paragraphText(item(first, item91.id).conclusions), '[[{"text":"The Network took note of the update."}]]');
  t.same(
    item(first, item91.id).actionPoints.map((p) => [p.what, p.owner]),
    [['Send comments on the guidelines', 'Belgium']],
  );
  t.same(first.text.format, 'hybrid');
  t.same(
    first.text.attendance
      .filter((a: { state: string | null }) => a.state !== null)
      .map((a: { delegation: string; state: string }) => [a.delegation, a.state]),
    [
      ['Austria', 'present'],
      ['Belgium', 'excused'],
    ],
  );

  t.equal(
    (await as(app, delegate, { method: 'GET', url: url(meeting.id) })).statusCode,
    404,
    "a draft is not the delegates'",
  );
  t.equal((await as(app, delegate, { method: 'GET', url: url(meeting.id, '.pdf') })).statusCode, 404);
  t.equal((await as(app, delegate, { method: 'POST', url: url(meeting.id) })).statusCode, 403);

  const edited = await as(app, secretariat, {
    method: 'PUT',
    url: url(meeting.id, '/text'),
    payload: {
      baseVersion: 1,
      opening: { blocks: [[{ text: 'The co-chair opened the meeting and the agenda was approved.' }]] },
      items: [
        {
          itemId: item91.id,
          conclusions: { blocks: [[{ text: 'The Network took note of the Work Stream 12 update.' }]] },
        },
      ],
    },
  });
  t.equal(edited.statusCode, 200, edited.body);
  t.equal(edited.json().version, 2);
  t.equal(edited.json().versions[1].source, 'edited');

  const stale = await as(app, secretariat, {
    method: 'PUT',
    url: url(meeting.id, '/text'),
    payload: { baseVersion: 1, opening: { blocks: [[{ text: 'Lost update' }]] } },
  });
  t.equal(stale.statusCode, 409, 'an edit made on an older version is refused');
  t.match(problemOf(t, stale).detail, /version 2, not 1/);

  const unknownItem = await as(app, secretariat, {
    method: 'PUT',
    url: url(meeting.id, '/text'),
    payload: { items: [{ itemId: 999_999, conclusions: { blocks: [[{ text: 'x' }]] } }] },
  });
  t.equal(unknownItem.statusCode, 422);

  const diff = await as(app, secretariat, { method: 'GET', url: url(meeting.id, '/diff?from=1&to=2') });
  t.equal(diff.statusCode, 200);
  t.same(diff.json().opening, [{ op: 'insert', text: 'The co-chair opened the meeting and the agenda was approved.' }]);
  t.same(diff.json().items.find((i: { itemId: number }) => i.itemId === item91.id).parts, [
    { op: 'equal', text: 'The Network took note of the ' },
    { op: 'insert', text: 'Work Stream 12 ' },
    { op: 'equal', text: 'update.' },
  ]);
  t.same(diff.json().items.find((i: { itemId: number }) => i.itemId === item92.id).parts, [
    { op: 'equal', text: 'The Network adopted the reflections paper.' },
  ]);
  t.equal(diff.json().identical, false);

  t.equal(
    (await move(app, secretariat, meeting.id, { event: 'release' })).statusCode,
    409,
    'released only from review',
  );
  t.equal((await move(app, secretariat, meeting.id, { event: 'submit' })).json().state, 'review');
  t.equal((await move(app, secretariat, meeting.id, { event: 'return' })).statusCode, 422, 'a return says why');
  const released = await move(app, secretariat, meeting.id, { event: 'release' });
  t.equal(released.json().state, 'released');
  t.equal(released.json().releasedVersion, 2);

  const read = await as(app, delegate, { method: 'GET', url: url(meeting.id) });
  t.equal(read.statusCode, 200, 'released for comments: the delegates read it');
  t.equal(read.json().version, 2);
  t.same(read.json().versions, [], "without the secretariat's history");
  t.same(read.json().allowedEvents, []);
  t.equal(
    paragraphText(read.json().text.opening),
    '[[{"text":"The co-chair opened the meeting and the agenda was approved."}]]',
  );
  t.equal((await as(app, delegate, { method: 'GET', url: url(meeting.id, '/versions/1') })).statusCode, 403);

  const frozen = await as(app, secretariat, {
    method: 'PUT',
    url: url(meeting.id, '/text'),
    payload: { opening: { blocks: [[{ text: 'Changed after release' }]] } },
  });
  t.equal(frozen.statusCode, 409, 'a released report is not edited in place');

  t.equal((await move(app, secretariat, meeting.id, { event: 'reopen' })).statusCode, 422, 'a reopen says why');
  const reopened = await move(app, secretariat, meeting.id, { event: 'reopen', comment: 'Comments from Belgium' });
  t.equal(reopened.json().state, 'drafting');
  await as(app, secretariat, {
    method: 'PUT',
    url: url(meeting.id, '/text'),
    payload: {
      items: [
        {
          itemId: item92.id,
          conclusions: { blocks: [[{ text: "The Network adopted the paper, with Belgium's comments." }]] },
        },
      ],
    },
  });
  const whileReopened = (await as(app, delegate, { method: 'GET', url: url(meeting.id) })).json();
  t.equal(whileReopened.version, 2, 'while it is corrected, delegates keep reading the released version');
  t.equal(whileReopened.state, 'released', 'and are not told of the correction under way');
  t.equal(
    paragraphText(item(whileReopened, item92.id).conclusions),
    '[[{"text":"The Network adopted the reflections paper."}]]',
  );

  await move(app, secretariat, meeting.id, { event: 'submit' });
  await move(app, secretariat, meeting.id, { event: 'release' });
  const sameMeetingItem = await move(app, secretariat, meeting.id, { event: 'adopt', adoptionItemId: item91.id });
  t.equal(sameMeetingItem.statusCode, 422, 'adopted at a later meeting, not at its own');
  t.equal((await move(app, secretariat, meeting.id, { event: 'adopt' })).statusCode, 422, 'adoption names the item');
  const adoptionItem = app.services.agenda.create(staff, next.id, {
    title: 'Adoption of the summary report of the 18th meeting',
  });
  const adopted = await move(app, secretariat, meeting.id, { event: 'adopt', adoptionItemId: adoptionItem.id });
  t.equal(adopted.statusCode, 200);
  t.equal(adopted.json().state, 'adopted');
  t.same(adopted.json().allowedEvents, []);
  t.match(adopted.json().adoption, {
    itemId: adoptionItem.id,
    itemNumber: '1',
    itemTitle: 'Adoption of the summary report of the 18th meeting',
    meetingId: next.id,
    meeting: '19th eHealth Network meeting',
  });
  t.same(
    adopted
      .json()
      .events.map((e: { event: string; version: number; comment: string | null }) => [e.event, e.version, e.comment]),
    [
      ['submit', 2, null],
      ['release', 2, null],
      ['reopen', 2, 'Comments from Belgium'],
      ['submit', 3, null],
      ['release', 3, null],
      ['adopt', 3, null],
    ],
  );
  t.equal((await as(app, delegate, { method: 'GET', url: url(meeting.id) })).json().version, 3);
});

t.test('a delegate reads the released report without the items whose marking leaves them out', async (t) => {
  const app = await build(t);
  const { secretariat, staff, meeting, item91, item92, delegate } = await recorded(app);
  app.services.agenda.update(staff, item92.id, { audience: 'limited', audienceGroups: ['observers'] });
  await as(app, secretariat, { method: 'POST', url: url(meeting.id) });
  await move(app, secretariat, meeting.id, { event: 'submit' });
  await move(app, secretariat, meeting.id, { event: 'release' });

  const asStaff = (await as(app, secretariat, { method: 'GET', url: url(meeting.id) })).json();
  t.ok(
    asStaff.text.items.some((i: { itemId: number }) => i.itemId === item92.id),
    'the secretariat sees 9.2',
  );
  const asDelegate = (await as(app, delegate, { method: 'GET', url: url(meeting.id) })).json();
  t.same(
    asDelegate.text.items.map((i: { number: string }) => i.number),
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '9.1'],
    'the delegate does not see 9.2, which goes to observers only',
  );
  t.notOk(asDelegate.text.items.some((i: { itemId: number }) => i.itemId === item92.id));

  const pdf = await as(app, delegate, { method: 'GET', url: url(meeting.id, '.pdf') });
  t.equal(pdf.statusCode, 200);
  const text = (await pdfText(pdf.rawPayload)).flatMap((p) => p.lines).join(' ');
  t.match(text, /9\.1\. Update from the Work Stream 12 of the NIS cooperation group/);
  t.notMatch(text, /reflections paper/, "9.2's conclusions are not in the delegate's PDF");
  t.match(text, /Released for comments — version 1/);
  t.ok(item91.id > 0);

  const network = await as(app, secretariat, {
    method: 'PATCH',
    url: url(meeting.id),
    payload: { audience: 'limited', audienceGroups: ['observers'] },
  });
  t.equal(network.json().audience, 'limited');
  t.equal(
    (await as(app, delegate, { method: 'GET', url: url(meeting.id) })).statusCode,
    404,
    'nor the report itself once it goes to observers only',
  );
});

t.test('the registry reference, the marking and the adopted public report in the public folder', async (t) => {
  const app = await build(t);
  const { secretariat, staff, meeting, next, item91, item92 } = await recorded(app);
  app.services.agenda.update(staff, item91.id, { audience: 'public' });
  await as(app, secretariat, { method: 'POST', url: url(meeting.id) });
  const details = await as(app, secretariat, {
    method: 'PATCH',
    url: url(meeting.id),
    payload: { registryReference: 'Ref. Ares(2021)6941533 - 11/11/2021', audience: 'public' },
  });
  t.equal(details.statusCode, 200);
  t.equal(details.json().registryReference, 'Ref. Ares(2021)6941533 - 11/11/2021');
  const badMarking = await as(app, secretariat, {
    method: 'PATCH',
    url: url(meeting.id),
    payload: { audience: 'limited' },
  });
  t.equal(badMarking.statusCode, 422, 'a limited report names its groups');

  const draftPdf = await as(app, secretariat, { method: 'GET', url: url(meeting.id, '.pdf') });
  const draftText = (await pdfText(draftPdf.rawPayload)).flatMap((p) => p.lines);
  t.ok(draftText.includes('Ref. Ares(2021)6941533 - 11/11/2021'), 'the registry reference is a line of its own');
  t.match(draftText.join(' '), /Draft — version 1, drafting/);

  const folder = mkdtempSync(join(tmpdir(), 'agendum-report-'));
  await app.services.publication.publish(staff, meeting.id);
  await app.services.publication.build(folder);
  const dir = join(folder, '18th-ehealth-network');
  t.notOk(existsSync(join(dir, 'summary-report.pdf')), 'not adopted: not published');

  await move(app, secretariat, meeting.id, { event: 'submit' });
  await move(app, secretariat, meeting.id, { event: 'release' });
  const adoptionItem = app.services.agenda.create(staff, next.id, { title: 'Adoption of the summary report' });
  await move(app, secretariat, meeting.id, { event: 'adopt', adoptionItemId: adoptionItem.id });
  await app.services.publication.build(folder);
  t.ok(existsSync(join(dir, 'summary-report.pdf')), 'the adopted public report is published');
  const published = (await pdfText(readFileSync(join(dir, 'summary-report.pdf')))).flatMap((p) => p.lines).join(' ');
  t.match(published, /9\.1\. Update from the Work Stream 12/);
  t.notMatch(published, /reflections paper/, 'an item not marked public stays out');
  t.notMatch(published, /Draft|Released for comments/);
  t.match(readFileSync(join(dir, 'index.html'), 'utf8'), /summary-report\.pdf/);
  t.match(
    readFileSync(join(folder, 'feed.atom'), 'utf8'),
    '<link rel="enclosure" type="application/pdf" href="18th-ehealth-network/summary-report.pdf"/>',
    'the feed tells its readers of the adopted report',
  );
  t.ok(item92.id > 0);
});

t.test('a version of the report cannot be changed, not even with SQL', async (t) => {
  const app = await build(t);
  const { secretariat, meeting } = await recorded(app);
  await as(app, secretariat, { method: 'POST', url: url(meeting.id) });
  t.throws(
    () => app.database.sqlite.prepare("update summary_report_versions set source = 'edited'").run(),
    /summary report versions are immutable/,
  );
  await move(app, secretariat, meeting.id, { event: 'submit' });
  t.throws(
    () => app.database.sqlite.prepare("update summary_report_events set comment = 'x'").run(),
    /summary report events are append-only/,
  );
});

t.test('an uploaded report file becomes a version: its opening and items, the record keeping the rest', async (t) => {
  const app = await build(t);
  const { secretariat, meeting, item91, item92 } = await recorded(app);
  await as(app, secretariat, { method: 'POST', url: url(meeting.id) });
  const text = [
    'eHealth Network',
    'Summary report',
    '18th eHealth Network meeting',
    '',
    'Opening and approval of agenda',
    '',
    'The co-chair welcomed the participants; the agenda was approved.',
    '',
    '9.1. Update from the Work Stream 12 of the NIS cooperation group – for information',
    '',
    'The Commission presented the work plan. The Network took note.',
    '',
    '9.7. An item that is not on the agenda',
    '',
    'Some text.',
    '',
  ].join('\n');
  const upload = fileUpload('report.txt', Buffer.from(text));
  const res = await as(app, secretariat, { method: 'POST', url: url(meeting.id, '/upload'), ...upload });
  t.equal(res.statusCode, 200, res.body);
  const { report, warnings } = res.json();
  t.equal(report.version, 2);
  t.same(report.versions[1], { ...report.versions[1], source: 'uploaded', fileName: 'report.txt' });
  t.equal(
    paragraphText(report.text.opening),
    '[[{"text":"The co-chair welcomed the participants; the agenda was approved."}]]',
  );
  const conclusionsOf = (id: number) =>
    paragraphText(report.text.items.find((i: { itemId: number }) => i.itemId === id).conclusions);
  t.match(conclusionsOf(item91.id), 'The Commission presented the work plan. The Network took note.');
  t.equal(
    conclusionsOf(item92.id),
    '[[{"text":"The Network adopted the reflections paper."}]]',
    'an item the file does not have keeps its words',
  );
  t.ok(
    warnings.some((w: string) => w.includes('9.7')),
    'the heading not on the agenda is named in a warning',
  );

  const empty = fileUpload('empty.txt', Buffer.from('Nothing that looks like a report.\n'));
  const refused = await as(app, secretariat, { method: 'POST', url: url(meeting.id, '/upload'), ...empty });
  t.equal(refused.statusCode, 422);
  const stale = await as(app, secretariat, {
    method: 'POST',
    url: url(meeting.id, '/upload'),
    ...multipart([
      { name: 'baseVersion', content: '1' },
      { name: 'file', fileName: 'report.txt', content: Buffer.from(text) },
    ]),
  });
  t.equal(stale.statusCode, 409, 'an upload made on an older version is refused');
});
