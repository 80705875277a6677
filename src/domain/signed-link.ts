import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A download link that proves itself: HMAC-SHA256 over the packet id and the expiry. Altered,
 * it is refused (403); expired, it is gone (410).
 */
export function signPacketLink(
  secret: Buffer,
  packetId: number,
  expiresAt: Date,
): { expires: number; signature: string } {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return { expires, signature: sign(secret, packetId, expires) };
}

function sign(secret: Buffer, packetId: number, expires: number): string {
  return createHmac('sha256', secret).update(`packet:${packetId}:${expires}`).digest('base64url');
}

export type LinkVerdict = 'valid' | 'altered' | 'expired';

export function checkPacketLink(
  secret: Buffer,
  packetId: number,
  expires: number,
  signature: string,
  now: Date,
): LinkVerdict {
  const expected = Buffer.from(sign(secret, packetId, expires));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'altered';
  return now.getTime() / 1000 > expires ? 'expired' : 'valid';
}
