import { Type, type TLiteral, type TObjectOptions, type TSchema, type TSchemaOptions, type TUnion } from 'typebox';
import { SECTION_KEYS, type SectionKey } from '../domain/note-content.js';

/** RFC 9457 problem details, as every 4xx/5xx answer carries them. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    code: Type.String({ description: 'Stable machine-readable code, AGENDUM_*' }),
    errors: Type.Optional(
      Type.Array(Type.Object({ path: Type.String(), message: Type.String() }), {
        description: 'One entry per invalid field (validation errors only)',
      }),
    ),
  },
  { additionalProperties: true, $id: 'Problem', description: 'application/problem+json' },
);

/** The documented error answers of a route: each status listed shares the problem schema. */
export function problems(
  ...statuses: number[]
): Record<number, { description: string; content: Record<string, { schema: TSchema }> }> {
  const answer = {
    description: 'Problem details (RFC 9457)',
    content: { 'application/problem+json': { schema: Type.Ref('Problem') } },
  };
  return Object.fromEntries([400, 401, ...statuses].map((s) => [s, answer]));
}

/** The words of a set as a tuple of literal schemas, so that Static<> gives back the words' union. */
type Literals<W extends readonly string[]> = { -readonly [K in keyof W]: TLiteral<W[K]> };

/**
 * One word of a set defined in src/domain (states, events, roles ...), as an `anyOf` of
 * constants: the schema follows the domain's list, and a refusal names the words allowed.
 */
export function literalUnion<const W extends readonly string[]>(words: W, options?: TSchemaOptions) {
  return Type.Union(
    words.map((word) => Type.Literal(word)),
    options,
  ) as TUnion<Literals<W>>;
}

/** One property per section of a note, in the sections' order, each of the same schema. */
export function bySection<T extends TSchema>(field: T, options?: TObjectOptions) {
  return Type.Object(Object.fromEntries(SECTION_KEYS.map((key) => [key, field])) as Record<SectionKey, T>, options);
}

export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
export const MeetingParams = Type.Object({ meetingId: Id });
export const ItemParams = Type.Object({ itemId: Id });
export const ForceQuery = Type.Object({
  force: Type.Boolean({ default: false, description: 'Also delete sub-items and written notes' }),
});
export const NoContent = Type.Null({ description: 'No content' });

// Linear on any input: an earlier `[^ctl]*\\S[^ctl]*` backtracked for seconds on 100 kB (found by the fuzz test).
/** Not blank, no control characters at all (no line breaks either). */
export const LINE_PATTERN = '^(?=[\\s\\S]*\\S)[^\\u0000-\\u001f\\u007f]+$';
/** Not blank; line breaks and tabs, but no other control characters (NUL, ESC, a lone form feed...). */
export const TEXT_PATTERN = '^(?=[\\s\\S]*\\S)[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]+$';

/** The characters of TEXT_PATTERN, blank allowed: where the service itself says why blank is not enough. */
export const TEXT_CHARS_PATTERN = '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$';
/** One line, possibly blank (a field the service decides is needed or not): no control characters at all. */
export const LINE_CHARS_PATTERN = '^[^\\u0000-\\u001f\\u007f]*$';

/** What each pattern means, as both doors (API problems and web forms) say it. */
export const PATTERN_MESSAGES: Record<string, string> = {
  [LINE_PATTERN]: 'must not be blank, and must be one line without control characters',
  [TEXT_PATTERN]: 'must not be blank, and must not hold control characters other than line breaks and tabs',
  [TEXT_CHARS_PATTERN]: 'must not hold control characters other than line breaks and tabs',
  [LINE_CHARS_PATTERN]: 'must be one line without control characters',
};

/** A single line of text a person types: length 1..max, not blank, no control characters. */
export const Line = (max = 300, extra: Record<string, unknown> = {}) =>
  Type.String({ minLength: 1, maxLength: max, pattern: LINE_PATTERN, ...extra });

/** Text of several lines a person types (a comment, a message): length 1..max, not blank, no control characters but line breaks and tabs. */
export const TextBlock = (max: number, extra: Record<string, unknown> = {}) =>
  Type.String({ minLength: 1, maxLength: max, pattern: TEXT_PATTERN, ...extra });
