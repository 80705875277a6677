import type { Test } from 'tap';
import { build, testConfig, type TestApp } from '../helper.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  freePort,
  startProvider,
  type AnswerChange,
  type ProviderAccount,
} from './oidc-provider.js';
import { RedirectWalker } from './redirect-walk.js';

/** The provider's accounts, by login name: who they are there, whatever agendum knows of them. */
export const PROVIDER_ACCOUNTS: Record<string, ProviderAccount> = {
  // The same address as agendum's account, in other capitals.
  ada: { email: 'ada.delegate@example.org', email_verified: true, name: 'Ada at the provider' },
  // Ada's address, which this provider has not checked.
  unverified: { email: 'ada.delegate@example.org', email_verified: false },
  nobody: { email: 'nobody@example.org', email_verified: true },
  newcomer: { email: 'new.comer@example.org', email_verified: true, name: 'New Comer' },
  gone: { email: 'gone@example.org', email_verified: true },
};

export interface SsoWorld {
  app: TestApp;
  /** agendum's address, listening. */
  base: string;
  issuer: string;
  /** From now on, the provider's answers are changed so on their way (null: sent as they are). */
  alterAnswers: (alter: AnswerChange | null) => void;
  adaId: number;
  walker: RedirectWalker;
  sessionCount: () => number;
  /** The people audit's actions, oldest first. */
  auditActions: () => string[];
}

/**
 * A real provider and a real agendum listening on 127.0.0.1, each knowing the other: agendum's
 * public address is its listening one, the provider has both callbacks registered. Ada has an
 * agendum account (delegate, Belgium); Gone's account is deactivated. `issuer` changes the
 * issuer agendum is told (to test a configured issuer the provider does not answer as).
 */
export async function ssoWorld(
  t: Test,
  options: { createAccounts?: boolean; issuer?: (real: string) => string } = {},
): Promise<SsoWorld> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { issuer, alterAnswers } = await startProvider(t, {
    accounts: PROVIDER_ACCOUNTS,
    redirectUris: [`${base}/sign-in/sso/callback`, `${base}/api/v1/session/sso/callback`],
  });
  const config = testConfig(t, {
    AGENDUM_PUBLIC_URL: base,
    AGENDUM_OIDC_ISSUER: options.issuer ? options.issuer(issuer) : issuer,
    AGENDUM_OIDC_CLIENT_ID: CLIENT_ID,
    AGENDUM_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    ...(options.createAccounts ? { AGENDUM_OIDC_CREATE: '1' } : {}),
  });
  // The real clock: the provider's tokens are checked against it.
  const app = await build(t, { config, now: () => new Date() });
  await app.listen({ host: '127.0.0.1', port });
  const ada = await app.services.people.create('system', {
    name: 'Ada Delegate',
    email: 'Ada.Delegate@example.org',
    role: 'delegate',
    memberState: 'BE',
  });
  const gone = await app.services.people.create('system', {
    name: 'Gone',
    email: 'gone@example.org',
    role: 'delegate',
  });
  const sam = await app.services.people.create('system', {
    name: 'Sam',
    email: 'sam@example.org',
    role: 'secretariat',
  });
  app.services.people.update({ id: sam.id, name: sam.name, role: 'secretariat' }, gone.id, { isActive: false });
  const { sqlite } = app.database;
  return {
    app,
    base,
    issuer,
    alterAnswers,
    adaId: ada.id,
    walker: new RedirectWalker(),
    sessionCount: () => (sqlite.prepare('select count(*) as n from sessions').get() as { n: number }).n,
    auditActions: () =>
      (sqlite.prepare('select action from person_audit_events order by id').all() as { action: string }[]).map(
        (r) => r.action,
      ),
  };
}
