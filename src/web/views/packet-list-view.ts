import type { OutboxStatus } from '../../domain/delivery.js';
import type { PacketService } from '../../services/packet-service.js';
import type { MeetingView } from '../../services/presenters.js';
import { underMeetingHeader } from './page-headers.js';

/** A packet's progress in words: "3 sent, 1 could not be delivered, 2 waiting, of 6". */
export function progressLine(p: { counts: Record<OutboxStatus, number>; total: number }) {
  const waiting = p.counts.queued + p.counts.sending;
  return `${p.counts.sent} sent, ${p.counts.failed} could not be delivered, ${waiting} waiting, of ${p.total}`;
}

/** When a packet was made, as people read it: "2026-12-02 00:30 UTC". */
export const whenLine = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The meeting's packets, the latest first, each with its progress and a link to its page. */
export function packetListView(meeting: MeetingView, packets: ReturnType<PacketService['ofMeeting']>) {
  return {
    header: underMeetingHeader(meeting, 'Packets sent'),
    meeting,
    packets: packets.map((p) => ({ ...p, when: whenLine(p.createdAt), progress: progressLine(p) })),
  };
}
