import t from 'tap';
import { readPreamble, undecorate } from '../../src/ingest/cover-note-preamble.js';

t.test('header lines, meeting line, title and item line are told apart in their order', async (t) => {
  const { preamble, stray } = readPreamble([
    'EUROPEAN COMMISSION',
    '  DG HEALTH AND FOOD SAFETY  ',
    '',
    '18TH EHEALTH NETWORK   12-13 NOVEMBER 2020, BRUSSELS, BELGIUM',
    'COVER NOTE',
    '9.1  NIS Cooperation   Group work stream 12',
  ]);
  t.same(preamble, {
    headerLines: ['EUROPEAN COMMISSION', 'DG HEALTH AND FOOD SAFETY'],
    meetingLine: '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM',
    hasCoverNoteTitle: true,
    item: { number: '9.1', title: 'NIS Cooperation Group work stream 12' },
  });
  t.same(stray, []);
});

t.test('Markdown and Word decorations around the item line are taken off', async (t) => {
  const { preamble } = readPreamble(['# 9.3. A markdown note', '**COVER NOTE**']);
  t.same(preamble.item, { number: '9.3', title: 'A markdown note' });
  t.equal(preamble.hasCoverNoteTitle, true);
  t.equal(undecorate('  ## __Summary__ '), 'Summary');
});

t.test('text after the item line belongs nowhere and is returned as stray', async (t) => {
  const { preamble, stray } = readPreamble(['9.2 Reflections on cybersecurity', 'Draft for comments', 'v2']);
  t.same(preamble.headerLines, []);
  t.equal(preamble.meetingLine, null);
  t.same(stray, ['Draft for comments', 'v2']);
});

t.test('a second item line is stray: the first one names the item', async (t) => {
  const { preamble, stray } = readPreamble(['9.1 First', '9.2 Second']);
  t.same(preamble.item, { number: '9.1', title: 'First' });
  t.same(stray, ['9.2 Second']);
});
