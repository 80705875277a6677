import type { FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { listFieldErrors, type FieldError, type ValidationIssue } from './field-errors.js';

/** What a form sent, field by field, as typed (for showing the form again). */
export type FormInput = Record<string, string>;

export type FormResult<T> =
  | { ok: true; value: T; input: FormInput }
  | { ok: false; errors: FieldError[]; issues: ValidationIssue[]; input: FormInput };

interface PropertySchema {
  type?: string;
  anyOf?: PropertySchema[];
}

const asStrings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

/**
 * Form fields to the shape the API's JSON has, before the schema's own coercion (numbers,
 * booleans) runs: an empty field is a field not given (or null where the schema allows null),
 * a list field holds its non-empty values. Nothing is trimmed or cleaned: the same characters
 * meet the same rules as through the API.
 */
function toBody(schema: TSchema, fields: Record<string, unknown>): Record<string, unknown> {
  const properties = ((schema as { properties?: Record<string, PropertySchema> }).properties ?? {}) as Record<
    string,
    PropertySchema
  >;
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (property?.type === 'array') {
      body[name] = asStrings(value).filter((v) => v !== '');
    } else if (value === '') {
      if (property?.anyOf?.some((branch) => branch.type === 'null')) body[name] = null;
    } else body[name] = value;
  }
  return body;
}

/**
 * Reads a web form (or an upload's text fields) with the TypeBox schema of the matching API
 * route, validated by the server's own validator (same Ajv, same options), so that every limit,
 * character rule and message is the API's. `besides` names fields that belong to the page, not
 * to the schema (the CSRF token always; an ETag, a `next` address).
 */
export function readForm<T extends TSchema>(
  schema: T,
  fields: unknown,
  request: FastifyRequest,
  besides: readonly string[] = [],
): FormResult<Static<T>> {
  const sent: Record<string, unknown> = {};
  const input: FormInput = {};
  for (const [name, value] of Object.entries((fields ?? {}) as Record<string, unknown>)) {
    if (name === '_csrf' || besides.includes(name)) continue;
    sent[name] = value;
    input[name] = asStrings(value)[0] ?? '';
  }
  const body = toBody(schema, sent);
  const validate = request.compileValidationSchema(schema as never, 'body');
  if (validate(body)) return { ok: true, value: body as Static<T>, input };
  const issues = (validate.errors ?? []) as ValidationIssue[];
  return { ok: false, errors: listFieldErrors(issues, 'body'), issues, input };
}

/**
 * A refused form as the API answers a refused body (400, AGENDUM_VALIDATION, the same `errors`):
 * for fields that do not arrive as the JSON body, such as an upload's text fields.
 */
export class FormRefused extends Error {
  readonly statusCode = 400;
  readonly validationContext = 'body';
  constructor(readonly validation: ValidationIssue[]) {
    super('The form is not valid.');
  }
}
