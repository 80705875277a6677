import { named } from './words.js';

/**
 * What an upload does with a Word file's pending tracked changes (AGENDUM_TRACKED_CHANGES): read
 * them as accepted, with a warning, or refuse the draft. A domain word, so that the configuration
 * names it without reaching into the ingest layer.
 */
export const TRACKED_CHANGES_POLICIES = ['accept', 'refuse'] as const;
export type TrackedChanges = (typeof TRACKED_CHANGES_POLICIES)[number];
export const TrackedChanges = named(TRACKED_CHANGES_POLICIES);
