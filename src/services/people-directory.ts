import { Errors } from '../domain/errors.js';
import { byName, matchesSearch } from '../domain/people-search.js';
import { isStaff, type Actor, type Role } from '../domain/roles.js';
import type { ServiceContext } from './context.js';
import { presentPerson } from './presenters.js';

export interface PeopleSearch {
  /** Part of a name or an email address (case and accents aside). */
  q?: string;
  role?: Role;
  memberState?: string;
  active?: boolean;
}

/** The list of people the secretariat searches and filters, in a stable order by name. */
export function createPeopleDirectory(ctx: ServiceContext) {
  const { peopleAdmin } = ctx.repos;
  return {
    search(actor: Actor, search: PeopleSearch = {}) {
      if (!isStaff(actor.role)) throw Errors.forbidden('Only the secretariat sees the list of people.');
      const { q, ...filter } = search;
      return peopleAdmin
        .filter(filter)
        .filter((p) => matchesSearch(p, q))
        .sort(byName)
        .map(presentPerson);
    },
  };
}
export type PeopleDirectory = ReturnType<typeof createPeopleDirectory>;
