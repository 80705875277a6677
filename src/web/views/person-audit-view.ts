import type { HeaderParts } from '../page-kit.js';

interface Entry {
  id: number;
  at: string;
  action: string;
  actor: { id: number; name: string } | null;
  person: { id: number; name: string } | null;
  groupId: number | null;
  detail: string | null;
}

/** The people audit as a table: when, who, what, to whom, the detail as stored. */
export function personAuditView(entries: Entry[], about: { id: number; name: string } | null) {
  return {
    about,
    entries: entries.map((e) => ({
      ...e,
      when: `${e.at.slice(0, 16).replace('T', ' ')} UTC`,
      by: e.actor?.name ?? 'agendum (the system, or the person through a mailed link)',
      what: e.action.replace(/-/g, ' '),
    })),
    header: {
      breadcrumbs: [{ label: 'People', href: '/people' }],
      ...(about ? { title: `Changes to ${about.name}'s account` } : {}),
    } satisfies HeaderParts,
  };
}
