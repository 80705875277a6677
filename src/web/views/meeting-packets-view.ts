import { isStaff, type Actor } from '../../domain/roles.js';
import { termOf } from '../../rendering/html/glossary.js';
import type { Services } from '../../services/index.js';
import type { MeetingView } from '../../services/presenters.js';
import { whenLine } from './packet-list-view.js';

/**
 * The meeting page's packets box: for the secretariat, the ways to send and follow packets and
 * the packet PDF with drafts (and which notes a plain one would refuse for not being released);
 * for anyone else, the latest packet they received and the format they receive packets in.
 * Shown by templates/partials/meeting-packets.hbs.
 */
export function meetingPacketsView(services: Services, actor: Actor, meeting: MeetingView): Record<string, unknown> {
  if (isStaff(actor.role)) {
    const unreleased = services.packets.unreleased(actor, meeting.id);
    return {
      staff: true,
      meetingId: meeting.id,
      unreleased: unreleased.map((n) => ({ ...n, stateLabel: termOf('noteState', n.state).label })),
      sent: services.packets.ofMeeting(actor, meeting.id).length,
    };
  }
  const { latest, format } = services.packets.receivedBy(actor, meeting.id);
  return {
    staff: false,
    meetingId: meeting.id,
    received: latest && { ...latest, sentOn: latest.sentAt ? whenLine(latest.sentAt) : null },
    formatLabel: format ? termOf('packetFormat', format).label : null,
  };
}
