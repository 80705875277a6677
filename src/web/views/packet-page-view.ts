import { EMPTY_FORM, errorSummary, fieldViews, type FormFields, type FormState } from './form-view.js';

const REVOKE_FORM: FormFields = {
  reason: { label: 'Reason', id: 'revoke-reason' },
  personId: { label: 'Recipient', id: 'revoke-reason' },
};

/** What the packet page reads of a packet's progress (the rest is shown as the service gives it). */
interface PacketProgress {
  counts: { queued: number; sending: number };
  worker: { stuck: boolean; oldestPendingSeconds: number };
  oldestPendingSeconds: number;
  done: boolean;
}

/**
 * A packet followed recipient by recipient: it reloads itself every 3 seconds until every
 * message is sent or failed (not while it shows a refused form: the reload would lose it).
 */
export function packetPageView<P extends PacketProgress>(packet: P, form: FormState = EMPTY_FORM) {
  const seconds = packet.worker.stuck ? packet.worker.oldestPendingSeconds : packet.oldestPendingSeconds;
  return {
    packet,
    pending: packet.counts.queued + packet.counts.sending,
    waitingFor: seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`,
    form: fieldViews(form, REVOKE_FORM),
    errorSummary: errorSummary(form, REVOKE_FORM),
  };
}
