import { integer } from 'drizzle-orm/sqlite-core';

/** An instant stored as integer milliseconds since the Unix epoch (UTC); read as a Date. */
export const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });

/** A boolean stored as 0/1. */
export const flag = (name: string) => integer(name, { mode: 'boolean' });

export const id = () => integer('id').primaryKey({ autoIncrement: true });

export const createdAt = () => instant('created_at').notNull();
