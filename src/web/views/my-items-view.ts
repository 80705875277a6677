import { calendarDay, isLate } from '../../domain/deadlines.js';
import { formatOrdinal } from '../../domain/meeting-line.js';
import { isRapporteurOf } from '../../domain/permissions.js';
import type { Actor } from '../../domain/roles.js';
import type { ItemView, MeetingView } from '../../services/presenters.js';

/**
 * "My items": the items the person is rapporteur of, meeting by meeting, the late ones marked;
 * those returned to them first ("Returned — action needed"), with the reason (`reasons`, by item).
 */
export function myItemsView(
  actor: Actor,
  agendas: readonly { meeting: MeetingView; items: readonly ItemView[] }[],
  now: Date,
  reasons: ReadonlyMap<number, string | null> = new Map(),
) {
  const today = calendarDay(now);
  const items = agendas.flatMap(({ meeting: m, items }) =>
    items
      .filter((i) => isRapporteurOf(actor, { rapporteurIds: i.rapporteurs.map((r) => r.id) }))
      .map((i) => ({
        itemId: i.id,
        number: i.number,
        title: i.title,
        meeting: `${formatOrdinal(m.ordinal)} ${m.network.name}, ${m.dates}`,
        state: i.note?.state ?? '',
        stateCode: i.note ? i.note.state : 'noNote',
        returned: i.note?.returned ?? false,
        returnReason: reasons.get(i.id) ?? null,
        deadline: m.draftingDeadline,
        isLate: isLate({
          deadline: m.draftingDeadline,
          today,
          state: i.note?.state ?? '',
          hasRapporteurs: i.rapporteurs.length > 0,
        }),
      })),
  );
  // A stable sort: the returned ones first, the rest in meeting and agenda order.
  return { items: [...items].sort((a, b) => Number(b.returned) - Number(a.returned)) };
}
