// Every CSV the service produces goes through toCsv: RFC 4180 quoting by csv-stringify, and spreadsheet formula
// injection escaped as OWASP's "CSV Injection" guidance says — a text cell that starts with = + - @, a tab or a
// carriage return is prefixed with a single quote, so a spreadsheet shows it as text and never runs it.
import { stringify } from 'csv-stringify/sync'

export type CsvCell = string | number | null

const FORMULA_START = /^[=+\-@\t\r]/

/** A text cell as a spreadsheet will show it, never as a formula. Numbers are not text and stay numbers. */
export const escapeFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text)

/** With a byte-order mark, so spreadsheet programs read the council's wording as UTF-8. */
export const toCsv = (header: string[], rows: CsvCell[][]): string =>
  stringify([header, ...rows], { bom: true, cast: { string: escapeFormula } })
