// A per-council publication version, bumped by database triggers on every change to councils, providers and
// awards (drizzle/ custom migration), so feed ETags come from the data itself and agree across instances.
import { bigint, pgTable, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils.js'
import { updatedAt } from './common.js'

export const publicationVersions = pgTable('publication_versions', {
  councilId: uuid('council_id')
    .primaryKey()
    .references(() => councils.id),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
  changedAt: updatedAt()
})
