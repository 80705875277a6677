import t from 'tap';
import { build } from '../helper.js';
import { multipart } from '../support/multipart.js';
import { recordedMeeting } from '../support/recorded-meeting.js';
import { webPerson, webSession } from '../support/web-session.js';

type App = Awaited<ReturnType<typeof build>>;

/** The 18th meeting recorded: conclusions for 9.1 and an action point under it. */
async function recorded(app: App) {
  const fixture = await recordedMeeting(app);
  const { staff, item91 } = fixture;
  app.services.records.setConclusions(staff, item91.id, {
    blocks: [[{ text: 'The Network took note of the update.' }]],
  });
  app.services.actionPoints.add(staff, item91.id, {
    what: 'Send comments on the guidelines',
    ownerDelegation: 'Belgium',
  });
  return fixture;
}

const location = (reply: { headers: Record<string, unknown> }) =>
  decodeURIComponent(String(reply.headers.location)).replace(/\+/g, ' ');

t.test('the secretariat assembles, edits, moves and adopts the summary report on its pages', async (t) => {
  const app = await build(t);
  const { meeting, next, item91, staff } = await recorded(app);
  const sam = await webPerson(app, 'secretariat');
  const web = await webSession(app, sam.email, `/meetings/${meeting.id}/summary-report`);
  const page = `/meetings/${meeting.id}/summary-report`;

  const meetingPage = await web.get(`/meetings/${meeting.id}`);
  t.match(meetingPage.body, `href="/meetings/${meeting.id}/summary-report">Summary report</a>`);
  const recordPage = await web.get(`/meetings/${meeting.id}/record`);
  t.match(recordPage.body, `href="/meetings/${meeting.id}/summary-report" id="summary-report-link"`);

  const empty = await web.get(page);
  t.equal(empty.statusCode, 200);
  t.match(empty.body, 'No summary report yet');
  t.match(empty.body, 'Assemble from the record</button>');

  const assembled = await web.post(page, {});
  t.equal(assembled.statusCode, 303);
  t.equal(location(assembled), `${page}?done=Version 1 assembled from the record.`);

  const first = await web.get(page);
  t.match(first.body, 'id="report-state">Drafting</dd>');
  t.match(first.body, 'id="report-version">1</dd>');
  t.match(first.body, 'data-label="Made">Assembled from the record</td>');
  t.match(first.body, 'Take the record again</button>');
  t.match(first.body, 'the opening is kept. Version 1 is kept among the versions.');
  t.match(first.body, `href="/api/v1/meetings/${meeting.id}/summary-report.pdf"`);
  t.match(first.body, `href="/api/v1/meetings/${meeting.id}/summary-report.pdf?version&#x3D;1"`);
  t.match(first.body, `href="/meetings/${meeting.id}/summary-report/edit"`);
  t.match(first.body, 'Submit for review</button>');
  t.notMatch(first.body, 'Release for comments</button>', 'only the moves the state allows');
  t.match(first.body, '<p class="agendum-conclusion">The Network took note of the update.</p>');
  t.match(first.body, 'Send comments on the guidelines — Belgium (Open)');

  const form = await web.get(`${page}/edit`);
  t.equal(form.statusCode, 200);
  t.match(form.body, '<input type="hidden" name="baseVersion" value="1">');
  t.match(
    form.body,
    `<label class="ecl-form-label" for="edit-item-${item91.id}">9.1. Update from the Work Stream 12 of the NIS cooperation group</label>`,
  );
  t.match(form.body, 'The Network took note of the update.</textarea>');

  const item = `item-${item91.id}`;
  const unmarked = await web.post(`${page}/text`, {
    baseVersion: '1',
    opening: 'The co-chair opened the meeting[^1].',
    'opening-footnotes': '',
    [item]: 'The Network took note of the Work Stream 12 update.',
    [`${item}-footnotes`]: '',
  });
  t.equal(unmarked.statusCode, 422, 'a footnote marker without its footnote is refused');
  t.match(unmarked.body, 'Footnote marker 1 has no footnote (the version has 0).');
  t.match(unmarked.body, 'The co-chair opened the meeting[^1].</textarea>', 'the opening typed is kept');
  t.match(unmarked.body, 'The Network took note of the Work Stream 12 update.</textarea>', 'the item typed is kept');

  const tooLong = await web.post(`${page}/text`, {
    baseVersion: '1',
    [`${item}-footnotes`]: 'x'.repeat(20_001),
    [item]: 'The Network took note of the update[^1].',
  });
  t.equal(tooLong.statusCode, 422, "the API's schema refuses a footnote too long");
  t.match(
    tooLong.body,
    `<textarea class="ecl-text-area ecl-text-area--l ecl-text-area--invalid" id="edit-${item}-footnotes"`,
  );

  const edited = await web.post(`${page}/text`, {
    baseVersion: '1',
    opening: 'The co-chair opened the meeting and the agenda was approved.',
    'opening-footnotes': '',
    [item]: 'The Network took note of the Work Stream 12 update.',
    [`${item}-footnotes`]: '',
  });
  t.equal(edited.statusCode, 303);
  t.equal(location(edited), `${page}?done=Version 2 saved.`);

  const stale = await web.post(`${page}/text`, { baseVersion: '1', opening: 'Lost update' });
  t.equal(stale.statusCode, 422, 'an edit made on an older version comes back');
  t.match(stale.body, 'The summary report is at version 2, not 1: someone changed it meanwhile.');
  t.match(stale.body, '>Lost update</textarea>', 'with the text typed');
  t.match(stale.body, '<input type="hidden" name="baseVersion" value="2">');

  const diff = await web.get(`${page}/diff?from=1&to=2`);
  t.equal(diff.statusCode, 200);
  t.match(diff.body, '<h2 id="d-0">Opening and approval of the agenda</h2>');
  t.match(
    diff.body,
    '<ins><span class="ecl-u-sr-only">inserted: </span>The co-chair opened the meeting and the agenda was approved.</ins>',
  );
  t.match(diff.body, '<ins><span class="ecl-u-sr-only">inserted: </span>Work Stream 12 </ins>');
  t.match(diff.body, `<h2 id="d-1">9.1. Update from the Work Stream 12 of the NIS cooperation group</h2>`);
  t.match(diff.body, '<h2 id="d-2">Action points</h2>');
  t.match(diff.body, /<h2 id="d-3">Attendance<\/h2>\s*<p>The same in both versions.<\/p>/, 'unchanged: not listed');
  t.match(diff.body, '<p id="diff-unchanged">The same words in both versions: 1, 2, 3, 4, 5, 6, 7, 8, 9, 9.2.</p>');

  const upload = multipart([
    { name: '_csrf', content: web.csrf },
    { name: 'baseVersion', content: '2' },
    { name: 'file', fileName: 'report.txt', type: 'text/plain', content: 'Nothing here looks like a report.' },
  ]);
  const uploaded = await app.inject({ method: 'POST', url: `${page}/upload`, cookies: web.cookies, ...upload });
  t.equal(uploaded.statusCode, 422, "a file without the report's parts comes back to the upload form");
  t.match(uploaded.body, /<div class="ecl-feedback-message" id="e-file">No part of the summary report was found/);

  const early = await web.post(`${page}/transitions`, { event: 'release' });
  t.equal(early.statusCode, 422, 'a move the state does not allow is refused on the page');
  t.match(early.body, 'A summary report in drafting cannot release');

  t.equal(
    location(await web.post(`${page}/transitions`, { event: 'submit' })),
    `${page}?done=The summary report is now: In review.`,
  );
  const silent = await web.post(`${page}/transitions`, { event: 'return', comment: '' });
  t.equal(silent.statusCode, 422);
  t.match(silent.body, 'To return the summary report, say why in a comment.');
  t.equal(
    location(await web.post(`${page}/transitions`, { event: 'release' })),
    `${page}?done=The summary report is now: Released for comments.`,
  );

  const noGroups = await web.post(`${page}/details`, {
    registryReference: 'Ref. Ares(2021)6941533 - 11/11/2021',
    audience: 'limited',
  });
  t.equal(noGroups.statusCode, 422);
  t.match(noGroups.body, 'A limited distribution names at least one recipient group.');
  t.match(noGroups.body, 'value="Ref. Ares(2021)6941533 - 11/11/2021"', 'the reference typed is kept');
  const details = await web.post(`${page}/details`, {
    registryReference: 'Ref. Ares(2021)6941533 - 11/11/2021',
    audience: 'network',
  });
  t.equal(details.statusCode, 303);

  const reopened = await web.post(`${page}/transitions`, { event: 'reopen', comment: 'Comments from Belgium' });
  t.equal(location(reopened), `${page}?done=The summary report is now: Drafting.`);
  await web.post(`${page}/transitions`, { event: 'submit' });
  await web.post(`${page}/transitions`, { event: 'release' });

  app.services.agenda.create(staff, next.id, { title: 'Welcome' });
  const adoptionItem = app.services.agenda.create(staff, next.id, {
    title: 'Adoption of the summary report of the 18th meeting',
  });
  const released = await web.get(page);
  t.match(released.body, '<optgroup label="19th eHealth Network meeting">');
  t.match(
    released.body,
    `<option value="${adoptionItem.id}">2. Adoption of the summary report of the 18th meeting</option>`,
  );
  const ownMeeting = await web.post(`${page}/transitions`, { event: 'adopt', adoptionItemId: String(item91.id) });
  t.equal(ownMeeting.statusCode, 422, 'adopted at a later meeting, not at its own');
  t.match(ownMeeting.body, 'Item 9.1 is not on the agenda of a later meeting of this network');
  const adopted = await web.post(`${page}/transitions`, { event: 'adopt', adoptionItemId: String(adoptionItem.id) });
  t.equal(
    location(adopted),
    `${page}?done=The summary report is now: Adopted at the 19th eHealth Network meeting, item 2.`,
  );

  const last = await web.get(page);
  t.match(last.body, 'id="report-state">Adopted at the 19th eHealth Network meeting, item 2</dd>');
  t.match(last.body, '<dd class="ecl-description-list__definition">Ref. Ares(2021)6941533 - 11/11/2021</dd>');
  t.match(last.body, `href="/meetings/${meeting.id}/summary-report/diff?from&#x3D;1&amp;to&#x3D;2"`);
  t.match(last.body, 'data-label="Made">Edited</td>');
  t.notMatch(last.body, 'action="/meetings/' + meeting.id + '/summary-report/transitions"', 'no move is left');
  t.notMatch(last.body, `href="/meetings/${meeting.id}/summary-report/edit"`, 'an adopted report is not edited');
  const moves = [
    ...last.body.matchAll(
      /data-label="Move">([^<]+)<\/td>\s*<td class="ecl-table__cell" data-label="Version">(\d+)<\/td>\s*<td class="ecl-table__cell" data-label="Reason">([^<]+)<\/td>/g,
    ),
  ].map((m) => [m[1], m[2], m[3]]);
  t.same(moves, [
    ['Submitted for review', '2', '—'],
    ['Released for comments', '2', '—'],
    ['Reopened', '2', 'Comments from Belgium'],
    ['Submitted for review', '2', '—'],
    ['Released for comments', '2', '—'],
    ['Adopted', '2', '—'],
  ]);
  const frozen = await web.get(`${page}/edit`);
  t.match(frozen.body, 'id="report-not-editable"');
});

