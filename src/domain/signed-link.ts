import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A download link that proves itself: HMAC-SHA256 over the packet id, the recipient (the outbox
 * row the link was mailed in, so it serves that recipient's audience) and the expiry. Altered,
 * it is refused (403); expired, it is gone (410). Links of packets made before recipients were
 * named carry no recipient and are checked as they were signed.
 */
export function signPacketLink(
  secret: Buffer,
  packetId: number,
  expiresAt: Date,
  recipientId?: number,
): { expires: number; signature: string } {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return { expires, signature: sign(secret, packetId, expires, recipientId) };
}

function sign(secret: Buffer, packetId: number, expires: number, recipientId: number | undefined): string {
  const subject =
    recipientId === undefined ? `packet:${packetId}:${expires}` : `packet:${packetId}:${recipientId}:${expires}`;
  return createHmac('sha256', secret).update(subject).digest('base64url');
}

export type LinkVerdict = 'valid' | 'altered' | 'expired';

export function checkPacketLink(
  secret: Buffer,
  packetId: number,
  expires: number,
  signature: string,
  now: Date,
  recipientId?: number,
): LinkVerdict {
  const expected = Buffer.from(sign(secret, packetId, expires, recipientId));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'altered';
  return now.getTime() / 1000 > expires ? 'expired' : 'valid';
}
