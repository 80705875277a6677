import { Type } from 'typebox';
import { AUDIENCE_GROUPS } from '../domain/audience.js';
import { Id, Line, literalUnion, TextBlock } from './common.js';
import { Person } from './people.js';

export const GroupName = Line(200);
const Description = Type.Union([TextBlock(1000), Type.Null()]);

export const NewGroupBody = Type.Object(
  { name: GroupName, description: Type.Optional(Description) },
  { additionalProperties: false },
);
export const GroupChangesBody = Type.Object(
  { name: Type.Optional(GroupName), description: Type.Optional(Description) },
  { additionalProperties: false, minProperties: 1 },
);
export const GroupParams = Type.Object({ groupId: Id });
export const GroupMemberParams = Type.Object({ groupId: Id, personId: Id });
export const GroupMembersBody = Type.Object(
  { personIds: Type.Array(Id, { minItems: 1, maxItems: 2000, uniqueItems: true }) },
  { additionalProperties: false },
);

export const Group = Type.Object({
  id: Id,
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  memberCount: Type.Integer(),
});
export const GroupDetail = Type.Object({ ...Group.properties, members: Type.Array(Person) });

/** A distribution group's active members added to one of a meeting's recipient lists. */
export const RecipientGroupBody = Type.Object(
  {
    groupId: Id,
    list: literalUnion(AUDIENCE_GROUPS, { description: 'The recipient list the members join' }),
  },
  { additionalProperties: false },
);