t.test('a delegate reads the released report, not a draft, and cannot use its forms', async (t) => {
  const app = await build(t);
  const { meeting, staff, item91 } = await recorded(app);
  const dirk = await webPerson(app, 'delegate');
  const web = await webSession(app, dirk.email, `/meetings/${meeting.id}`);
  const page = `/meetings/${meeting.id}/summary-report`;
  const reports = app.services.summaryReports;
  reports.assemble(staff, meeting.id);
  reports.edit(staff, meeting.id, {
    opening: { blocks: [[{ text: 'The co-chair opened the meeting.' }]] },
  });

  t.notMatch((await web.get(`/meetings/${meeting.id}`)).body, `href="${page}"`, 'no link to a report not released');
  const draft = await web.get(page);
  t.equal(draft.statusCode, 404, "a draft is not the delegates'");
  t.match(draft.body, 'Not found');
  t.notMatch(draft.body, 'The co-chair opened the meeting.');

  const refusals = {
    assemble: await web.post(page, {}),
    edit: await web.get(`${page}/edit`),
    text: await web.post(`${page}/text`, { opening: 'Mine now' }),
    move: await web.post(`${page}/transitions`, { event: 'submit' }),
    details: await web.post(`${page}/details`, { registryReference: 'Ref. 1' }),
    diff: await web.get(`${page}/diff?from=1&to=2`),
    upload: await app.inject({
      method: 'POST',
      url: `${page}/upload`,
      cookies: web.cookies,
      ...multipart([
        { name: '_csrf', content: web.csrf },
        { name: 'file', fileName: 'report.txt', type: 'text/plain', content: '9.1. Update\n\nMine now.' },
      ]),
    }),
  };
  t.same(Object.fromEntries(Object.entries(refusals).map(([name, reply]) => [name, reply.statusCode])), {
    assemble: 403,
    edit: 403,
    text: 403,
    move: 403,
    details: 403,
    diff: 403,
    upload: 403,
  });
  t.match(refusals.move.body, 'Not allowed');
  t.equal(reports.get(staff, meeting.id).version, 2, 'nothing changed');

  reports.transition(staff, meeting.id, { event: 'submit' });
  reports.transition(staff, meeting.id, { event: 'release' });
  reports.transition(staff, meeting.id, { event: 'reopen', comment: 'A correction' });
  reports.edit(staff, meeting.id, { opening: { blocks: [[{ text: 'A draft correction.' }]] } });

  t.match((await web.get(`/meetings/${meeting.id}`)).body, `href="${page}">Summary report</a>`);
  const read = await web.get(page);
  t.equal(read.statusCode, 200);
  t.match(read.body, 'id="report-state">Released for comments</dd>', 'the state of the version they read');
  t.match(read.body, 'id="report-version">2</dd>');
  t.match(read.body, '<h2 id="report-text-heading">The report released for comments</h2>');
  t.match(read.body, '<p class="agendum-conclusion">The co-chair opened the meeting.</p>');
  t.notMatch(read.body, 'A draft correction.', "the correction in drafting is the secretariat's");
  t.match(
    read.body,
    `<h3 id="report-item-${item91.id}">9.1. Update from the Work Stream 12 of the NIS cooperation group</h3>`,
  );
  t.match(read.body, 'For information');
  t.match(read.body, 'Send comments on the guidelines — Belgium (Open)');
  t.match(read.body, `href="/api/v1/meetings/${meeting.id}/summary-report.pdf"`);
  t.notMatch(read.body, '<form method="post" action="/meetings/', 'no forms');
  t.notMatch(read.body, 'Versions</h2>', "nor the secretariat's history");
});

