// Reference data for "near a postcode": each postcode's coordinates, loaded from the ONS Postcode Directory (or a file
// in its column layout) by `npm run postcodes:import`, plus the staging table and progress record that make the import
// resumable and its replacement atomic (README: postcodes).
import { sql } from 'drizzle-orm'
import { bigint, check, date, doublePrecision, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './common.js'

const locationColumns = () => ({
  /** normalised: upper case, one space before the inward code */
  postcode: text('postcode').primaryKey(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
  /** the date the postcode stopped being used (ONSPD doterm), null while it is live */
  terminatedOn: date('terminated_on', { mode: 'string' })
})

export const postcodeLocations = pgTable('postcode_locations', locationColumns(), (t) => [
  check('postcode_locations_lat', sql`${t.latitude} between -90 and 90`),
  check('postcode_locations_lng', sql`${t.longitude} between -180 and 180`)
])

/** Rows of an import in progress; swapped into postcode_locations in one transaction when the file is done. */
export const postcodeLocationsStaging = pgTable('postcode_locations_staging', locationColumns())

/** One import of one file: how far it got, so a stopped import resumes where it was. */
export const postcodeImports = pgTable('postcode_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** file name, size and modification time: a resumed import must be of the same file */
  source: text('source').notNull(),
  sourceBytes: bigint('source_bytes', { mode: 'number' }).notNull(),
  sourceModified: text('source_modified').notNull(),
  /** data rows read so far (every one of them is in staging, or was skipped as having no location) */
  rowsRead: integer('rows_read').notNull().default(0),
  rowsLoaded: integer('rows_loaded').notNull().default(0),
  startedAt: tstz('started_at').notNull().defaultNow(),
  finishedAt: tstz('finished_at')
})
