// Reading one whole-day setting of a scheme version's document inside a query (src/domain/scheme: Settings), for
// the jobs that act on many records at once; the setting's name is checked against the domain's Settings type.
import { sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Settings } from '../../domain/scheme/index.js'

/** The settings that are a whole number of days (or months). */
export type WholeNumberSetting = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings]

/** `document -> settings -> key` as an integer; the column (or alias) holds a SchemeDocument. */
export const schemeSetting = (document: AnyPgColumn | SQL, key: WholeNumberSetting): SQL<number> =>
  sql<number>`(${document}->'settings'->>${key}::text)::int`.mapWith(Number)
