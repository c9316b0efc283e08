// The command-line bootstrap: `npm run create-token -- --role admin` makes the first admin and prints a token once,
// stored only as a hash; bad arguments are refused with a message and a non-zero exit.
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import t from 'tap'
import { openDatabase } from '../src/db/client.js'
import { authenticateToken } from '../src/use-cases/tokens.js'
import { createTestDatabase, onRealPostgres } from './helpers/database.js'

const script = (name: string) => new URL(`../scripts/${name}.ts`, import.meta.url).pathname
const run = (name: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [...process.execArgv, script(name), ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 120_000
  })

t.test('create-token bootstraps an admin whose token authenticates', async (t) => {
  let env: Record<string, string>
  let open: () => ReturnType<typeof openDatabase>
  if (onRealPostgres()) {
    const db = await createTestDatabase()
    t.teardown(db.drop)
    env = { DATABASE_URL: db.url! }
    open = async () => await openDatabase({ url: db.url!, max: 1 })
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qm-token-'))
    t.teardown(() => rm(dir, { recursive: true, force: true }))
    env = { DATA_DIR: dir, DATABASE_URL: '' }
    open = async () => await openDatabase({ dataDir: path.join(dir, 'pglite') })
  }
  const made = run('create-token', ['--role', 'admin', '--name', 'Jo Bloggs'], env)
  t.equal(made.status, 0, made.stderr)
  const token = /^(qm_\S+)$/m.exec(made.stdout)?.[1]
  t.ok(token, 'the token is printed')
  t.match(made.stdout, /shown once/)

  const refused = run('create-token', ['--role', 'wizard'], env)
  t.equal(refused.status, 2)
  t.match(refused.stderr, /--role must be one of/)
  const noCouncil = run('create-token', ['--role', 'coordinator'], env)
  t.equal(noCouncil.status, 2)
  t.match(noCouncil.stderr, /--council/)

  const db = await open()
  t.teardown(db.close)
  const principal = await authenticateToken(db.db, token!, new Date())
  t.match(principal, { role: 'admin', councilId: null })
})
