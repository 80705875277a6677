import type { AttendanceRowView, SummaryReportView } from '../../src/rendering/views/summary-report-view.js';

/**
 * A summary report view of the 18th eHealth Network meeting, written out literally (the records
 * helper's assembly builds the same shape from what was recorded): items 9, 9.1 and 9.2 with
 * their conclusions (one footnote with its source), two action points, and 27 delegations whose
 * attendance is mixed.
 */

const PRESENT: AttendanceRowView[] = [
  { delegation: 'Austria', people: ['Lena Huber'], state: 'present' },
  { delegation: 'Belgium', people: ['Marc Peeters', 'Sofie Claes'], state: 'present' },
  { delegation: 'Bulgaria', people: ['Ivan Petrov'], state: 'remote' },
  { delegation: 'Croatia', people: ['Ana Horvat'], state: 'remote' },
  { delegation: 'Cyprus', people: ['Eleni Georgiou'], state: 'remote' },
  { delegation: 'Czechia', people: ['Jan Novák'], state: 'present' },
  { delegation: 'Denmark', people: ['Mette Jensen'], state: 'remote' },
  { delegation: 'Estonia', people: ['Kadri Tamm'], state: 'present' },
  { delegation: 'Finland', people: ['Aino Virtanen'], state: 'remote' },
  { delegation: 'France', people: ['Claire Martin', 'Louis Bernard'], state: 'present' },
  { delegation: 'Germany', people: ['Julia Schmidt'], state: 'present' },
  { delegation: 'Greece', people: ['Nikos Papadopoulos'], state: 'remote' },
  { delegation: 'Ireland', people: ['Siobhán Murphy'], state: 'remote' },
  { delegation: 'Italy', people: ['Giulia Rossi'], state: 'present' },
  { delegation: 'Latvia', people: ['Ilze Bērziņa'], state: 'remote' },
  { delegation: 'Lithuania', people: ['Tomas Kazlauskas'], state: 'remote' },
  { delegation: 'Netherlands', people: ['Pieter de Vries'], state: 'present' },
  { delegation: 'Poland', people: ['Katarzyna Nowak'], state: 'remote' },
  { delegation: 'Portugal', people: ['Rita Silva'], state: 'present' },
  { delegation: 'Slovenia', people: ['Maja Kovač'], state: 'remote' },
  { delegation: 'Spain', people: ['Lucía García'], state: 'present' },
  { delegation: 'Sweden', people: ['Erik Andersson'], state: 'remote' },
];

const OTHERS: AttendanceRowView[] = [
  { delegation: 'Hungary', people: ['Zoltán Nagy'], state: 'excused' },
  { delegation: 'Luxembourg', people: [], state: 'represented by Belgium' },
  { delegation: 'Malta', people: ['Joseph Borg'], state: 'excused' },
  { delegation: 'Romania', people: [], state: 'absent' },
  { delegation: 'Slovakia', people: ['Peter Horváth'], state: 'excused' },
];

export const REPORT_CREATED_AT = '2020-11-20T09:00:00.000Z';

