// A document as CSV (src/render/document-csv.ts): every value a row with its section, record and field path;
// nested objects and lists spelled out, empty ones kept as an empty row, dates as ISO 8601, formulas escaped.
import { parse } from 'csv-parse/sync'
import t from 'tap'
import { csvOfDocument } from '../../src/render/document-csv.js'

const rowsOf = (csv: string) => parse(csv, { bom: true }) as string[][]

t.test('every value is a row naming where it sits', async (t) => {
  const csv = csvOfDocument({
    exportedAt: new Date('2026-03-02T10:00:00Z'),
    provider: { name: 'Ann', contact: { phone: '01943 000001' }, serviceTypes: ['a', 'b'], active: true, fte: 1.5 },
    people: [{ id: 'p1', email: 'ann@x.example', note: null }, { email: 'no-id@x.example' }],
    appeals: [],
    flags: {},
    notIncluded: '=SUM(A1)'
  })
  t.ok(csv.startsWith('\ufeff'), 'a byte-order mark for spreadsheets')
  t.same(rowsOf(csv), [
    ['section', 'record', 'field', 'value'],
    ['exportedAt', '', '', '2026-03-02T10:00:00.000Z'],
    ['provider', '', 'name', 'Ann'],
    ['provider', '', 'contact.phone', '01943 000001'],
    ['provider', '', 'serviceTypes.1', 'a'],
    ['provider', '', 'serviceTypes.2', 'b'],
    ['provider', '', 'active', 'true'],
    ['provider', '', 'fte', '1.5'],
    ['people', 'p1', 'id', 'p1'],
    ['people', 'p1', 'email', 'ann@x.example'],
    ['people', 'p1', 'note', ''],
    ['people', '2', 'email', 'no-id@x.example'],
    ['appeals', '', '', ''],
    ['flags', '', '', ''],
    ['notIncluded', '', '', "'=SUM(A1)"]
  ])
})
