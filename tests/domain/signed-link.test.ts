import t from 'tap';
import { checkPacketLink, signPacketLink } from '../../src/domain/signed-link.js';

const secret = Buffer.from('k'.repeat(32));
const now = new Date('2020-11-01T10:00:00Z');
const expiresAt = new Date('2020-11-15T00:00:00Z');

t.test('a link carries its expiry in seconds and an HMAC-SHA256 of packet, recipient and expiry', async (t) => {
  // Computed apart: printf 'packet:7:1605398400' | openssl dgst -sha256 -hmac kkk... | base64url
  t.same(signPacketLink(secret, 7, expiresAt), {
    expires: 1605398400,
    signature: 'HQXFf7LGul1rvdlipRJCee4DB9tNiMM0S6yB4Im-MuQ',
  });
  t.same(signPacketLink(secret, 7, expiresAt, 3), {
    expires: 1605398400,
    signature: 'zKeOTGWHzeq1vmwcLrqOogNept2UNQ5DaI-wgIQDYJw',
  });
});

t.test('signed links: valid, altered, expired', async (t) => {
  const { expires, signature } = signPacketLink(secret, 7, expiresAt);
  t.equal(checkPacketLink(secret, 7, expires, signature, now), 'valid');
  t.equal(checkPacketLink(secret, 8, expires, signature, now), 'altered', 'another packet');
  t.equal(checkPacketLink(secret, 7, expires + 86400, signature, now), 'altered', 'a pushed-back expiry');
  t.equal(checkPacketLink(secret, 7, expires, signature, new Date('2020-11-16T00:00:00Z')), 'expired');
});

t.test('a link is valid up to its expiry second, and expired after it', async (t) => {
  const { expires, signature } = signPacketLink(secret, 7, expiresAt);
  t.equal(checkPacketLink(secret, 7, expires, signature, new Date('2020-11-15T00:00:00Z')), 'valid');
  t.equal(checkPacketLink(secret, 7, expires, signature, new Date('2020-11-15T00:00:00.001Z')), 'expired');
});

t.test("a recipient's link serves that recipient only; an old link without one still holds", async (t) => {
  const { expires, signature } = signPacketLink(secret, 7, expiresAt, 3);
  t.equal(checkPacketLink(secret, 7, expires, signature, now, 3), 'valid');
  t.equal(checkPacketLink(secret, 7, expires, signature, now, 4), 'altered', 'another recipient');
  t.equal(checkPacketLink(secret, 7, expires, signature, now), 'altered', 'the recipient dropped');
  const old = signPacketLink(secret, 7, expiresAt);
  t.equal(checkPacketLink(secret, 7, old.expires, old.signature, now), 'valid');
  t.equal(checkPacketLink(secret, 7, old.expires, old.signature, now, 3), 'altered', 'a recipient added');
});

t.test('a forged signature is altered, whatever its length; so is another secret', async (t) => {
  for (const forged of [
    '',
    'x',
    'HQXFf7LGul1rvdlipRJCee4DB9tNiMM0S6yB4Im-MuA',
    'HQXFf7LGul1rvdlipRJCee4DB9tNiMM0S6yB4Im-MuQQ',
  ]) {
    t.equal(checkPacketLink(secret, 7, 1605398400, forged, now), 'altered', JSON.stringify(forged));
  }
  const { expires, signature } = signPacketLink(Buffer.from('j'.repeat(32)), 7, expiresAt);
  t.equal(checkPacketLink(secret, 7, expires, signature, now), 'altered');
});
