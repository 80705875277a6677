import { createHmac } from 'node:crypto';

/**
 * RFC 6238 written out for the tests, apart from the app's library (otplib): base32 (RFC 4648)
 * decoding, HMAC-SHA1 of the time step, dynamic truncation (RFC 4226 section 5.3), six digits.
 */
export function base32Bytes(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

export function hotp(key: Buffer, counter: number, digits = 6): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code of a base32 secret at an instant, `steps` time steps of 30 s away from it. */
export function totpAt(secret: string, at: Date, steps = 0, digits = 6): string {
  return hotp(base32Bytes(secret), Math.floor(at.getTime() / 1000 / 30) + steps, digits);
}
