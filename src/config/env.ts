import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { readOidcSettings, type OidcSettings } from './oidc-settings.js';
import { isAddressOrCidr } from './proxy-addresses.js';
import { TRACKED_CHANGES_POLICIES, TrackedChanges } from '../domain/tracked-changes.js';

/** The pages' look: the Commission's (ECL's EC preset and logo), the Union's (EU preset and logo), or no institution's logo. */
export const BRANDS = ['ec', 'eu', 'neutral'] as const;
export type Brand = (typeof BRANDS)[number];

/**
 * The one place that reads the environment. Every default is the embedded mode: SQLite file and
 * outgoing mail under ./data, demo data on an empty database, listening on loopback.
 */
const EnvSchema = Type.Object({
  HOST: Type.String({ default: '127.0.0.1', minLength: 1 }),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
  AGENDUM_DATA_DIR: Type.String({ default: './data', minLength: 1 }),
  AGENDUM_DEMO: Type.Union([Type.Literal('1'), Type.Literal('0'), Type.Literal('true'), Type.Literal('false')], {
    default: '1',
  }),
  AGENDUM_DEMO_PASSWORD: Type.Optional(Type.String({ minLength: 12 })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  // 0, a hop count, or the proxies' addresses: read by parseTrustProxy below.
  AGENDUM_TRUST_PROXY: Type.String({ default: '0', minLength: 1 }),
  AGENDUM_SESSION_HOURS: Type.Integer({ default: 12, minimum: 1, maximum: 24 * 30 }),
  AGENDUM_SESSION_IDLE_MINUTES: Type.Integer({ default: 60, minimum: 1, maximum: 24 * 60 }),
  AGENDUM_MAX_UPLOAD_MB: Type.Number({ default: 20, exclusiveMinimum: 0, maximum: 1024 }),
  // A .docx is a zip: what it may inflate to, and how many parts it may hold (zip bombs).
  AGENDUM_MAX_UNZIPPED_MB: Type.Number({ default: 100, exclusiveMinimum: 0, maximum: 4096 }),
  AGENDUM_MAX_ZIP_ENTRIES: Type.Integer({ default: 2000, minimum: 10, maximum: 100000 }),
  // A Word draft's pending tracked changes: read as accepted with a warning, or the upload refused.
  AGENDUM_TRACKED_CHANGES: Type.Union(
    TRACKED_CHANGES_POLICIES.map((p) => Type.Literal(p)),
    { default: TrackedChanges.accept },
  ),
  // Mail: unset AGENDUM_SMTP_URL writes .eml files under the data directory (the embedded mode).
  AGENDUM_SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  AGENDUM_SMTP_POOL: Type.Integer({ default: 5, minimum: 1, maximum: 50 }),
  AGENDUM_MAIL_FROM: Type.String({
    default: 'eHealth Network secretariat <secretariat@agendum.invalid>',
    minLength: 3,
  }),
  AGENDUM_MAIL_REPLY_TO: Type.Optional(Type.String({ minLength: 3 })),
  AGENDUM_PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  // The static folder of published meetings (publication); by default under the data directory.
  AGENDUM_PUBLISH_DIR: Type.Optional(Type.String({ minLength: 1 })),
  AGENDUM_MAX_ATTACHMENTS_MB: Type.Number({ default: 10, exclusiveMinimum: 0, maximum: 100 }),
  AGENDUM_LINK_DAYS: Type.Integer({ default: 14, minimum: 1, maximum: 365 }),
  AGENDUM_LINK_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  // People: how long an invitation link lasts; a second factor for staff signing in with a password.
  AGENDUM_INVITE_DAYS: Type.Integer({ default: 7, minimum: 1, maximum: 90 }),
  AGENDUM_STAFF_2FA: Type.Union([Type.Literal('optional'), Type.Literal('required')], { default: 'optional' }),
  // Single sign-on (OpenID Connect): all three set, or none.
  AGENDUM_OIDC_ISSUER: Type.Optional(Type.String({ pattern: '^https?://' })),
  AGENDUM_OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  AGENDUM_OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  AGENDUM_OIDC_CREATE: Type.Union([Type.Literal('1'), Type.Literal('0'), Type.Literal('true'), Type.Literal('false')], {
    default: '0',
  }),
  AGENDUM_DIGEST_MINUTES: Type.Integer({ default: 15, minimum: 1, maximum: 1440 }),
  AGENDUM_RETRY_BASE_MS: Type.Integer({ default: 2000, minimum: 10, maximum: 600000 }),
  // Requests per minute: sign-in attempts per address, and API calls per bearer token.
  AGENDUM_SIGNIN_PER_MINUTE: Type.Integer({ default: 10, minimum: 1, maximum: 100000 }),
  AGENDUM_TOKEN_PER_MINUTE: Type.Integer({ default: 1200, minimum: 1, maximum: 10000000 }),
  // PDF rendering: worker threads (default: one per core), renders that may wait for one before
  // new ones get a 503, and the memory kept for rendered notes.
  AGENDUM_RENDER_THREADS: Type.Optional(Type.Integer({ minimum: 1, maximum: 64 })),
  AGENDUM_RENDER_QUEUE: Type.Integer({ default: 64, minimum: 1, maximum: 10000 }),
  AGENDUM_RENDER_CACHE_MB: Type.Number({ default: 64, minimum: 0, maximum: 4096 }),
  // log2 of scrypt's N: 17 is OWASP's minimum for scrypt (128 MiB, about 0.3 s on this machine).
  AGENDUM_SCRYPT_LOG_N: Type.Integer({ default: 17, minimum: 10, maximum: 20 }),
  AGENDUM_BRAND: Type.Union(
    BRANDS.map((b) => Type.Literal(b)),
    { default: 'ec' },
  ),
});

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseFile: string;
  demo: boolean;
  demoPassword: string | undefined;
  logLevel: string;
  /**
   * Which peers may speak for the client in `X-Forwarded-*`: none (false), the nearest `n` hops,
   * or the listed proxy addresses and CIDRs.
   */
  trustProxy: TrustProxy;
  sessionHours: number;
  sessionIdleMinutes: number;
  scryptLogN: number;
  uploadsDir: string;
  maxUploadBytes: number;
  maxUnzippedBytes: number;
  maxZipEntries: number;
  trackedChanges: TrackedChanges;
  mail: {
    smtpUrl: string | undefined;
    poolSize: number;
    from: string;
    /** The bare address of `from` (inside its angle brackets): the SMTP envelope sender. */
    fromAddress: string;
    replyTo: string | undefined;
    outgoingDir: string;
    maxAttachmentBytes: number;
    linkDays: number;
    linkSecret: string | undefined;
    digestMinutes: number;
    retryBaseMs: number;
  };
  render: {
    threads: number;
    maxQueue: number;
    cacheBytes: number;
  };
  publicUrl: string;
  /** Where publishing a meeting (re)builds the static folder of every published meeting. */
  publishDir: string;
  signInPerMinute: number;
  tokenPerMinute: number;
  brand: Brand;
  accounts: {
    inviteDays: number;
    staffSecondFactor: 'optional' | 'required';
    /** Null when single sign-on is not configured. */
    oidc: OidcSettings | null;
  };
}

