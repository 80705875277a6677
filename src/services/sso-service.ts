import * as oidc from 'openid-client';
import { AgendumError, Errors } from '../domain/errors.js';
import { PersonAction, SignInMethod } from '../domain/person-audit.js';
import { Role, type Role as RoleName } from '../domain/roles.js';
import { isLoopbackUrl, openPendingLogin, sealPendingLogin, ssoVerdict, type SsoClaims } from '../domain/sso-login.js';
import type { AuthService } from './auth-service.js';
import type { ServiceContext } from './context.js';
import type { PeopleService } from './people-service.js';
import { createPersonAudit } from './person-audit.js';

export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  createAccounts: boolean;
}

export interface SsoDeps {
  settings: SsoSettings | null;
  /** Where agendum is reached: the redirect URIs registered at the provider start with it. */
  publicUrl: string;
  /** Seals the pending login's cookie. */
  secret: Buffer;
  auth: AuthService;
  people: PeopleService;
}

/** How long a person may take at the provider before the pending login is refused. */
export const PENDING_LOGIN_SECONDS = 600;

const STARTED_AGAIN = 'Start again from the sign-in page.';

/**
 * What went wrong talking to the provider, in words for the person. openid-client's own errors
 * mean an answer failed a check (state, nonce, issuer, PKCE, a code used twice) or was an error:
 * the request's fault, 400. A provider that cannot be reached is nobody's mistake but ours: 503.
 */
function asSsoError(error: unknown): unknown {
  if (error instanceof AgendumError) return error;
  if (error instanceof oidc.AuthorizationResponseError) {
    const code = /^[a-z_]{1,40}$/.test(error.error) ? ` (${error.error})` : '';
    return Errors.ssoFailed(`The sign-on service did not sign you in${code}. ${STARTED_AGAIN}`);
  }
  if (
    error instanceof oidc.ClientError ||
    error instanceof oidc.ResponseBodyError ||
    error instanceof oidc.WWWAuthenticateChallengeError
  ) {
    return Errors.ssoFailed(`The sign-on service's answer could not be trusted, or was already used. ${STARTED_AGAIN}`);
  }
  if (error instanceof Error && (error.message === 'fetch failed' || error.name === 'TimeoutError')) {
    return Errors.ssoUnavailable('The sign-on service cannot be reached just now; try again in a moment.');
  }
  return error;
}

/**
 * Single sign-on with OpenID Connect (authorization code flow, PKCE S256, state, nonce): the
 * provider proves who the person is; agendum decides whether they get in, and with which role.
 */
export function createSsoService(ctx: ServiceContext, deps: SsoDeps) {
  const { settings } = deps;
  const record = createPersonAudit(ctx);
  let discovered: Promise<oidc.Configuration> | null = null;

  function configured(): SsoSettings {
    if (!settings) throw Errors.notFound('Single sign-on is not set up on this agendum.');
    return settings;
  }

  /** The provider's metadata, fetched once; a failed fetch is tried again on the next sign-in. */
  function discover(s: SsoSettings): Promise<oidc.Configuration> {
    const issuer = new URL(s.issuer);
    // config/env.ts lets plain HTTP through for loopback issuers only (the tests' provider).
    const execute = issuer.protocol === 'http:' && isLoopbackUrl(issuer) ? [oidc.allowInsecureRequests] : [];
    discovered ??= oidc
      .discovery(issuer, s.clientId, undefined, oidc.ClientSecretBasic(s.clientSecret), { execute, timeout: 10 })
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  }

  async function claimsOf(
    config: oidc.Configuration,
    tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
  ) {
    const idClaims = tokens.claims();
    if (!idClaims) throw Errors.ssoFailed(`The sign-on service gave no identity. ${STARTED_AGAIN}`);
    if (idClaims.email !== undefined && idClaims.email_verified !== undefined) return idClaims as SsoClaims;
    // Many providers put the email in the userinfo answer only; its subject must be the token's.
    const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    return { ...idClaims, ...info } as SsoClaims;
  }

  /** The account the answer signs in, made first when the configuration allows it. */
  async function accountFor(claims: SsoClaims, createAccounts: boolean) {
    const { people } = ctx.repos;
    const email = typeof claims.email === 'string' ? claims.email.trim() : '';
    const verdict = ssoVerdict(claims, email ? people.findByEmail(email) : undefined, createAccounts);
    if (verdict.kind === 'refused') throw Errors.ssoRefused(verdict.reason);
    if (verdict.kind === 'create') {
      // Roles stay agendum's: whatever the provider says, a new account is a delegate of no Member State.
      const role: RoleName = Role.delegate;
      await deps.people.create('system', { name: verdict.name, email: verdict.email, role });
    }
    return people.findByEmail(verdict.email)!;
  }

  return {
    isConfigured: settings !== null,

    /**
     * Starts a sign-on: the provider's address to send the browser to, and the sealed pending
     * login to keep in a cookie until the answer comes back to `redirectPath`.
     */
    async begin(redirectPath: string, next: string) {
      const s = configured();
      try {
        const config = await discover(s);
        const codeVerifier = oidc.randomPKCECodeVerifier();
        const state = oidc.randomState();
        const nonce = oidc.randomNonce();
        const redirectUri = `${deps.publicUrl}${redirectPath}`;
        const url = oidc.buildAuthorizationUrl(config, {
          redirect_uri: redirectUri,
          scope: 'openid email profile',
          code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
          code_challenge_method: 'S256',
          state,
          nonce,
        });
        const expires = Math.floor(ctx.now().getTime() / 1000) + PENDING_LOGIN_SECONDS;
        const pending = sealPendingLogin(deps.secret, { state, nonce, codeVerifier, redirectUri, next, expires });
        return { url: url.href, pending, maxAgeSeconds: PENDING_LOGIN_SECONDS };
      } catch (error) {
        throw asSsoError(error);
      }
    },

    /**
     * Finishes a sign-on from the provider's answer (`callbackPath`: the path and query it came
     * to) and the pending login's cookie: the code exchanged (openid-client checks state, nonce,
     * issuer and PKCE), the person found by their verified email, a session opened and recorded.
     */
    async finish(callbackPath: string, pendingCookie: string | undefined, previousSession?: string) {
      const s = configured();
      const login = openPendingLogin(deps.secret, pendingCookie, ctx.now());
      if (!login) {
        throw Errors.ssoFailed(`This sign-on is unknown, out of date or was already used. ${STARTED_AGAIN}`);
      }
      const currentUrl = new URL(`${deps.publicUrl}${callbackPath}`);
      if (`${currentUrl.origin}${currentUrl.pathname}` !== login.redirectUri) {
        throw Errors.ssoFailed(`This sign-on was started elsewhere. ${STARTED_AGAIN}`);
      }
      try {
        const config = await discover(s);
        const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: login.codeVerifier,
          expectedState: login.state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        });
        const person = await accountFor(await claimsOf(config, tokens), s.createAccounts);
        const session = ctx.transaction(() => {
          const opened = deps.auth.openSession(person, { previousSession, method: SignInMethod.sso });
          const actor = { id: person.id, name: person.name, role: person.role as RoleName };
          record(actor, PersonAction.signedInSso, { personId: person.id, detail: { issuer: s.issuer } });
          return opened;
        });
        return { ...session, next: login.next };
      } catch (error) {
        throw asSsoError(error);
      }
    },
  };
}
export type SsoService = ReturnType<typeof createSsoService>;
