/**
 * Every error a user can cause is an AgendumError: a stable code, an HTTP-like status and a
 * sentence for people. The HTTP boundary turns it into application/problem+json; nothing here
 * knows about HTTP beyond the number.
 */
export class AgendumError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly extras: Record<string, unknown>;
  /**
   * The input field the error is about (`endDate`), when it is about one: a web form shows the
   * message beside that field. Not part of the problem+json answer.
   */
  readonly field: string | null;

  constructor(spec: ErrorSpec, detail: string, extras: Record<string, unknown> = {}, field: string | null = null) {
    super(detail);
    this.name = 'AgendumError';
    this.code = spec.code;
    this.status = spec.status;
    this.title = spec.title;
    this.extras = extras;
    this.field = field;
  }
}

interface ErrorSpec {
  code: `AGENDUM_${string}`;
  status: number;
  title: string;
}

type ErrorFactory = ((detail: string, extras?: Record<string, unknown>) => AgendumError) &
  ErrorSpec & {
    /** The same error about one field of the input: `Errors.invalid.onField('endDate', detail)`. */
    onField: (field: string, detail: string) => AgendumError;
  };

/** Declares an error once (code, status, title); call the result with the detail. */
function defineError(code: ErrorSpec['code'], status: number, title: string): ErrorFactory {
  const spec = { code, status, title };
  const factory = (detail: string, extras?: Record<string, unknown>) => new AgendumError(spec, detail, extras);
  const onField = (field: string, detail: string) => new AgendumError(spec, detail, {}, field);
  return Object.assign(factory, spec, { onField });
}

export const Errors = {
  unauthenticated: defineError('AGENDUM_UNAUTHENTICATED', 401, 'Sign-in required'),
  badCredentials: defineError('AGENDUM_BAD_CREDENTIALS', 401, 'Email or password is wrong'),
  forbidden: defineError('AGENDUM_FORBIDDEN', 403, 'Not allowed'),
  crossSite: defineError('AGENDUM_CROSS_SITE', 403, 'Cross-site request refused'),
  badCsrfToken: defineError('AGENDUM_CSRF', 403, 'Form expired or not from agendum'),
  notFound: defineError('AGENDUM_NOT_FOUND', 404, 'Not found'),
  conflict: defineError('AGENDUM_CONFLICT', 409, 'Conflict'),
  invalidTransition: defineError('AGENDUM_INVALID_TRANSITION', 409, 'Transition not allowed'),
  staleWrite: defineError('AGENDUM_STALE', 412, 'The note changed meanwhile'),
  preconditionRequired: defineError('AGENDUM_IF_MATCH_REQUIRED', 428, 'If-Match required'),
  duplicateEmail: defineError('AGENDUM_DUPLICATE_EMAIL', 409, 'Email already in use'),
  hasContent: defineError('AGENDUM_HAS_CONTENT', 409, 'Would delete content'),
  invalid: defineError('AGENDUM_INVALID', 422, 'Invalid request'),
  gone: defineError('AGENDUM_GONE', 410, 'Gone'),
  badUpload: defineError('AGENDUM_BAD_UPLOAD', 422, 'The file cannot be read'),
  unsupportedUpload: defineError('AGENDUM_UNSUPPORTED_FILE', 415, 'Unsupported file type'),
  uploadTooLarge: defineError('AGENDUM_FILE_TOO_LARGE', 413, 'File too large'),
  noSections: defineError('AGENDUM_NO_SECTIONS', 422, 'No cover-note section found'),
  rateLimited: defineError('AGENDUM_RATE_LIMITED', 429, 'Too many requests'),
  busy: defineError('AGENDUM_BUSY', 503, 'Service busy'),
  /** The provider's answer was sound but names nobody agendum lets in (unknown, unverified, deactivated). */
  ssoRefused: defineError('AGENDUM_SSO_REFUSED', 403, 'Single sign-on refused'),
  /** The provider's answer failed a check (state, nonce, issuer, a used code) or was an error. */
  ssoFailed: defineError('AGENDUM_SSO_FAILED', 400, 'Single sign-on did not complete'),
  ssoUnavailable: defineError('AGENDUM_SSO_UNAVAILABLE', 503, 'Sign-on service unreachable'),
} as const;