export type TrustProxy = false | { hops: number } | { addresses: string[] };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * `0` trusts no proxy; a count trusts that many hops nearest to us (`1`: the one proxy in
 * front); a list trusts only those proxies. "Trust every hop" (the old `true`) is refused: with
 * it, anybody resets the per-address sign-in limit by writing X-Forwarded-For.
 */
export function parseTrustProxy(text: string): TrustProxy {
  const value = text.trim();
  if (value === 'false') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value) === 0 ? false : { hops: Number(value) };
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.every(isAddressOrCidr)) return { addresses: entries };
  throw new ConfigError(
    `AGENDUM_TRUST_PROXY must be 0, a hop count (1: one proxy in front) or a comma-separated list of proxy addresses or CIDRs (got ${JSON.stringify(text)})`,
  );
}

function describeRule(key: keyof typeof EnvSchema.properties, message: string): string {
  const schema = EnvSchema.properties[key] as { anyOf?: { const: string }[] };
  return schema.anyOf ? `must be one of ${schema.anyOf.map((s) => s.const).join(', ')}` : message;
}

// A secret is never echoed, not even in a start-up error.
const shown = (key: string, value: unknown) =>
  /PASSWORD|SECRET|SMTP_URL/.test(key) ? '(hidden)' : JSON.stringify(value);

