import { Type, type TSchema } from 'typebox';
import { AUDIENCE_GROUPS, AUDIENCES } from '../domain/audience.js';
import { Id, Line } from './common.js';

export const Audience = Type.Enum(AUDIENCES, {
  description: 'Distribution marking: public, network (members and observers) or limited to the named groups',
});
export const AudienceGroups = Type.Array(Type.Enum(AUDIENCE_GROUPS), {
  maxItems: AUDIENCE_GROUPS.length,
  uniqueItems: true,
  description: 'With limited: the recipient groups that receive it',
});

export const Item = Type.Object({
  id: Id,
  meetingId: Id,
  parentId: Type.Union([Id, Type.Null()]),
  position: Type.Integer(),
  number: Type.String({ description: 'Derived from the agenda order: "9.1"' }),
  title: Type.String(),
  copiedFromItemId: Type.Union([Id, Type.Null()], { description: 'The postponed item this one continues' }),
  rapporteurs: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  audience: Audience,
  audienceGroups: Type.Array(Type.String()),
  note: Type.Union(
    [
      Type.Object({
        state: Type.String(),
        procedure: Type.Union([Type.String(), Type.Null()]),
        returned: Type.Boolean({
          description: 'Back with its rapporteurs after a review returned it, until a new version is saved',
        }),
      }),
      Type.Null(),
    ],
    {
      description: 'Null when the note is not visible to you',
    },
  ),
});

const Position = Type.Integer({ minimum: 1, maximum: 1000, description: '1-based place among its siblings' });
const RapporteurIds = Type.Array(Id, { maxItems: 20, uniqueItems: true });

export const NewItemBody = Type.Object(
  {
    title: Line(500),
    parentId: Type.Optional(Type.Union([Id, Type.Null()])),
    position: Type.Optional(Position),
    rapporteurIds: Type.Optional(RapporteurIds),
    audience: Type.Optional(Audience),
    audienceGroups: Type.Optional(AudienceGroups),
  },
  { additionalProperties: false },
);

export const ItemChangesBody = Type.Object(
  {
    title: Type.Optional(Line(500)),
    parentId: Type.Optional(Type.Union([Id, Type.Null()])),
    position: Type.Optional(Position),
    rapporteurIds: Type.Optional(RapporteurIds),
    audience: Type.Optional(Audience),
    audienceGroups: Type.Optional(AudienceGroups),
  },
  { additionalProperties: false, minProperties: 1 },
);

// Three levels are all an agenda may hold (MAX_AGENDA_DEPTH); the schema spells them out.
const orderLevel = (children?: TSchema) =>
  Type.Object(
    { id: Id, ...(children ? { children: Type.Optional(Type.Array(children, { maxItems: 500 })) } : {}) },
    { additionalProperties: false },
  );
const OrderNode = orderLevel(orderLevel(orderLevel()));

export const OrderBody = Type.Object(
  { items: Type.Array(OrderNode, { maxItems: 500, description: 'The whole agenda tree in its new order' }) },
  { additionalProperties: false },
);

/**
 * The item page's settings form: the changes as the API takes them, with the title always sent,
 * so that a blank one is refused by the title's own rule rather than read as "unchanged".
 */
export const ItemSettingsBody = Type.Object(
  { ...ItemChangesBody.properties, title: NewItemBody.properties.title },
  { additionalProperties: false },
);
