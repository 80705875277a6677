import { termOf } from '../../rendering/html/glossary.js';
import { shownInstant, tokenLine, type TokenFacts } from './account-view.js';

interface SessionFacts {
  id: number;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string | null;
  method: string;
  pendingSecondFactor: boolean;
  userAgent: string | null;
  isExpired: boolean;
}

/** How a session was opened, in words; one still waiting for its second factor says so. */
const methodOf = (s: SessionFacts) =>
  `${termOf('signInMethod', s.method).label}${s.pendingSecondFactor ? ' (second factor not given yet)' : ''}`;

/**
 * A person's sign-ins as the secretariat sees them on the person's page: each session and API
 * token with when it was made, last used and ends, and a button to end it. No secret is shown:
 * none is kept to show.
 */
export function personCredentialsView(personId: number, sessions: SessionFacts[], tokens: TokenFacts[]) {
  return {
    personId,
    sessions: sessions.map((s) => ({
      id: s.id,
      created: shownInstant(s.createdAt),
      lastSeen: s.lastSeenAt ? shownInstant(s.lastSeenAt) : 'Not since signing in',
      method: methodOf(s),
      browser: s.userAgent ?? 'Not recorded',
      expires: s.isExpired ? `Ended ${shownInstant(s.expiresAt)}` : shownInstant(s.expiresAt),
    })),
    tokens: tokens.map(tokenLine),
  };
}
