// tap's coverage map (package.json "tap.coverage-map"): the pure domain core must be 100 % covered by its own
// tests (test/domain/** → every file of src/domain/**), and tap fails the run if it is not. Other layers are
// exercised through behaviour tests (app.inject, the browser) and are not held to a line-coverage figure.
import { readdirSync } from 'node:fs'

const domainFiles = readdirSync('src/domain', { recursive: true })
  .map((f) => `src/domain/${String(f).replaceAll('\\', '/')}`)
  .filter((f) => f.endsWith('.ts'))

export default function coverageMap (testFile) {
  return testFile.replaceAll('\\', '/').startsWith('test/domain/') ? domainFiles : null
}
