// `npm run postcodes:import -- FILE [--fresh]`: load the ONS Postcode Directory (or a CSV in its column layout) into
// the postcode reference table, with a progress bar; run it again after a stop and it resumes (README: postcodes).
import { importPostcodes, PostcodeFileError, type ImportProgress } from '../src/use-cases/postcode-import.js'
import { fail, openFromEnvironment } from './cli.js'

const args = process.argv.slice(2)
const file = args.find((a) => !a.startsWith('--'))
if (file === undefined) fail('Usage: npm run postcodes:import -- FILE [--fresh]')

const { database } = await openFromEnvironment()
const controller = new AbortController()
process.once('SIGINT', () => {
  process.stderr.write('\nStopping after this batch; run the same command again to resume.\n')
  controller.abort()
})

const started = Date.now()
let lastLine = 0
function progress (p: ImportProgress) {
  const share = p.totalBytes === 0 ? 1 : p.bytesRead / p.totalBytes
  const seconds = (Date.now() - started) / 1000
  const text = `${(share * 100).toFixed(1)}% ${p.rowsRead.toLocaleString('en-GB')} rows read, ` +
    `${p.rowsLoaded.toLocaleString('en-GB')} placed, ${seconds.toFixed(0)} s`
  if (process.stderr.isTTY) {
    const width = 30
    const done = Math.round(share * width)
    process.stderr.write(`\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${text}`)
  } else if (Date.now() - lastLine > 5000) {
    lastLine = Date.now()
    process.stderr.write(`${text}\n`)
  }
}

try {
  const result = await importPostcodes(database.db, file, {
    fresh: args.includes('--fresh'),
    onProgress: progress,
    signal: controller.signal
  })
  process.stderr.write('\n')
  const resumed = result.resumedFrom > 0 ? ` (resumed after row ${result.resumedFrom.toLocaleString('en-GB')})` : ''
  process.stdout.write(
    result.status === 'complete'
      ? `Imported ${result.total.toLocaleString('en-GB')} postcodes${resumed}.\n`
      : `Stopped at row ${result.rowsRead.toLocaleString('en-GB')}; run the same command to resume.\n`
  )
} catch (error) {
  if (error instanceof PostcodeFileError) fail(error.message)
  throw error
} finally {
  await database.close()
}
