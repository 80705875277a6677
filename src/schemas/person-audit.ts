import { Type } from 'typebox';
import { PERSON_ACTIONS } from '../domain/person-audit.js';
import { Id, literalUnion } from './common.js';

const Named = Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]);

export const PersonAuditEntry = Type.Object({
  id: Id,
  at: Type.String({ format: 'date-time' }),
  action: literalUnion(PERSON_ACTIONS),
  actor: Type.Union([Named], { description: 'Who did it; null: the system, or the person through a mailed link' }),
  person: Named,
  groupId: Type.Union([Id, Type.Null()]),
  detail: Type.Union([Type.String(), Type.Null()], { description: 'What changed (words or JSON); never a secret' }),
});

export const PersonAuditQuery = Type.Object(
  {
    personId: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
