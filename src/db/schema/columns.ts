import { integer, text } from 'drizzle-orm/sqlite-core';

/** Surrogate key shared by every table. */
export const id = () => integer('id').primaryKey({ autoIncrement: true });

/** Instants are ISO-8601 UTC strings: readable in the sqlite shell and sortable as text. */
export const instant = (name: string) => text(name);

export const createdAt = () => instant('created_at').notNull();
