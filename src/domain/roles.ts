import { named } from './words.js';

export const ROLES = ['admin', 'secretariat', 'rapporteur', 'delegate'] as const;
export type Role = (typeof ROLES)[number];
export const Role = named(ROLES);

/** The signed-in person a use case acts for. */
export interface Actor {
  id: number;
  name: string;
  role: Role;
}

/** Secretariat staff and admins prepare meetings; admins also manage accounts of staff. */
export function isStaff(role: Role): boolean {
  return role === 'admin' || role === 'secretariat';
}
