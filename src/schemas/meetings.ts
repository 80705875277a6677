import { Type } from 'typebox';
import { MEETING_STATUSES } from '../domain/meeting-status.js';
import { Id, Line, literalUnion } from './common.js';

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Status = literalUnion(MEETING_STATUSES);

export const Network = Type.Object({ id: Id, name: Type.String(), headerLines: Type.Array(Type.String()) });
export const NewNetworkBody = Type.Object(
  {
    name: Line(200),
    headerLines: Type.Array(Type.String({ maxLength: 200 }), {
      maxItems: 12,
      description: 'Printed at the top of every note, in order; an empty string is a gap',
    }),
  },
  { additionalProperties: false },
);

export const Meeting = Type.Object({
  id: Id,
  network: Type.Object({ id: Id, name: Type.String() }),
  ordinal: Type.Integer(),
  startDate: Type.String(),
  endDate: Type.String(),
  city: Type.String(),
  country: Type.String(),
  status: Status,
  draftingDeadline: Type.Union([Type.String(), Type.Null()]),
  dates: Type.String({ description: 'As printed: 12-13 November 2020' }),
  displayLine: Type.String({ description: '18TH EHEALTH NETWORK 12-13 NOVEMBER 2020, BRUSSELS, BELGIUM' }),
  headerLines: Type.Array(Type.String()),
});

const meetingFields = {
  networkId: Id,
  ordinal: Type.Integer({ minimum: 1, maximum: 10000 }),
  startDate: IsoDate,
  endDate: IsoDate,
  city: Line(100),
  country: Line(100),
  status: Status,
  draftingDeadline: Type.Union([IsoDate, Type.Null()], { description: 'Last day to submit notes for review' }),
};

export const NewMeetingBody = Type.Object(
  {
    ...meetingFields,
    networkId: Type.Optional(Id),
    status: Type.Optional(Status),
    draftingDeadline: Type.Optional(meetingFields.draftingDeadline),
  },
  { additionalProperties: false },
);

export const MeetingChangesBody = Type.Partial(Type.Object(meetingFields, { additionalProperties: false }), {
  additionalProperties: false,
  minProperties: 1,
});
