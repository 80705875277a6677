import { Type } from 'typebox';
import { DELIVERY_FORMS, OUTBOX_STATUSES } from '../domain/delivery.js';
import { Id, Line, literalUnion, TextBlock } from './common.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Publication = Type.Integer({ minimum: 1, description: 'The publication (revision) number of the note' });

const Delivery = Type.Object({
  packetId: Id,
  subject: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  status: literalUnion(OUTBOX_STATUSES, { description: 'sent: delivered to the mail server; failed: bounced' }),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
  deliveredAs: Type.Union([literalUnion(DELIVERY_FORMS), Type.Null()], {
    description: 'attached, or linked (a download link); null until the message is built',
  }),
  lastError: Nullable(Type.String()),
  notes: Type.Array(Type.Object({ itemId: Id, publication: Publication }), {
    description: 'The publications this packet carried for this person',
  }),
});

export const Ledger = Type.Object({
  meetingId: Id,
  people: Type.Array(
    Type.Object({
      personId: Id,
      name: Type.String(),
      email: Type.String(),
      holds: Type.Array(Type.Object({ itemId: Id, publication: Publication, isLatest: Type.Boolean() }), {
        description: 'The highest publication of each note delivered to them',
      }),
      isOutdated: Type.Boolean({ description: 'They hold an older publication of some note than the latest' }),
      deliveries: Type.Array(Delivery),
    }),
  ),
  notes: Type.Array(
    Type.Object({
      itemId: Id,
      number: Type.String(),
      title: Type.String(),
      publications: Type.Array(
        Type.Object({
          number: Publication,
          releasedAt: Type.String({ format: 'date-time' }),
          reason: Nullable(Type.String()),
          holders: Type.Array(Type.Object({ personId: Id, name: Type.String() }), {
            description: 'Who holds this publication (as their latest of the note)',
          }),
        }),
      ),
    }),
  ),
});

export const SendLatestBody = Type.Object(
  {
    subject: Type.Optional(Line(300)),
    message: Type.Optional(TextBlock(20000)),
  },
  { additionalProperties: false },
);
