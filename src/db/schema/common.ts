// Column helpers shared by every table: ids, timestamps and the optimistic-concurrency version.
import { integer, timestamp, uuid } from 'drizzle-orm/pg-core'

export const id = () => uuid('id').primaryKey().defaultRandom()
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
/** Incremented on every update; compared with If-Match so concurrent edits are refused, never overwritten. */
export const rowVersion = () => integer('version').notNull().default(1)
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
