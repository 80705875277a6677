import { Errors } from './errors.js';
import { Role } from './roles.js';
import { named } from './words.js';

/**
 * Distribution markings. Every item (and annex) carries one: `public` may be published,
 * `network` (the default) goes to the network's members and observers, `limited` only to the
 * recipient groups it names. The groups are the recipient lists of a meeting.
 */
export const AUDIENCES = ['public', 'network', 'limited'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const Audience = named(AUDIENCES);

export const AUDIENCE_GROUPS = ['delegates', 'observers', 'secretariat-copies'] as const;
export type AudienceGroup = (typeof AUDIENCE_GROUPS)[number];
export const AudienceGroup = named(AUDIENCE_GROUPS);

export interface Marking {
  audience: Audience;
  audienceGroups: readonly string[];
}

export const DEFAULT_MARKING: Marking = { audience: 'network', audienceGroups: [] };

/** Plain words for the marking, as printed on every page of a note and in a packet's contents. */
export function markingLabel(marking: Marking): string {
  switch (marking.audience) {
    case 'public':
      return 'Public: may be published';
    case 'network':
      return 'Distribution: eHealth Network members and observers';
    case 'limited':
      return `Limited distribution: ${marking.audienceGroups.map(groupLabel).join(', ') || 'named recipients'} only`;
  }
}

/** A line printed by markingLabel: page furniture when a rendered note is read back. */
export const MARKING_LINE =
  /^(Public: may be published|Distribution: .+ members and observers|Limited distribution: .+ only)$/;

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

/**
 * The recipient groups a person belongs to for one meeting: the lists they are on; a meeting
 * without lists sends to every active delegate, so there a delegate is in `delegates`.
 */
export function readerGroupsOf(
  person: { role: Role; isActive: boolean },
  listsOfPerson: readonly string[],
  meetingHasLists: boolean,
): string[] {
  if (meetingHasLists) return [...listsOfPerson];
  return person.role === Role.delegate && person.isActive ? ['delegates'] : [];
}

/** A marking as stored: `limited` names at least one group; the others name none. */
export function normaliseMarking(
  audience: Audience,
  groups: readonly string[] = [],
): { audience: Audience; audienceGroups: AudienceGroup[] } {
  if (audience !== 'limited') return { audience, audienceGroups: [] };
  const named = AUDIENCE_GROUPS.filter((g) => groups.includes(g));
  if (named.length === 0)
    throw Errors.invalid.onField('audienceGroups', 'A limited distribution names at least one recipient group.');
  return { audience, audienceGroups: named };
}
