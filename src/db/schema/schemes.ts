// Scheme versions: a council's checklist, feedback instrument and thresholds as immutable, published data.
import { index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { councils, users } from './councils.js'
import type { SchemeDocument } from '../../domain/scheme/index.js'
import { createdAt, id, rowVersion, tstz, updatedAt } from './common.js'

export const schemeVersions = pgTable(
  'scheme_versions',
  {
    id: id(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    number: integer('number').notNull(),
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('draft'),
    // the scheme document (src/domain/scheme): checklist, instrument, thresholds, settings
    document: jsonb('document').$type<SchemeDocument>().notNull(),
    basedOnId: uuid('based_on_id'),
    createdBy: uuid('created_by').references(() => users.id),
    publishedAt: tstz('published_at'),
    publishedBy: uuid('published_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion()
  },
  (t) => [
    unique('scheme_versions_council_number').on(t.councilId, t.number),
    index('scheme_versions_council_idx').on(t.councilId, t.status)
  ]
)
