import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { Test } from 'tap';

/** What the test provider says about an account (its login name is its subject). */
export interface ProviderAccount {
  email: string;
  email_verified: boolean;
  name?: string;
}

export const CLIENT_ID = 'agendum-test';
export const CLIENT_SECRET = 'the test client secret of agendum, long enough';

/** A change made to the provider's answers (the redirects back to agendum). */
export type AnswerChange = (answer: URL) => void;

/** The part of oidc-provider's request context that taking consent as given uses. */
interface GrantContext {
  oidc: {
    client: { clientId: string };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    provider: {
      Grant: {
        new (init: { clientId: string; accountId: string }): {
          addOIDCScope(scope: string): void;
          save(): Promise<string>;
        };
        find(id: string): Promise<unknown>;
      };
    };
  };
}

/** A port free just now, for a server whose address must be known before it starts (the public URL). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1, a random port: one confidential client
 * (agendum) with `redirectUris`, the accounts given, and its development login form (any login
 * name, any password; the name picks the account). Consent is taken as given, as a first-party
 * provider such as EU Login does.
 */
export async function startProvider(
  t: Test,
  options: { accounts: Record<string, ProviderAccount>; redirectUris: string[] },
): Promise<{ issuer: string; alterAnswers: (alter: AnswerChange | null) => void }> {
  let handle: ReturnType<InstanceType<typeof Provider>['callback']> | null = null;
  let alterAnswer: AnswerChange | null = null;
  const server: Server = createServer((req, res) => {
    // The provider's redirects back to agendum pass here: a test may change them on the way,
    // as a provider gone wrong (another `iss`) or somebody in the middle (another `state`) would.
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name, value) => {
      const isAnswer =
        name.toLowerCase() === 'location' &&
        typeof value === 'string' &&
        options.redirectUris.some((uri) => value.startsWith(`${uri}?`));
      if (!isAnswer || !alterAnswer) return setHeader(name, value);
      const url = new URL(value);
      alterAnswer(url);
      return setHeader(name, url.href);
    };
    handle!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: options.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['the test provider cookie key'] },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = options.accounts[sub];
      return account ? { accountId: sub, claims: async () => ({ sub, ...account }) } : undefined;
    },
    loadExistingGrant: async (ctx: GrantContext) => {
      const clientId = ctx.oidc.client.clientId;
      const grantId = ctx.oidc.session.grantIdFor(clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  handle = provider.callback();
  return { issuer, alterAnswers: (alter) => (alterAnswer = alter) };
}
