import { calendarDay, isLate } from '../../domain/deadlines.js';
import { formatOrdinal } from '../../domain/meeting-line.js';
import { isRapporteurOf } from '../../domain/permissions.js';
import type { Actor } from '../../domain/roles.js';
import type { ItemView, MeetingView } from '../../services/presenters.js';

/** "My items": the items the person is rapporteur of, meeting by meeting, the late ones marked. */
export function myItemsView(
  actor: Actor,
  agendas: readonly { meeting: MeetingView; items: readonly ItemView[] }[],
  now: Date,
) {
  const today = calendarDay(now);
  return {
    items: agendas.flatMap(({ meeting: m, items }) =>
      items
        .filter((i) => isRapporteurOf(actor, { rapporteurIds: i.rapporteurs.map((r) => r.id) }))
        .map((i) => ({
          itemId: i.id,
          number: i.number,
          title: i.title,
          meeting: `${formatOrdinal(m.ordinal)} ${m.network.name}, ${m.dates}`,
          state: i.note?.state ?? '',
          deadline: m.draftingDeadline,
          isLate: isLate({
            deadline: m.draftingDeadline,
            today,
            state: i.note?.state ?? '',
            hasRapporteurs: i.rapporteurs.length > 0,
          }),
        })),
    ),
  };
}
