import t from 'tap';
import { as, build, problemOf, signedIn } from '../../helper.js';
import { recordedMeeting, signedInAs } from '../../support/recorded-meeting.js';

t.test('the secretariat records attendance of the 18th meeting in mixed states, with each delegation', async (t) => {
  const app = await build(t);
  const { secretariat, staff, meeting, delegates } = await recordedMeeting(app);
  const states = ['present', 'present', 'remote', 'excused'] as const;
  for (const [i, d] of delegates.entries()) {
    const body = i === 26 ? { state: 'represented', representedById: delegates[19]!.id } : { state: states[i % 4] };
    const res = await as(app, secretariat, {
      method: 'PUT',
      url: `/api/v1/meetings/${meeting.id}/attendance/${d.id}`,
      payload: body,
    });
    t.equal(res.statusCode, 200, `attendance of ${d.name}`);
  }
  const record = (await as(app, secretariat, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/record` })).json();
  t.equal(record.attendance.length, 27, 'everyone on the delegates list');
  t.match(record.attendance[0], { name: 'Delegate of Austria', delegation: 'Austria', state: 'present' });
  t.match(record.attendance[2], { delegation: 'Bulgaria', state: 'remote' });
  t.match(record.attendance[3], { delegation: 'Croatia', state: 'excused' });
  t.match(record.attendance[26], {
    delegation: 'Sweden',
    state: 'represented',
    representedBy: { name: 'Delegate of Netherlands', delegation: 'Netherlands' },
  });
  t.same(
    record.attendance.reduce(
      (n: Record<string, number>, a: { state: string }) => ({ ...n, [a.state]: (n[a.state] ?? 0) + 1 }),
      {},
    ),
    { present: 14, remote: 6, excused: 6, represented: 1 },
  );

  const refused = await as(app, secretariat, {
    method: 'PUT',
    url: `/api/v1/meetings/${meeting.id}/attendance/${delegates[0]!.id}`,
    payload: { state: 'represented' },
  });
  t.equal(refused.statusCode, 422, 'a representation names who stood in');
  t.match(problemOf(t, refused).detail, /needs the person who represented them/);
  const outsider = await signedIn(app, 'delegate');
  const notListed = await as(app, secretariat, {
    method: 'PUT',
    url: `/api/v1/meetings/${meeting.id}/attendance/${outsider.id}`,
    payload: { state: 'present' },
  });
  t.equal(notListed.statusCode, 404, 'attendance is taken from the recipient lists');
  const cleared = await as(app, secretariat, {
    method: 'PUT',
    url: `/api/v1/meetings/${meeting.id}/attendance/${delegates[3]!.id}`,
    payload: { state: null },
  });
  t.match(cleared.json(), { delegation: 'Croatia', state: null }, 'null takes the entry back');

  // Recorded, then taken off the lists: clearing the entry still answers with the person.
  app.services.recipients.set(
    staff,
    meeting.id,
    'delegates',
    delegates.filter((_, i) => i !== 0).map((d) => d.id),
  );
  const leaver = await as(app, secretariat, {
    method: 'PUT',
    url: `/api/v1/meetings/${meeting.id}/attendance/${delegates[0]!.id}`,
    payload: { state: null },
  });
  t.equal(leaver.statusCode, 200);
  t.match(leaver.json(), { name: 'Delegate of Austria', delegation: 'Austria', state: null, lists: [] });
});

t.test('format, co-chairs, outcomes and conclusions of 9.1 and 9.2; delegates read and cannot write', async (t) => {
  const app = await build(t);
  const { secretariat, meeting, item91, item92, delegates } = await recordedMeeting(app);
  const patch = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/meetings/${meeting.id}/record`,
    payload: {
      format: 'teleconference',
      coChairNames: ['Ioana-Maria Gligor', 'Henrique Martins'],
      coChairFunctions: ['Director, DG SANTE', 'Co-chair, Portugal'],
    },
  });
  t.equal(patch.statusCode, 200);
  t.match(patch.json(), {
    format: 'teleconference',
    coChairs: [
      { name: 'Ioana-Maria Gligor', function: 'Director, DG SANTE' },
      { name: 'Henrique Martins', function: 'Co-chair, Portugal' },
    ],
  });
  const half = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/meetings/${meeting.id}/record`,
    payload: { coChairNames: ['Ioana-Maria Gligor'], coChairFunctions: [] },
  });
  t.equal(half.statusCode, 422, 'a co-chair needs a function');

  for (const [item, outcome] of [
    [item91, 'noted'],
    [item92, 'adopted'],
  ] as const) {
    const res = await as(app, secretariat, {
      method: 'PATCH',
      url: `/api/v1/items/${item.id}/note`,
      payload: { outcome },
      headers: {
        'if-match': (await as(app, secretariat, { url: `/api/v1/items/${item.id}/note` })).headers.etag as string,
      },
    });
    t.equal(res.statusCode, 200, `outcome of ${item.number}`);
  }
  const conclusions = await as(app, secretariat, {
    method: 'PUT',
    url: `/api/v1/items/${item91.id}/conclusions`,
    payload: {
      blocks: [
        [{ text: 'The Network took note of the update from Work Stream 12' }, { footnote: 1 }, { text: '.' }],
        { block: 'list', style: 'bullet', items: ['Guidelines by the end of the year.', 'A joint workshop.'] },
      ],
      footnotes: [{ text: 'NIS Cooperation Group, Work Stream 12.' }],
    },
  });
  t.equal(conclusions.statusCode, 200);
  await as(app, secretariat, {
    method: 'PUT',
    url: `/api/v1/items/${item92.id}/conclusions`,
    payload: { blocks: ['The Network adopted the reflections paper.'] },
  });
  const badFootnote = await as(app, secretariat, {
    method: 'PUT',
    url: `/api/v1/items/${item92.id}/conclusions`,
    payload: { blocks: [[{ text: 'See' }, { footnote: 2 }]], footnotes: [{ text: 'One.' }] },
  });
  t.equal(badFootnote.statusCode, 422, 'footnotes are checked as in a note');

  const delegate = signedInAs(app, delegates[0]!);
  const read = await as(app, delegate, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/record` });
  t.equal(read.statusCode, 200, 'a delegate reads the record');
  t.same(
    read.json().attendance.filter((a: { lists: string[] }) => a.lists.length > 0),
    [],
    'but not who is on which recipient list',
  );
  const items = read.json().items as {
    number: string;
    outcome: string | null;
    procedure: string;
    conclusions: { blocks: unknown[]; footnotes: unknown[] };
  }[];
  t.same(
    items.map((i) => i.number),
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '9.1', '9.2'],
    'items in agenda order',
  );
  t.match(items[9], {
    outcome: 'noted',
    procedure: 'for-information',
    conclusions: {
      blocks: [
        [{ text: 'The Network took note of the update from Work Stream 12' }, { footnote: 1 }, { text: '.' }],
        { block: 'list', style: 'bullet' },
      ],
      footnotes: [{ text: 'NIS Cooperation Group, Work Stream 12.' }],
    },
  });
  t.match(items[10], {
    outcome: 'adopted',
    conclusions: { blocks: [[{ text: 'The Network adopted the reflections paper.' }]] },
  });

  for (const request of [
    { method: 'PATCH', url: `/api/v1/meetings/${meeting.id}/record`, payload: { format: 'hybrid' } },
    { method: 'PUT', url: `/api/v1/meetings/${meeting.id}/attendance/${delegate.id}`, payload: { state: 'present' } },
    { method: 'PUT', url: `/api/v1/items/${item91.id}/conclusions`, payload: { blocks: ['Rewritten.'] } },
    {
      method: 'POST',
      url: `/api/v1/items/${item91.id}/action-points`,
      payload: { what: 'x', ownerDelegation: 'Austria' },
    },
  ] as const) {
    const res = await as(app, delegate, request);
    t.equal(res.statusCode, 403, `a delegate cannot ${request.method} ${request.url}`);
  }
  const after = (await as(app, secretariat, { url: `/api/v1/meetings/${meeting.id}/record` })).json();
  t.equal(after.format, 'teleconference', 'nothing changed by the delegate');
  t.equal(after.items[9].conclusions.blocks.length, 2);
});

t.test('a delegate does not read the conclusions of an item whose marking leaves their list out', async (t) => {
  const app = await build(t);
  const { secretariat, meeting, item92, delegates } = await recordedMeeting(app);
  await as(app, secretariat, {
    method: 'PUT',
    url: `/api/v1/items/${item92.id}/conclusions`,
    payload: { blocks: ['Observers only: the incident figures.'] },
  });
  const marked = await as(app, secretariat, {
    method: 'PATCH',
    url: `/api/v1/items/${item92.id}`,
    payload: { audience: 'limited', audienceGroups: ['observers'] },
  });
  t.equal(marked.statusCode, 200);
  const delegate = signedInAs(app, delegates[0]!);
  const read = await as(app, delegate, { url: `/api/v1/meetings/${meeting.id}/record` });
  t.equal(read.statusCode, 200);
  t.notMatch(read.body, 'incident figures', 'the limited item is left out');
  t.notOk(read.json().items.some((i: { number: string }) => i.number === '9.2'));
  const staff = await as(app, secretariat, { url: `/api/v1/meetings/${meeting.id}/record` });
  t.match(staff.body, 'incident figures', 'the secretariat reads it');
});
