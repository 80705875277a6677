import { Type } from 'typebox';
import { ACTION_POINT_STATES, ATTENDANCE_STATES, MEETING_FORMATS } from '../domain/meeting-record.js';
import { Id, Line, literalUnion } from './common.js';
import { Footnote, InputBlock, StoredBlock, StoredFootnote } from './notes.js';

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const AttendanceParams = Type.Object({ meetingId: Id, personId: Id });
export const ActionPointParams = Type.Object({ actionPointId: Id });

export const MeetingRecordBody = Type.Object(
  {
    format: Type.Optional(Nullable(literalUnion(MEETING_FORMATS))),
    coChairNames: Type.Optional(Type.Array(Line(200), { maxItems: 6, description: 'In the order printed' })),
    coChairFunctions: Type.Optional(
      Type.Array(Line(300), { maxItems: 6, description: 'The function of each co-chair, beside its name' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const AttendanceBody = Type.Object(
  {
    state: Nullable(literalUnion(ATTENDANCE_STATES, { description: 'null: not recorded' })),
    representedById: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);

export const ConclusionsBody = Type.Object(
  {
    blocks: Type.Array(InputBlock, { maxItems: 200, description: 'Paragraphs, lists and tables; none clears' }),
    footnotes: Type.Optional(Type.Array(Footnote, { maxItems: 200 })),
  },
  { additionalProperties: false },
);

const actionPointFields = {
  what: Line(1000),
  ownerPersonId: Type.Optional(Nullable(Id)),
  ownerDelegation: Type.Optional(Nullable(Line(200))),
  dueDate: Type.Optional(Nullable(IsoDate)),
};
export const NewActionPointBody = Type.Object(actionPointFields, { additionalProperties: false });
export const ActionPointChangesBody = Type.Object(
  {
    ...actionPointFields,
    what: Type.Optional(actionPointFields.what),
    state: Type.Optional(literalUnion(ACTION_POINT_STATES)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Conclusions = Type.Object({ blocks: Type.Array(StoredBlock), footnotes: Type.Array(StoredFootnote) });

export const ActionPoint = Type.Object({
  id: Id,
  itemId: Id,
  itemNumber: Type.String(),
  meetingId: Id,
  what: Type.String(),
  ownerPerson: Nullable(Type.Object({ id: Id, name: Type.String(), delegation: Nullable(Type.String()) })),
  ownerDelegation: Nullable(Type.String()),
  owner: Type.String({ description: 'The owner in words: `Jane Doe (BE)`, `Commission`' }),
  dueDate: Nullable(Type.String()),
  state: Type.String(),
  closedAt: Nullable(Type.String()),
});

const PersonRef = Type.Object({ id: Id, name: Type.String(), delegation: Nullable(Type.String()) });
export const AttendanceEntry = Type.Object({
  personId: Id,
  name: Type.String(),
  delegation: Nullable(Type.String({ description: 'Member State, else organisation' })),
  lists: Type.Array(Type.String()),
  state: Nullable(Type.String()),
  representedBy: Nullable(PersonRef),
});

export const CoChairs = Type.Array(Type.Object({ name: Type.String(), function: Type.String() }));

/** An item as the record and the summary report name it: number, title, depth, procedure, outcome. */
export const recordedItemFields = {
  itemId: Id,
  number: Type.String(),
  title: Type.String(),
  depth: Type.Integer(),
  procedure: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
};

export const MeetingRecord = Type.Object({
  meetingId: Id,
  format: Nullable(Type.String()),
  coChairs: CoChairs,
  attendance: Type.Array(AttendanceEntry),
  items: Type.Array(
    Type.Object({
      ...recordedItemFields,
      isActionFollowUp: Type.Boolean(),
      conclusions: Conclusions,
      actionPoints: Type.Array(ActionPoint),
      followUp: Type.Array(ActionPoint, { description: "A follow-up item: the network's open action points" }),
    }),
  ),
});
