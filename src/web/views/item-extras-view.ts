import type { Actor } from '../../domain/roles.js';
import type { Services } from '../../services/index.js';
import type { ItemView } from '../../services/presenters.js';

/**
 * The item page's second half: the item's own settings (title, place, rapporteurs, marking),
 * its annexes, the meeting's outcome and carrying it over. Read here, shown by
 * templates/partials/item-extras.hbs.
 */
export function itemExtrasView(_services: Services, _actor: Actor, _item: ItemView): Record<string, unknown> {
  return {};
}
