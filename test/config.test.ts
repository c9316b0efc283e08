// Configuration: defaults, and an invalid value stops the service with a message naming the variable.
import { spawnSync } from 'node:child_process'
import t from 'tap'
import { ConfigError, loadConfig } from '../src/config.js'

t.test('defaults suit a newcomer: port 3000, embedded database under ./data', async (t) => {
  const c = loadConfig({})
  t.equal(c.PORT, 3000)
  t.equal(c.DATA_DIR, './data')
  t.equal(c.DATABASE_URL, undefined)
  t.equal(c.publicBaseUrl, 'http://127.0.0.1:3000')
  t.ok(Object.isFrozen(c))
  t.equal(
    loadConfig({ PUBLIC_BASE_URL: 'https://qm.example.gov.uk/' }).publicBaseUrl,
    'https://qm.example.gov.uk',
    'no trailing slash'
  )
  t.equal(loadConfig({ DATABASE_URL: '' }).DATABASE_URL, undefined, 'an empty variable means unset')
})

t.test('every bad variable is named with its reason', async (t) => {
  const error = t.throws(() =>
    loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })
  ) as ConfigError
  t.type(error, ConfigError)
  t.match(error.message, /PORT: /)
  t.match(error.message, /DATABASE_URL: must be a postgres/)
  t.match(error.message, /LOG_LEVEL: /)
})

t.test('a read replica needs a primary: DATABASE_READ_URL alone is refused', async (t) => {
  const error = t.throws(() => loadConfig({ DATABASE_READ_URL: 'postgres://replica/qm' })) as ConfigError
  t.match(error.message, /DATABASE_READ_URL: needs DATABASE_URL/)
  const both = loadConfig({ DATABASE_URL: 'postgres://primary/qm', DATABASE_READ_URL: 'postgres://replica/qm' })
  t.equal(both.DATABASE_READ_URL, 'postgres://replica/qm')
  t.equal(both.DATABASE_READ_MAX_LAG_MS, 1000)
})

t.test('the server refuses to start on bad configuration, exit code non-zero', async (t) => {
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, new URL('../src/server.ts', import.meta.url).pathname],
    {
      env: { ...process.env, PORT: '99999', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000
    }
  )
  t.equal(run.status, 78, run.stderr)
  t.match(run.stderr, /PORT: /)
})

t.test('TRUST_PROXY: off by default, a hop count, or proxy addresses and ranges', async (t) => {
  t.equal(loadConfig({}).TRUST_PROXY, false)
  t.equal(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY, false)
  t.equal(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY, 2)
  t.same(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,loopback' }).TRUST_PROXY, [
    '10.0.0.0/8',
    '127.0.0.1',
    '::1',
    'loopback'
  ])
  t.throws(() => loadConfig({ TRUST_PROXY: 'true' }), /TRUST_PROXY: must be false, a hop count/)
  t.throws(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' }), /TRUST_PROXY/)
})
