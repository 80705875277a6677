import { isStaff, type Actor } from '../../domain/roles.js';
import { printedDate } from '../../rendering/views/note-view.js';

/** The Publish block of a meeting's page: the secretariat's only (null for everyone else). */
export function meetingPublicationView(actor: Actor, publishedAt: string | null) {
  if (!isStaff(actor.role)) return null;
  return { publishedOn: publishedAt ? printedDate(publishedAt) : null };
}
