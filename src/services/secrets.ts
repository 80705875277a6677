import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const scryptAsync = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

const KEY_LENGTH = 32;
const BLOCK_SIZE = 8;

/**
 * scrypt, memory-hard; the cost is stored with the hash so it can be raised later without
 * locking anybody out. Runs on libuv's pool: a sign-in never blocks the event loop.
 */
export async function hashPassword(password: string, logN: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, scryptOptions(logN));
  return ['scrypt', logN, BLOCK_SIZE, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function scryptOptions(logN: number): ScryptOptions {
  const N = 2 ** logN;
  return { N, r: BLOCK_SIZE, p: 1, maxmem: 256 * N * BLOCK_SIZE };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, , , salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(
    password,
    Buffer.from(salt, 'base64url'),
    expected.length,
    scryptOptions(Number(logN)),
  );
  return timingSafeEqual(actual, expected);
}

/** A fresh secret for a cookie or an API token. */
export const newSecret = (prefix = '') => prefix + randomBytes(32).toString('base64url');

/** Secrets are stored only as this hash: a stolen database opens no session. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A readable password for generated accounts: 20 unbiased picks from 57 letters (116 bits). */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/**
 * The key that signs packet download links: AGENDUM_LINK_SECRET, else one made once and kept in
 * the data folder (0600). Two processes making it at once keep the one written first.
 */
export function loadLinkSecret(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured);
  const file = join(dataDir, 'link-secret');
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(readFileSync(file, 'utf8').trim());
}
