import { Type, type TSchema } from 'typebox';

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

export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
export const MeetingParams = Type.Object({ meetingId: Id });
export const ItemParams = Type.Object({ itemId: Id });
export const ForceQuery = Type.Object({
  force: Type.Boolean({ default: false, description: 'Also delete sub-items and written notes' }),
});
export const NoContent = Type.Null({ description: 'No content' });

/** A single line of text a person types: trimmed length 1..max, no control characters. */
export const Line = (max = 300, extra: Record<string, unknown> = {}) =>
  // Linear on any input: an earlier `[^ctl]*\\S[^ctl]*` backtracked for seconds on 100 kB (found by the fuzz test).
  Type.String({ minLength: 1, maxLength: max, pattern: '^(?=[\\s\\S]*\\S)[^\\u0000-\\u001f\\u007f]+$', ...extra });