export const report18 = (): SummaryReportView => ({
  documentTitle: 'Summary report of the 18th eHealth Network meeting, 12-13 November 2020, Brussels, Belgium',
  subject: '18th eHealth Network meeting, 12-13 November 2020, Brussels, Belgium',
  lang: 'en',
  headerLines: [
    'EUROPEAN COMMISSION',
    'DG HEALTH AND FOOD SAFETY',
    'DG COMMUNICATIONS NETWORKS, CONTENT AND TECHNOLOGY',
    '',
    'eHealth-units',
  ],
  registryReference: 'Ref. Ares(2020)7012345 - 23/11/2020',
  titleLines: [
    'eHealth Network',
    'Summary report',
    '18th eHealth Network meeting',
    '(Teleconference)',
    '12-13 November 2020',
    'Brussels, Belgium',
  ],
  coChairsHeading: 'Co-chairs',
  coChairs: [
    { name: 'Maria Example', function: 'Director, DG SANTE' },
    { name: 'Karl Muster', function: 'Member State co-chair, Austria' },
  ],
  opening: {
    heading: 'Opening and approval of agenda',
    blocks: [
      {
        kind: 'paragraph',
        runs: [{ kind: 'text', text: 'The co-chairs welcomed the participants. The agenda was approved as proposed.' }],
      },
    ],
  },
  items: [
    {
      number: '9',
      title: 'Cybersecurity',
      depth: 1,
      procedure: null,
      heading: '9. Cybersecurity',
      outcome: null,
      conclusions: [],
      actionPoints: [],
    },
    {
      number: '9.1',
      title: 'Update from the Work Stream 12 of the NIS cooperation group',
      depth: 2,
      procedure: 'for information',
      heading: '9.1. Update from the Work Stream 12 of the NIS cooperation group – for information',
      outcome: 'Outcome: noted.',
      conclusions: [
        {
          kind: 'paragraph',
          runs: [
            {
              kind: 'text',
              text: 'The Commission presented the first activities of the Work Stream for the health sector',
            },
            { kind: 'footnote', number: 1 },
            { kind: 'text', text: '.' },
          ],
        },
        {
          kind: 'paragraph',
          runs: [{ kind: 'text', text: 'The eHealth Network took note of the update.' }],
        },
      ],
      actionPoints: [
        {
          itemNumber: '9.1',
          what: 'Circulate the Work Stream’s work plan to the Network',
          owner: 'Commission (DG CNECT)',
          dueDate: '15 December 2020',
          state: 'open',
        },
      ],
    },
    {
      number: '9.2',
      title: 'Reflections on Cybersecurity on the health sector',
      depth: 2,
      procedure:
        'for information and to receive Member States reflections on cybersecurity issues in the health sector',
      heading:
        '9.2. Reflections on Cybersecurity on the health sector – for information and to receive Member States reflections on cybersecurity issues in the health sector',
      outcome: 'Outcome: adopted.',
      conclusions: [
        {
          kind: 'paragraph',
          runs: [{ kind: 'text', text: 'Member States shared their reflections. Three themes were raised:' }],
        },
        {
          kind: 'list',
          ordered: false,
          items: [
            { marker: '•', runs: [{ kind: 'text', text: 'hospitals as targets of ransomware;' }] },
            { marker: '•', runs: [{ kind: 'text', text: 'the security of medical devices.' }] },
          ],
        },
      ],
      actionPoints: [
        {
          itemNumber: '9.2',
          what: 'Send written reflections on cybersecurity in health',
          owner: 'Member States',
          dueDate: '31 January 2021',
          state: 'open',
        },
      ],
    },
  ],
  itemActionPointsLabel: 'Action points:',
  actionPoints: {
    heading: 'Action points',
    columns: ['Item', 'Action', 'Owner', 'Due date', 'State'],
    rows: [
      {
        itemNumber: '9.1',
        what: 'Circulate the Work Stream’s work plan to the Network',
        owner: 'Commission (DG CNECT)',
        dueDate: '15 December 2020',
        state: 'open',
      },
      {
        itemNumber: '9.2',
        what: 'Send written reflections on cybersecurity in health',
        owner: 'Member States',
        dueDate: '31 January 2021',
        state: 'open',
      },
    ],
  },
  attendance: {
    heading: 'Annex – Attendance',
    columns: ['Delegation', 'Participants', 'Attendance'],
    groups: [
      { heading: 'Delegations present', rows: PRESENT },
      { heading: 'Other delegations', rows: OTHERS },
    ],
  },
  footnotes: [
    {
      number: 1,
      text: 'NIS Cooperation Group, Work Stream 12.',
      sourceUrl: 'https://digital-strategy.ec.europa.eu/en/policies/nis-cooperation-group',
    },
  ],
  marking: 'Public: may be published',
  isDraft: false,
  draftLabel: null,
  createdAt: REPORT_CREATED_AT,
});
