// A JSON-shaped document as one CSV a spreadsheet opens (through toCsv, so quoting and formula escaping are the
// reports' own): one row per value, saying which part of the document it is in, which record (its id, or its place in
// the list) and which field ("contact.phone", "serviceTypes.2"). Nothing is dropped: every value the JSON holds is a
// row, so the two downloads of the same document always hold the same things.
import { toCsv, type CsvCell } from './csv.js'

const HEADER = ['section', 'record', 'field', 'value']

/** A value as a cell: dates as ISO 8601, booleans as true/false, null and undefined as empty. */
function cellOf (value: unknown): CsvCell {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'number' || typeof value === 'string') return value
  return String(value)
}

/** [field path, value] for every leaf of a value; a leaf's own path is `at`. */
function leaves (value: unknown, at: string): Array<[string, CsvCell]> {
  const join = (key: string | number) => (at === '' ? String(key) : `${at}.${key}`)
  if (Array.isArray(value)) {
    return value.length === 0 ? [[at, null]] : value.flatMap((v, i) => leaves(v, join(i + 1)))
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value)
    return entries.length === 0 ? [[at, null]] : entries.flatMap(([k, v]) => leaves(v, join(k)))
  }
  return [[at, cellOf(value)]]
}

const recordName = (record: unknown, place: number): string => {
  const id = record !== null && typeof record === 'object' && 'id' in record ? record.id : undefined
  return typeof id === 'string' ? id : String(place)
}

export function csvOfDocument (document: Record<string, unknown>): string {
  const rows: CsvCell[][] = []
  for (const [section, value] of Object.entries(document)) {
    const records = Array.isArray(value) ? value : [value]
    if (records.length === 0) rows.push([section, null, null, null])
    records.forEach((record, i) => {
      const name = Array.isArray(value) ? recordName(record, i + 1) : null
      for (const [field, cell] of leaves(record, '')) rows.push([section, name, field === '' ? null : field, cell])
    })
  }
  return toCsv(HEADER, rows)
}
