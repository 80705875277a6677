import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A single sign-on under way, between the redirect to the provider and its answer: the checks
 * the answer must pass (state, nonce, PKCE verifier), where it must come back to, and the page
 * the person was going to. It rides in a cookie, sealed with the server's key: whoever alters it
 * holds a cookie that opens nothing.
 */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  /** Where to go once signed in; checked again when it is used. */
  next: string;
  /** Seconds since 1970: a pending login older than this is refused. */
  expires: number;
}

// Domain separation: the same key signs packet links, whose subjects start with `packet:`.
const sign = (secret: Buffer, body: string) =>
  createHmac('sha256', secret).update(`sso-login:${body}`).digest('base64url');

/** The cookie value: the login as base64url JSON, a dot, its HMAC-SHA256. */
export function sealPendingLogin(secret: Buffer, pending: PendingLogin): string {
  const body = Buffer.from(JSON.stringify(pending)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

const FIELDS = ['state', 'nonce', 'codeVerifier', 'redirectUri', 'next'] as const;

/** The pending login a cookie holds, or null when it is missing, altered, malformed or out of date. */
export function openPendingLogin(secret: Buffer, sealed: string | undefined, now: Date): PendingLogin | null {
  const [body, signature, ...rest] = (sealed ?? '').split('.');
  if (!body || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let pending: PendingLogin;
  try {
    pending = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as PendingLogin;
  } catch {
    return null;
  }
  if (!FIELDS.every((f) => typeof pending[f] === 'string') || typeof pending.expires !== 'number') return null;
  return now.getTime() / 1000 > pending.expires ? null : pending;
}

/** Hosts that never leave the machine: the only ones where a provider may speak plain HTTP. */
export function isLoopbackUrl(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Tokens and the provider's keys come from the issuer: over HTTPS, or plain HTTP where nobody can listen in. */
export function isAllowedIssuer(issuer: string): boolean {
  if (!URL.canParse(issuer)) return false;
  const url = new URL(issuer);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
}

/** What the provider says about the person, as far as agendum reads it. */
export interface SsoClaims {
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

export type SsoVerdict =
  | { kind: 'sign-in'; email: string }
  | { kind: 'create'; email: string; name: string }
  | { kind: 'refused'; reason: string };

/**
 * Whom an SSO answer signs in: the active account with the provider's email, only when the
 * provider vouches for that email (`email_verified: true`, not a truthy string). Without an
 * account, one is made only where the configuration allows it; a deactivated account stays shut.
 */
export function ssoVerdict(
  claims: SsoClaims,
  account: { isActive: boolean } | undefined,
  createAccounts: boolean,
): SsoVerdict {
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (!email) return { kind: 'refused', reason: 'The sign-on service did not give an email address.' };
  if (claims.email_verified !== true) {
    return { kind: 'refused', reason: `The sign-on service has not verified your email address ${email}.` };
  }
  if (account) {
    return account.isActive
      ? { kind: 'sign-in', email }
      : { kind: 'refused', reason: `The agendum account of ${email} is deactivated; ask the secretariat.` };
  }
  if (!createAccounts) {
    return {
      kind: 'refused',
      reason: `No agendum account has the email address ${email}; ask the secretariat to add you.`,
    };
  }
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
  return { kind: 'create', email, name };
}
