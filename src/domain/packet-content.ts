import { named } from './words.js';

/** How one recipient receives a packet's notes: one combined PDF, or one PDF per note. */
export const PACKET_FORMATS = ['combined', 'separate'] as const;
export type PacketFormat = (typeof PACKET_FORMATS)[number];
export const PacketFormat = named(PACKET_FORMATS);

/** What a packet sends: each person's own format (`personal`), or one format for everyone. */
export const PACKET_CONTENTS = ['personal', ...PACKET_FORMATS] as const;
export type PacketContent = (typeof PACKET_CONTENTS)[number];
export const PacketContent = named(PACKET_CONTENTS);

/**
 * What a packet is: the meeting's notes as they stand (`consolidated`), or, to the recipients of
 * an earlier packet, only what changed since it (`addendum`; anyone added since gets it whole).
 */
export const PACKET_KINDS = ['consolidated', 'addendum'] as const;
export type PacketKind = (typeof PACKET_KINDS)[number];
export const PacketKind = named(PACKET_KINDS);
