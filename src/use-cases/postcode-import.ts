// Loads an edition of the ONS Postcode Directory (or any CSV in its column layout) into the reference table:
// streamed row by row, committed in batches with its progress so a stopped import resumes where it was, and swapped
// in whole at the end so searches never see half an edition (README: postcodes).
import { createReadStream, statSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse'
import type { Queryable } from '../db/client.js'
import {
  findUnfinishedImport,
  promoteStaged,
  stageBatch,
  startImport,
  type PostcodeLocation
} from '../db/stores/postcodes.js'
import { isValidLatLng } from '../domain/geo/index.js'
import { normalisePostcode } from '../domain/providers.js'

export interface ImportProgress {
  bytesRead: number
  totalBytes: number
  rowsRead: number
  rowsLoaded: number
}

export interface ImportOptions {
  /** start again even if an earlier import of this file stopped part way */
  fresh?: boolean
  batchSize?: number
  onProgress?: (p: ImportProgress) => void
  /** stops after the batch in flight, leaving the import resumable */
  signal?: AbortSignal
  now?: () => Date
}

export interface ImportResult {
  status: 'complete' | 'stopped'
  resumedFrom: number
  rowsRead: number
  rowsLoaded: number
  /** rows in the reference table after the swap */
  total: number
}

// ONSPD names first; common alternatives after (a Code-Point Open conversion, a postcodes.io dump).
const COLUMNS = {
  postcode: ['pcds', 'pcd', 'pcd2', 'postcode'],
  latitude: ['lat', 'latitude'],
  longitude: ['long', 'lng', 'longitude'],
  terminated: ['doterm', 'terminated', 'date_of_termination']
}

type ColumnIndex = Record<keyof typeof COLUMNS, number>

export class PostcodeFileError extends Error {}

function indexColumns (header: string[]): ColumnIndex {
  const names = header.map((h) => h.trim().toLowerCase())
  const find = (options: string[]) => options.map((o) => names.indexOf(o)).find((i) => i >= 0) ?? -1
  const index = {
    postcode: find(COLUMNS.postcode),
    latitude: find(COLUMNS.latitude),
    longitude: find(COLUMNS.longitude),
    terminated: find(COLUMNS.terminated)
  }
  for (const key of ['postcode', 'latitude', 'longitude'] as const) {
    if (index[key] < 0) {
      throw new PostcodeFileError(`The file has no ${key} column (looked for ${COLUMNS[key].join(', ')})`)
    }
  }
  return index
}

/** ONSPD dates of termination are YYYYMM; an ISO date is accepted too. */
function terminationDate (raw: string | undefined): string | null {
  const v = (raw ?? '').trim()
  if (/^\d{6}$/.test(v)) return `${v.slice(0, 4)}-${v.slice(4, 6)}-01`
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v
  return null
}

const isText = (field: unknown): field is string => typeof field === 'string'

/** A parsed record as its fields: csv-parse without `columns` gives an array of strings, typed only as `any`. */
function fieldsOf (record: unknown): string[] {
  if (Array.isArray(record) && record.every(isText)) return record
  throw new PostcodeFileError('The file did not parse into rows of fields')
}

/** One data row as a location, or null when it cannot be placed (ONSPD puts 99.999999 for no grid reference). */
export function rowToLocation (row: string[], index: ColumnIndex): PostcodeLocation | null {
  const postcode = normalisePostcode(row[index.postcode] ?? '')
  const latitude = Number(row[index.latitude])
  const longitude = Number(row[index.longitude])
  if (postcode === null || row[index.latitude] === '' || !isValidLatLng({ latitude, longitude })) return null
  const terminatedOn = index.terminated < 0 ? null : terminationDate(row[index.terminated])
  return { postcode, latitude, longitude, terminatedOn }
}

export async function importPostcodes (q: Queryable, file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const stat = statSync(file)
  const source = { source: path.basename(file), sourceBytes: stat.size, sourceModified: stat.mtime.toISOString() }
  const earlier = opts.fresh === true ? undefined : await findUnfinishedImport(q, source)
  const run = earlier ?? (await startImport(q, source))
  const resumedFrom = earlier?.rowsRead ?? 0
  const batchSize = opts.batchSize ?? 2000
  const stream = createReadStream(file)
  const parser = stream.pipe(parse({ relax_column_count: true, skip_empty_lines: true, bom: true }))
  let index: ColumnIndex | undefined
  let rowsRead = 0
  let rowsLoaded = run.rowsLoaded
  let batch: PostcodeLocation[] = []
  const report = () => opts.onProgress?.({ bytesRead: stream.bytesRead, totalBytes: stat.size, rowsRead, rowsLoaded })
  const flush = async () => {
    await stageBatch(q, run.id, batch, rowsRead)
    rowsLoaded += batch.length
    batch = []
    report()
  }
  try {
    for await (const record of parser) {
      const fields = fieldsOf(record)
      if (index === undefined) {
        index = indexColumns(fields)
        continue
      }
      rowsRead++
      if (rowsRead <= resumedFrom) continue
      const location = rowToLocation(fields, index)
      if (location !== null) batch.push(location)
      if (rowsRead % batchSize === 0) {
        await flush()
        if (opts.signal?.aborted === true) {
          return { status: 'stopped', resumedFrom, rowsRead, rowsLoaded, total: 0 }
        }
      }
    }
  } finally {
    stream.destroy()
  }
  if (index === undefined) throw new PostcodeFileError('The file is empty')
  await flush()
  const total = await promoteStaged(q, run.id, (opts.now ?? (() => new Date()))())
  return { status: 'complete', resumedFrom, rowsRead, rowsLoaded, total }
}
