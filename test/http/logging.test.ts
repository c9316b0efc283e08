// Logs carry a request id on every line and never a token, a feedback link or a client address.
import { Writable } from 'node:stream'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { loggerOptions } from '../../src/http/plugins/logging.js'
import { createTestDatabase } from '../helpers/database.js'
import { issueToken } from '../../src/use-cases/tokens.js'
import { users } from '../../src/db/schema/index.js'

const lines: string[] = []
const sink = new Writable({
  write (chunk, _enc, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean))
    done()
  }
})
const db = await createTestDatabase()
const config = loadConfig({ LOG_LEVEL: 'info', MAX_EVENT_LOOP_DELAY_MS: '0' })
const app = await buildApp(config, { database: db, logger: loggerOptions(config, sink) })
t.teardown(async () => {
  await app.close()
  await db.drop()
})

t.test('no secret or address reaches the log', async (t) => {
  const [u] = await db.db.insert(users).values({ role: 'admin', name: 'Logger Test' }).returning()
  const { token } = await issueToken(db.db, u!.id, 'log test')
  await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` }, remoteAddress: '203.0.113.9' })
  await app.inject({ url: '/api/v1/me', headers: { authorization: 'Bearer qm_wrong-secret-value' } })
  const feedbackSecret = 'fb_s3cretTokenValueThatMustNotLeak'
  await app.inject({ url: `/feedback/${feedbackSecret}?x=1`, remoteAddress: '203.0.113.9' })
  await app.inject({ url: '/api/v1/providers?token=abc123secret' })
  const all = lines.join('\n')
  t.ok(lines.length >= 8, 'requests were logged')
  t.notMatch(all, token, 'bearer token')
  t.notMatch(all, 'qm_wrong-secret-value', 'a wrong token is a secret too')
  t.notMatch(all, feedbackSecret, 'feedback link token')
  t.notMatch(all, 'abc123secret', 'token in a query string')
  t.notMatch(all, '203.0.113.9', 'client address')
  t.match(all, '/feedback/[redacted]')
  const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.req !== undefined || l.res !== undefined)
  t.ok(
    requestLines.every((l) => typeof l.reqId === 'string' && l.reqId.length > 0),
    'each request line has a request id'
  )
})

t.test('a caller-supplied X-Request-Id is used, so a request can be traced across services', async (t) => {
  lines.length = 0
  await app.inject({ url: '/health/live', headers: { 'x-request-id': 'trace-42' } })
  t.ok(lines.some((l) => JSON.parse(l).reqId === 'trace-42'))
})

t.test('a feedback link is redacted in every spelling the router accepts', async (t) => {
  lines.length = 0
  const secrets = ['fbEncodedSpelling1', 'fbDoubleSlash2', 'fbDoubleEncoded3', 'fbUpperCase4']
  await app.inject({ url: `/%66eedback/${secrets[0]}` })
  await app.inject({ url: `//feedback/${secrets[1]}` })
  await app.inject({ url: `/%2566eedback/${secrets[2]}` })
  await app.inject({ url: `/FEEDBACK/${secrets[3]}?token=x` })
  const all = lines.join('\n')
  for (const s of secrets) t.notMatch(all, s)
  t.match(all, '/feedback/[redacted]')
})

t.test('a client X-Request-Id is kept only when short and plain; otherwise a new one is made', async (t) => {
  for (const bad of ['x'.repeat(65), 'has space', '<script>', 'semi;colon', "quote'd"]) {
    lines.length = 0
    await app.inject({ url: '/health/live', headers: { 'x-request-id': bad } })
    const ids = lines.map((l) => JSON.parse(l).reqId)
    t.ok(ids.length > 0 && ids.every((id) => id !== bad && /^[0-9a-f-]{36}$/.test(id)), `refused: ${bad}`)
  }
})
