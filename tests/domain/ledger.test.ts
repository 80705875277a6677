import t from 'tap';
import { buildLedger, type LedgerDelivery } from '../../src/domain/ledger.js';
import { safeCell } from '../../src/rendering/csv/ledger-csv.js';

const note = {
  itemId: 7,
  number: '9.2',
  title: 'Cybersecurity',
  publications: [
    { number: 1, releasedAt: '2020-11-01T09:00:00.000Z', reason: null },
    { number: 2, releasedAt: '2020-11-05T09:00:00.000Z', reason: 'Corrected the date in paragraph 3' },
  ],
};
const delivery = (personId: number, status: LedgerDelivery['status'], publication: number): LedgerDelivery => ({
  packetId: publication,
  subject: `Packet ${publication}`,
  createdAt: '2020-11-06T09:00:00.000Z',
  personId,
  status,
  sentAt: status === 'sent' ? '2020-11-06T09:01:00.000Z' : null,
  deliveredAs: 'attached',
  lastError: status === 'failed' ? '550 No such user here' : null,
  notes: [{ itemId: 7, publication }],
});
const person = (personId: number) => ({ personId, name: `Delegate ${personId}`, email: `d${personId}@example.eu` });

t.test('a person holds the highest publication a delivered packet carried to them', async (t) => {
  const ledger = buildLedger({
    notes: [note],
    people: [person(1), person(2), person(3), person(4)],
    deliveries: [
      delivery(1, 'sent', 1),
      delivery(1, 'sent', 2),
      delivery(2, 'sent', 1),
      delivery(2, 'failed', 2),
      delivery(3, 'queued', 1),
    ],
  });
  t.same(
    ledger.people.map((p) => [p.personId, p.holds, p.isOutdated]),
    [
      [1, [{ itemId: 7, publication: 2, isLatest: true }], false],
      [2, [{ itemId: 7, publication: 1, isLatest: false }], true],
      [3, [], false],
      [4, [], false],
    ],
    'a failed or waiting message gives nothing; someone sent nothing holds nothing',
  );
  t.same(
    ledger.notes[0]!.publications.map((p) => [p.number, p.holders.map((h) => h.personId)]),
    [
      [1, [2]],
      [2, [1]],
    ],
  );
});

t.test('a CSV cell that a spreadsheet would read as a formula stays text', async (t) => {
  t.equal(safeCell('=HYPERLINK("http://evil.example")'), `'=HYPERLINK("http://evil.example")`);
  t.equal(safeCell('+32 2 299 11 11'), "'+32 2 299 11 11");
  t.equal(safeCell('-1'), "'-1");
  t.equal(safeCell('@SUM(A1)'), "'@SUM(A1)");
  t.equal(safeCell('\tx'), "'\tx");
  t.equal(safeCell('Delegate 1'), 'Delegate 1');
  t.equal(safeCell(2), '2');
  t.equal(safeCell(null), '');
});
