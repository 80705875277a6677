import { Type } from 'typebox';
import { PACKET_CHANGE_KINDS } from '../domain/packet-changes.js';
import { Id, literalUnion } from './common.js';

const Nullable = <T extends ReturnType<typeof Type.String | typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);

export const MeetingPacketParams = Type.Object({ meetingId: Id, packetId: Id });

export const PacketChanges = Type.Object({
  packetId: Id,
  meetingId: Id,
  sentAt: Type.String({ description: 'When the packet was made: what it carried is what it was compared from' }),
  isRecorded: Type.Boolean({
    description: 'False for a packet sent before packets recorded what they carried: no changes can be named',
  }),
  changes: Type.Array(
    Type.Object({
      kind: literalUnion(PACKET_CHANGE_KINDS),
      itemId: Id,
      number: Type.String({ description: "The item's number now (a removed item's number in the packet)" }),
      title: Type.String(),
      summary: Type.String({ description: 'What changed, in plain words' }),
      reason: Nullable(Type.String({ description: 'Why: the reason given with the release that made the change' })),
      publicationNumber: Nullable(Type.Integer({ description: 'The publication the change brought' })),
      fromPublicationNumber: Nullable(
        Type.Integer({ description: 'For a revised note: the publication the packet carried' }),
      ),
      annexTitle: Nullable(Type.String()),
      annexId: Nullable(
        Type.Integer({ description: 'The annex file: the current one, or the one the packet carried' }),
      ),
    }),
    { description: 'In agenda order; items no longer on the agenda last' },
  ),
});
