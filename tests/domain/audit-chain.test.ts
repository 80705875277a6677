import t from 'tap';
import {
  GENESIS_HASH,
  hashAuditEvent,
  verifyAuditChain,
  type AuditFields,
  type ChainedAuditEvent,
} from '../../src/domain/audit-chain.js';

const SUBMITTED: AuditFields = {
  id: 1,
  noteId: 10,
  itemId: 20,
  event: 'submit',
  fromState: 'drafting',
  toState: 'review',
  actorId: 3,
  at: '2020-11-01T09:00:00.000Z',
  comment: null,
  versionHash: 'a'.repeat(64),
};
const RETURNED: AuditFields = {
  ...SUBMITTED,
  id: 2,
  event: 'return',
  fromState: 'review',
  toState: 'drafting',
  actorId: 1,
  at: '2020-11-01T10:00:00.000Z',
  comment: 'Please shorten the summary.',
};
const SUBMITTED_AGAIN: AuditFields = {
  ...SUBMITTED,
  id: 3,
  at: '2020-11-01T11:00:00.000Z',
  versionHash: 'b'.repeat(64),
};

// Computed apart, e.g. for the first event:
// printf '["000…0",1,10,20,"submit","drafting","review",3,"2020-11-01T09:00:00.000Z",null,"aaa…a"]' | sha256sum
const HASH_1 = '9ca11fea2af61cf2cef53fdaf69999d256ef3cab4d90ef28ab8dfcbbeda00e28';
const HASH_2 = '42e7c48c59298e79dab1c976c80c8dbae590ad44bb99bc9cee3faaa3f1118409';
const HASH_3 = 'bdc6e528e00f19fdb0883bc635d8a2b60c7fdb98fdf56fd390a4af1e80c12ac5';

/** The three events as stored: each row carries the hash of the one before it and its own. */
function chain(): ChainedAuditEvent[] {
  return [
    { ...SUBMITTED, prevHash: GENESIS_HASH, hash: HASH_1 },
    { ...RETURNED, prevHash: HASH_1, hash: HASH_2 },
    { ...SUBMITTED_AGAIN, prevHash: HASH_2, hash: HASH_3 },
  ];
}

const EDITED = 'its content does not match its hash (the row was edited)';
const UNLINKED = 'does not point at the event before it (a row was removed or reordered)';

t.test('each event hashes the previous hash and its fields with SHA-256', async (t) => {
  t.equal(GENESIS_HASH, '0000000000000000000000000000000000000000000000000000000000000000');
  t.equal(hashAuditEvent(GENESIS_HASH, SUBMITTED), HASH_1);
  t.equal(hashAuditEvent(HASH_1, RETURNED), HASH_2);
  t.equal(hashAuditEvent(HASH_2, SUBMITTED_AGAIN), HASH_3);
});

t.test('an intact chain verifies, and says how many events it checked', async (t) => {
  t.same(verifyAuditChain(chain()), { ok: true, checked: 3 });
  t.same(verifyAuditChain([]), { ok: true, checked: 0 }, 'an empty trail is intact');
});

t.test('an edited field is reported at its row, whichever field it is', async (t) => {
  const edits: Partial<AuditFields>[] = [
    { comment: 'Fine as it is.' },
    { actorId: 999 },
    { at: '2020-11-01T10:00:01.000Z' },
    { toState: 'released' },
    { versionHash: 'c'.repeat(64) },
  ];
  for (const edit of edits) {
    const events = chain();
    Object.assign(events[1]!, edit);
    t.same(verifyAuditChain(events), { ok: false, checked: 2, brokenAt: 2, reason: EDITED }, JSON.stringify(edit));
  }
});

t.test('an edited row whose hash was recomputed breaks the link of the row after it', async (t) => {
  const events = chain();
  events[1]!.comment = 'Fine as it is.';
  events[1]!.hash = hashAuditEvent(HASH_1, events[1]!);
  t.same(verifyAuditChain(events), { ok: false, checked: 3, brokenAt: 3, reason: UNLINKED });
});

t.test('a removed or reordered row is reported where the link breaks', async (t) => {
  const [first, second, third] = chain();
  t.same(verifyAuditChain([first!, third!]), { ok: false, checked: 2, brokenAt: 3, reason: UNLINKED }, 'removed');
  t.same(verifyAuditChain([second!, third!]), { ok: false, checked: 1, brokenAt: 2, reason: UNLINKED }, 'first gone');
  t.same(
    verifyAuditChain([first!, third!, second!]),
    { ok: false, checked: 2, brokenAt: 3, reason: UNLINKED },
    'reordered',
  );
});
