import { Type } from 'typebox';
import { AUDIENCE_GROUPS } from '../domain/audience.js';
import { OUTBOX_STATUSES, type OutboxStatus } from '../domain/delivery.js';
import { PACKET_CONTENTS, PACKET_KINDS } from '../domain/packet-content.js';
import { Id, Line, literalUnion, TextBlock } from './common.js';

const List = literalUnion(AUDIENCE_GROUPS);
const ItemRef = Type.Object({ itemId: Id, number: Type.String(), title: Type.String() });

export const NewPacketBody = Type.Object(
  {
    subject: Line(300),
    message: TextBlock(20000, {
      description:
        'A Handlebars template: {{meeting.displayLine}}, {{meeting.dates}}, {{meeting.city}}, {{recipient.name}} ...',
    }),
    lists: Type.Optional(Type.Array(List, { minItems: 1, uniqueItems: true, description: 'Default: the delegates' })),
    content: Type.Optional(
      literalUnion(PACKET_CONTENTS, {
        description: "personal (default): each person's preference; combined: one PDF; separate: one PDF per note",
      }),
    ),
    includeInvite: Type.Optional(
      Type.Boolean({ description: 'Attach the meeting as an .ics invitation (default true)' }),
    ),
  },
  { additionalProperties: false },
);

export const PacketCreated = Type.Object({
  id: Id,
  recipients: Type.Integer(),
  items: Type.Array(Type.Object({ itemId: Id, number: Type.String(), title: Type.String(), procedure: Type.String() })),
  leftOut: Type.Array(Type.Object({ ...ItemRef.properties, state: Type.String() }), {
    description: 'Notes not released: not sent',
  }),
});

export const NewAddendumBody = Type.Object(
  { subject: NewPacketBody.properties.subject, message: NewPacketBody.properties.message },
  { additionalProperties: false },
);

export const AddendumCreated = Type.Object({
  ...PacketCreated.properties,
  addendumTo: Id,
  changesOnly: Type.Integer({ description: 'Recipients who hold the earlier packet: they get what changed' }),
  whole: Type.Integer({
    description: 'Recipients added since, or whose earlier message failed: they get the packet whole',
  }),
});

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const PacketView = Type.Object({
  id: Id,
  meetingId: Id,
  kind: literalUnion(PACKET_KINDS, { description: 'consolidated: the notes as they stand; addendum: what changed' }),
  addendumTo: Type.Union([Id, Type.Null()], { description: 'For an addendum: the packet it follows' }),
  subject: Type.String(),
  content: Type.String(),
  createdAt: Type.String(),
  leftOut: Type.Array(Type.Object({ ...ItemRef.properties, state: Type.String() })),
  counts: Type.Object(
    Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, Type.Integer()])) as Record<
      OutboxStatus,
      ReturnType<typeof Type.Integer>
    >,
  ),
  total: Type.Integer(),
  done: Type.Boolean(),
  oldestPendingSeconds: Type.Integer(),
  lastError: Nullable(Type.String()),
  linksRevokedAt: Nullable(Type.String({ description: 'When every download link of the packet was revoked' })),
  linksRevokedReason: Nullable(Type.String()),
  worker: Type.Object(
    {
      running: Type.Boolean(),
      pending: Type.Integer({ description: 'Messages queued or on the wire, all packets and digests together' }),
      inFlight: Type.Integer(),
      oldestPendingSeconds: Type.Integer(),
      stuck: Type.Boolean({ description: 'Something has been due for five minutes and nothing moved' }),
    },
    { description: 'The mail queue as a whole' },
  ),
  recipients: Type.Array(
    Type.Object({
      personId: Id,
      name: Type.String(),
      email: Type.String(),
      status: Type.String(),
      attempts: Type.Integer(),
      lastError: Nullable(Type.String()),
      serverResponse: Nullable(Type.String()),
      sentAt: Nullable(Type.String()),
      linkRevokedAt: Nullable(Type.String({ description: "When this recipient's download link was revoked" })),
      linkRevokedReason: Nullable(Type.String()),
      lists: Type.Array(Type.String(), {
        description: "The packet's recipient lists this person is on: what decided which notes they were sent",
      }),
      changesOnly: Type.Boolean({
        description: 'An addendum to someone who holds the packet it follows: they were sent what changed',
      }),
    }),
  ),
});

export const PacketParams = Type.Object({ packetId: Id });
export const ResendBody = Type.Object(
  { personId: Type.Optional(Id) },
  { additionalProperties: false, description: 'One recipient, or (empty) every recipient that failed' },
);
export const DownloadQuery = Type.Object({
  recipient: Type.Optional(Id),
  expires: Type.Integer({ minimum: 0 }),
  signature: Type.String({ minLength: 10, maxLength: 200 }),
});

export const PacketRecipientParams = Type.Object({ packetId: Id, personId: Id });
/** Why links stop working: shown to whoever follows one afterwards. */
export const RevokeBody = Type.Object(
  { reason: Line(500, { description: 'Shown to whoever follows a revoked link' }) },
  { additionalProperties: false },
);
export const PacketLinksRevoked = Type.Object({
  packetId: Id,
  revokedAt: Type.String(),
  reason: Type.String(),
});
export const RecipientLinkRevoked = Type.Object({
  packetId: Id,
  personId: Id,
  revokedAt: Type.String(),
  reason: Type.String(),
});

export const RecipientsBody = Type.Object(
  { list: List, personIds: Type.Array(Id, { maxItems: 2000, uniqueItems: true }) },
  { additionalProperties: false },
);
export const RecipientRow = Type.Object({
  list: Type.String(),
  id: Id,
  name: Type.String(),
  email: Type.String(),
  memberState: Type.Union([Type.String(), Type.Null()]),
});
