import { isAllowedIssuer } from '../domain/sso-login.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  createAccounts: boolean;
}

/**
 * Single sign-on needs the issuer, the client id and its secret together: none of them is "off",
 * a half-set one is a mistake, named at start (the caller turns the words into its ConfigError).
 */
export function readOidcSettings(values: {
  issuer: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  createAccounts: boolean;
}): { settings: OidcSettings | null } | { error: string } {
  const { issuer, clientId, clientSecret, createAccounts } = values;
  if (issuer === undefined && clientId === undefined && clientSecret === undefined) return { settings: null };
  if (issuer === undefined || clientId === undefined || clientSecret === undefined) {
    return {
      error:
        'Single sign-on needs AGENDUM_OIDC_ISSUER, AGENDUM_OIDC_CLIENT_ID and AGENDUM_OIDC_CLIENT_SECRET together.',
    };
  }
  if (!isAllowedIssuer(issuer)) {
    return { error: 'AGENDUM_OIDC_ISSUER must be an https:// address (http:// only on this machine, for tests).' };
  }
  return { settings: { issuer, clientId, clientSecret, createAccounts } };
}
