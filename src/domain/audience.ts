/**
 * Distribution markings. Every item (and annex) carries one: `public` may be published,
 * `network` (the default) goes to the network's members and observers, `limited` only to the
 * recipient groups it names. The groups are the recipient lists of a meeting.
 */
export const AUDIENCES = ['public', 'network', 'limited'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_GROUPS = ['delegates', 'observers', 'secretariat-copies'] as const;
export type AudienceGroup = (typeof AUDIENCE_GROUPS)[number];

export interface Marking {
  audience: Audience;
  audienceGroups: readonly string[];
}

export const DEFAULT_MARKING: Marking = { audience: 'network', audienceGroups: [] };

/** Plain words for the marking, as printed on every page of a note and in a packet's contents. */
export function markingLabel(marking: Marking): string {
  switch (marking.audience) {
    case 'public':
      return 'Public';
    case 'network':
      return 'Distribution: eHealth Network members and observers';
    case 'limited':
      return `Limited distribution: ${marking.audienceGroups.map(groupLabel).join(', ') || 'named recipients'} only`;
  }
}

export function groupLabel(group: string): string {
  switch (group) {
    case 'delegates':
      return 'Member State delegates';
    case 'observers':
      return 'observers';
    case 'secretariat-copies':
      return 'Commission staff';
    default:
      return group;
  }
}

/**
 * Whether a reader in these groups may receive or read something with this marking. Staff and
 * the item's rapporteurs are decided before this is asked; it answers for everyone else.
 */
export function markingAdmits(marking: Marking, readerGroups: readonly string[]): boolean {
  if (marking.audience !== 'limited') return true;
  return marking.audienceGroups.some((g) => readerGroups.includes(g));
}
