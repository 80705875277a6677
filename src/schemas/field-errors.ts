import { PATTERN_MESSAGES } from './common.js';

/** One invalid field: where (`body.title`) and what is wrong with it. */
export interface FieldError {
  path: string;
  message: string;
}

/** An Ajv error, as Fastify's validation and `readForm` report them. */
export interface ValidationIssue {
  instancePath: string;
  schemaPath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * A union's alternatives as one sentence: each failing branch of an `anyOf` says its own
 * complaint ("must be equal to constant" six times); people need the one rule behind them.
 */
function unionMessage(branches: ValidationIssue[]): string {
  const allowed = branches.filter((b) => b.keyword === 'const').map((b) => String(b.params?.allowedValue));
  if (allowed.length > 0 && allowed.length === branches.length) return `must be one of ${allowed.join(', ')}`;
  const specific = branches.find((b) => b.keyword !== 'type');
  if (specific) return messageOf(specific);
  return `must be ${[...new Set(branches.map((b) => String(b.params?.type)))].join(' or ')}`;
}

function messageOf(issue: ValidationIssue): string {
  if (issue.params?.missingProperty !== undefined) return 'is required';
  if (issue.params?.additionalProperty !== undefined) return 'is not a known field';
  if (issue.keyword === 'pattern') {
    const known = PATTERN_MESSAGES[String(issue.params?.pattern)];
    if (known) return known;
  }
  return issue.message ?? 'is invalid';
}

/**
 * Ajv's errors as `{path, message}`, one per complaint, the part of the request named first
 * (`body.title`). The one translation both doors use: the API's problem+json `errors` and the
 * web forms' messages say the same words for the same rule.
 */
export function listFieldErrors(issues: readonly ValidationIssue[], where: string): FieldError[] {
  const unions = issues.filter((i) => i.keyword === 'anyOf' && i.schemaPath);
  const inUnion = (issue: ValidationIssue, union: ValidationIssue) =>
    issue !== union &&
    issue.instancePath === union.instancePath &&
    issue.schemaPath?.startsWith(`${union.schemaPath}/`);
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (unions.some((union) => inUnion(issue, union))) continue;
    const extra = issue.params?.missingProperty ?? issue.params?.additionalProperty;
    const path = [
      where,
      ...issue.instancePath.split('/').filter(Boolean),
      ...(extra !== undefined ? [String(extra)] : []),
    ].join('.');
    const message =
      issue.keyword === 'anyOf' ? unionMessage(issues.filter((i) => inUnion(i, issue))) : messageOf(issue);
    if (!errors.some((e) => e.path === path && e.message === message)) errors.push({ path, message });
  }
  return errors;
}