const isOn = (flag: string) => flag === '1' || flag === 'true';

/** Reads and checks the configuration; throws ConfigError with one line naming the bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(EnvSchema.properties)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const value = Value.Convert(EnvSchema, Value.Default(EnvSchema, known));
  const [first] = Value.Errors(EnvSchema, value);
  if (first) {
    const key = first.instancePath.replace(/^\//, '') as keyof typeof EnvSchema.properties;
    throw new ConfigError(`${key} ${describeRule(key, first.message)} (got ${shown(key, known[key])})`);
  }
  const e = value as Static<typeof EnvSchema>;
  const dataDir = resolve(e.AGENDUM_DATA_DIR);
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir,
    databaseFile: resolve(dataDir, 'agendum.sqlite'),
    demo: isOn(e.AGENDUM_DEMO),
    demoPassword: e.AGENDUM_DEMO_PASSWORD,
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.AGENDUM_TRUST_PROXY),
    sessionHours: e.AGENDUM_SESSION_HOURS,
    sessionIdleMinutes: e.AGENDUM_SESSION_IDLE_MINUTES,
    scryptLogN: e.AGENDUM_SCRYPT_LOG_N,
    uploadsDir: resolve(dataDir, 'uploads'),
    maxUploadBytes: Math.round(e.AGENDUM_MAX_UPLOAD_MB * 1024 * 1024),
    maxUnzippedBytes: Math.round(e.AGENDUM_MAX_UNZIPPED_MB * 1024 * 1024),
    maxZipEntries: e.AGENDUM_MAX_ZIP_ENTRIES,
    trackedChanges: e.AGENDUM_TRACKED_CHANGES as TrackedChanges,
    brand: e.AGENDUM_BRAND as Brand,
    mail: {
      smtpUrl: e.AGENDUM_SMTP_URL,
      poolSize: e.AGENDUM_SMTP_POOL,
      from: e.AGENDUM_MAIL_FROM,
      fromAddress: /<([^>]+)>/.exec(e.AGENDUM_MAIL_FROM)?.[1] ?? e.AGENDUM_MAIL_FROM,
      replyTo: e.AGENDUM_MAIL_REPLY_TO,
      outgoingDir: resolve(dataDir, 'outgoing-mail'),
      maxAttachmentBytes: Math.round(e.AGENDUM_MAX_ATTACHMENTS_MB * 1024 * 1024),
      linkDays: e.AGENDUM_LINK_DAYS,
      linkSecret: e.AGENDUM_LINK_SECRET,
      digestMinutes: e.AGENDUM_DIGEST_MINUTES,
      retryBaseMs: e.AGENDUM_RETRY_BASE_MS,
    },
    render: {
      threads: e.AGENDUM_RENDER_THREADS ?? availableParallelism(),
      maxQueue: e.AGENDUM_RENDER_QUEUE,
      cacheBytes: Math.round(e.AGENDUM_RENDER_CACHE_MB * 1024 * 1024),
    },
    signInPerMinute: e.AGENDUM_SIGNIN_PER_MINUTE,
    tokenPerMinute: e.AGENDUM_TOKEN_PER_MINUTE,
    accounts: {
      inviteDays: e.AGENDUM_INVITE_DAYS,
      staffSecondFactor: e.AGENDUM_STAFF_2FA,
      oidc: oidcSettings(e),
    },
    publishDir: resolve(dataDir, e.AGENDUM_PUBLISH_DIR ?? 'publication'),
    publicUrl: (e.AGENDUM_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
  };
}

function oidcSettings(e: Static<typeof EnvSchema>): OidcSettings | null {
  const read = readOidcSettings({
    issuer: e.AGENDUM_OIDC_ISSUER,
    clientId: e.AGENDUM_OIDC_CLIENT_ID,
    clientSecret: e.AGENDUM_OIDC_CLIENT_SECRET,
    createAccounts: isOn(e.AGENDUM_OIDC_CREATE),
  });
  if ('error' in read) throw new ConfigError(read.error);
  return read.settings;
}
