import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import { TOTP_STEP_SECONDS, TOTP_TOLERANCE_STEPS } from '../domain/second-factor.js';

/** The issuer an authenticator app shows beside the account. */
const ISSUER = 'agendum';

/** A new TOTP shared secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32. */
export const newTotpSecret = () => generateSecret({ length: 20 });

/** The otpauth:// address an authenticator app reads from the QR code. */
export const totpUri = (secret: string, email: string) => generateURI({ issuer: ISSUER, label: email, secret });

/**
 * The QR code of the address as a PNG data URL: made here, on the server, so that the secret
 * never goes to a third-party QR service and the page needs no script (the CSP allows data: images).
 */
export const qrCodeOf = (uri: string) => QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, scale: 5 });

/**
 * The time step a code belongs to, when it is right for the secret at `now` (one step either
 * side allowed) and later than `afterStep` (a step already used: a replayed code); else null.
 * otplib compares in constant time.
 */
export function matchTotp(secret: string, code: string, now: Date, afterStep?: number): number | null {
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    period: TOTP_STEP_SECONDS,
    epochTolerance: TOTP_STEP_SECONDS * TOTP_TOLERANCE_STEPS,
    ...(afterStep === undefined ? {} : { afterTimeStep: afterStep }),
  });
  // A TOTP answer always carries its time step (the HOTP one, in the same union type, does not).
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Letters and digits that cannot be mistaken for one another when copied from paper. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code as shown: ten unbiased picks of 31 characters (about 50 bits), as "abcde-fghjk". */
export function newRecoveryCode(): string {
  const picks = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${picks.slice(0, 5)}-${picks.slice(5)}`;
}
