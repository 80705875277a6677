import t from 'tap';
import { actor } from '../factories.js';
import { build } from '../helper.js';
import { recordedMeeting } from '../support/recorded-meeting.js';

t.test('the summary report view is assembled from what was recorded of the 18th meeting', async (t) => {
  const app = await build(t);
  const { secretariat, staff, meeting, item91, item92, delegates } = await recordedMeeting(app);
  const { records, actionPoints, workflow } = app.services;
  records.setDetails(staff, meeting.id, {
    format: 'teleconference',
    coChairNames: ['Ioana-Maria Gligor', 'Henrique Martins'],
    coChairFunctions: ['Director, DG SANTE', 'Co-chair, Portugal'],
  });
  const [austria, belgium, bulgaria, croatia] = delegates;
  records.setAttendance(staff, meeting.id, austria!.id, { state: 'present' });
  records.setAttendance(staff, meeting.id, belgium!.id, { state: 'remote' });
  records.setAttendance(staff, meeting.id, bulgaria!.id, { state: 'represented', representedById: croatia!.id });
  records.setAttendance(staff, meeting.id, croatia!.id, { state: 'excused' });
  workflow.setOutcome(staff, item91.id, 'noted');
  workflow.setOutcome(staff, item92.id, 'adopted');
  records.setConclusions(staff, item91.id, {
    blocks: [[{ text: 'The Network took note of the update' }, { footnote: 1 }, { text: '.' }]],
    footnotes: [{ text: 'NIS Cooperation Group, Work Stream 12.' }],
  });
  records.setConclusions(staff, item92.id, {
    blocks: [
      [{ text: 'The Network adopted the reflections paper' }, { footnote: 1 }, { text: '.' }],
      { block: 'list', style: 'bullet', items: ['Share national plans.'] },
    ],
    footnotes: [{ text: 'Reflections on cybersecurity in the health sector.' }],
  });
  actionPoints.add(staff, item91.id, {
    what: 'Send comments on the guidelines',
    ownerPersonId: belgium!.id,
    dueDate: '2021-01-15',
  });
  actionPoints.add(staff, item92.id, { what: 'Share the national plan', ownerDelegation: 'France' });

  const view = app.services.summaryReports.view(actor(secretariat), meeting.id);
  t.same(view.titleLines, [
    'eHealth Network',
    'Summary report',
    '18th eHealth Network meeting',
    '(Teleconference)',
    '12-13 November 2020',
    'Brussels, Belgium',
  ]);
  t.same(view.headerLines, [
    'EUROPEAN COMMISSION',
    'DG HEALTH AND FOOD SAFETY',
    'DG COMMUNICATIONS NETWORKS, CONTENT AND TECHNOLOGY',
    '',
    'eHealth-units',
  ]);
  t.equal(view.documentTitle, 'Summary report of the 18th eHealth Network meeting, 12-13 November 2020');
  t.same(view.coChairs, [
    { name: 'Ioana-Maria Gligor', function: 'Director, DG SANTE' },
    { name: 'Henrique Martins', function: 'Co-chair, Portugal' },
  ]);
  t.same(
    view.items.map((i) => i.heading),
    [
      '1. Item 1',
      '2. Item 2',
      '3. Item 3',
      '4. Item 4',
      '5. Item 5',
      '6. Item 6',
      '7. Item 7',
      '8. Item 8',
      '9. Cybersecurity',
      '9.1. Update from the Work Stream 12 of the NIS cooperation group – for information',
      '9.2. Reflections on Cybersecurity on the health sector – for information',
    ],
    'every item in agenda order, with its number and procedure',
  );
  t.same(
    view.items.map((i) => i.depth),
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2],
  );
  t.same(view.items[9]!.conclusions, [
    {
      kind: 'paragraph',
      runs: [
        { kind: 'text', text: 'The Network took note of the update' },
        { kind: 'footnote', number: 1 },
        { kind: 'text', text: '.' },
      ],
    },
  ]);
  t.match(view.items[10]!.conclusions, [
    { kind: 'paragraph', runs: [{ kind: 'text' }, { kind: 'footnote', number: 2 }, { kind: 'text' }] },
    { kind: 'list', ordered: false, items: [{ marker: '•', runs: [{ kind: 'text', text: 'Share national plans.' }] }] },
  ]);
  t.same(
    view.footnotes,
    [
      { number: 1, text: 'NIS Cooperation Group, Work Stream 12.' },
      { number: 2, text: 'Reflections on cybersecurity in the health sector.' },
    ],
    'footnotes numbered across the report',
  );
  const rows = [
    {
      itemNumber: '9.1',
      what: 'Send comments on the guidelines',
      owner: 'Delegate of Belgium (Belgium)',
      dueDate: '15 January 2021',
      state: 'open',
    },
    { itemNumber: '9.2', what: 'Share the national plan', owner: 'France', dueDate: null, state: 'open' },
  ];
  t.same(view.items[9]!.actionPoints, [rows[0]]);
  t.same(view.actionPoints, {
    heading: 'Action points',
    columns: ['Item', 'Action', 'Owner', 'Due date', 'State'],
    rows,
  });
  t.same(view.attendance, {
    heading: 'Annex – Attendance',
    columns: ['Delegation', 'Participants', 'Attendance'],
    groups: [
      {
        heading: 'Delegations present',
        rows: [
          { delegation: 'Austria', people: ['Delegate of Austria'], state: 'present' },
          { delegation: 'Belgium', people: ['Delegate of Belgium'], state: 'remote' },
          { delegation: 'Bulgaria', people: [], state: 'represented by Croatia' },
        ],
      },
      {
        heading: 'Other delegations',
        rows: [{ delegation: 'Croatia', people: ['Delegate of Croatia'], state: 'excused' }],
      },
    ],
  });
  t.equal(view.opening.heading, 'Opening and approval of agenda');
  t.equal(view.isDraft, true);

  const dirk = { id: delegates[0]!.id, name: 'Delegate of Austria', role: 'delegate' as const };
  t.throws(
    () => app.services.summaryReports.view(dirk, meeting.id),
    { name: 'AgendumError', message: 'No summary report of meeting 1 is released to you.' },
    'a delegate gets no draft report: to them none exists yet',
  );
});
