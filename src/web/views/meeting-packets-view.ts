import type { Actor } from '../../domain/roles.js';
import type { Services } from '../../services/index.js';
import type { MeetingView } from '../../services/presenters.js';

/**
 * The meeting page's packets box: for the secretariat, the packets sent and a way to send the
 * next; for a delegate, the packet to download. Shown by templates/partials/meeting-packets.hbs.
 */
export function meetingPacketsView(_services: Services, _actor: Actor, _meeting: MeetingView): Record<string, unknown> {
  return {};
}