t.test("the report's forms are refused without the page's token, the upload before its file is read", async (t) => {
  const app = await build(t);
  const { meeting } = await recorded(app);
  const sam = await webPerson(app, 'secretariat');
  const web = await webSession(app, sam.email, `/meetings/${meeting.id}/summary-report`);
  const page = `/meetings/${meeting.id}/summary-report`;
  const plain = await app.inject({
    method: 'POST',
    url: page,
    cookies: web.cookies,
    payload: '',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  t.equal(plain.statusCode, 403);
  const upload = await app.inject({
    method: 'POST',
    url: `${page}/upload`,
    cookies: web.cookies,
    ...multipart([
      { name: '_csrf', content: 'not-the-token' },
      { name: 'file', fileName: 'report.txt', type: 'text/plain', content: 'Opening' },
    ]),
  });
  t.equal(upload.statusCode, 403);
  const actor = { id: sam.id, name: sam.name, role: 'secretariat' as const };
  t.equal(app.services.summaryReports.find(actor, meeting.id), null, 'no report was assembled');
});

t.test('an uploaded report file becomes the next version, with what was not placed said', async (t) => {
  const app = await build(t);
  const { meeting, staff } = await recorded(app);
  app.services.summaryReports.assemble(staff, meeting.id);
  const sam = await webPerson(app, 'secretariat');
  const page = `/meetings/${meeting.id}/summary-report`;
  const web = await webSession(app, sam.email, page);
  const text = [
    'Opening and approval of agenda',
    '',
    'The agenda was approved.',
    '',
    '9.1. Update from the Work Stream 12 of the NIS cooperation group – for information',
    '',
    'The Network took note of the work plan.',
    '',
  ].join('\n');
  const upload = multipart([
    { name: '_csrf', content: web.csrf },
    { name: 'baseVersion', content: '1' },
    { name: 'file', fileName: 'report.txt', type: 'text/plain', content: text },
  ]);
  const uploaded = await app.inject({ method: 'POST', url: `${page}/upload`, cookies: web.cookies, ...upload });
  t.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 300));
  t.match(location(uploaded), /^\/meetings\/\d+\/summary-report\?done=Version 2 read from report\.txt\. Not placed: /);
  t.match(location(uploaded), '9.2', 'the agenda item missing from the file is named');
  const after = await web.get(page);
  t.match(after.body, 'The Network took note of the work plan.');
});
