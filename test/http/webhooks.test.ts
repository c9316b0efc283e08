// Webhooks against a local receiver that checks signatures: registration (secret once, https only), signed
// award events, a failure then a success with the back-off recorded, giving up after a day, no double sends.
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { deliverWebhooks, retryDelayMs, SIGNATURE_HEADER, verifySignature } from '../../src/use-cases/webhooks.js'
import { buildTestApp, fakeResolver } from '../helpers/app.js'
import { onRealPostgres } from '../helpers/database.js'
import { publishAward, setAwardStatus } from '../helpers/publication.js'

// Deliveries here go to a receiver on this machine: the development allowance (WEBHOOK_ALLOW_LOOPBACK).
const h = await buildTestApp(t, {
  env: { WEBHOOK_ALLOW_LOOPBACK: 'true' },
  resolveHost: fakeResolver({ 'directory.example': ['93.184.216.34'] })
})
const [north, south] = h.councils
const staff = h.auth(north.coordinator.token)

interface Received {
  path: string
  body: string
  signed: boolean
  event: string | undefined
}
const received: Received[] = []
const secrets = new Map<string, string>()
let answer = 200
const readBody = async (req: IncomingMessage) => {
  let s = ''
  for await (const c of req) s += String(c)
  return s
}
const receiver = createServer((req, res) => {
  readBody(req).then((body) => {
    const secret = secrets.get(req.url ?? '') ?? ''
    const signed = verifySignature(
      secret,
      req.headers[SIGNATURE_HEADER] as string | undefined,
      body,
      Math.floor(h.clock.now.getTime() / 1000)
    )
    received.push({
      path: req.url ?? '',
      body,
      signed,
      event: req.headers['x-qualitymark-event'] as string | undefined
    })
    res.statusCode = req.url === '/always-down' ? 503 : signed ? answer : 401
    res.end()
  })
})
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
t.teardown(() => {
  receiver.close()
})
const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`

const register = async (path: string, headers = staff) => {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/webhooks',
    headers,
    payload: { url: `${base}${path}`, description: 'Directory' }
  })
  if (res.statusCode === 201) secrets.set(path, res.json().secret)
  return res
}
const run = async () => await deliverWebhooks(h.app.deps, h.clock.now)
const log = async (id: string) =>
  (await h.app.inject({ url: `/api/v1/webhooks/${id}/deliveries`, headers: staff })).json()

t.test('registration: https or loopback in development, secret returned once, staff only', async (t) => {
  const https = await h.app.inject({
    method: 'POST',
    url: '/api/v1/webhooks',
    headers: staff,
    payload: { url: 'https://directory.example/hook' }
  })
  t.equal(https.statusCode, 201, https.body)
  t.match(https.json().secret, /^whsec_/)
  t.same(https.json().events, ['award.published', 'award.changed', 'award.withdrawn'])
  const list = await h.app.inject({ url: '/api/v1/webhooks', headers: staff })
  t.notMatch(list.body, /whsec_/, 'the secret is never shown again')
  const plain = await h.app.inject({
    method: 'POST',
    url: '/api/v1/webhooks',
    headers: staff,
    payload: { url: 'http://directory.example/hook' }
  })
  t.equal(plain.statusCode, 422)
  t.equal(plain.json().errors[0].path, 'url')
  const provider = await h.addProvider(north, { name: 'Not Staff' })
  t.equal(
    (
      await h.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: h.auth(provider.token),
        payload: { url: 'https://directory.example' }
      })
    ).statusCode,
    403
  )
  const gone = await h.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${https.json().id}`, headers: staff })
  t.equal(gone.json().active, false)
})

t.test('a signed delivery fails, is retried after the back-off, then succeeds; later events follow', async (t) => {
  const sub = (await register('/hook')).json()
  const ann = await h.addProvider(north, { name: "Ann's Home Help" })
  const award = await publishAward(h, north, ann.id, { level: 'gold' })

  answer = 500
  const first = await run()
  t.match(first, { fannedOut: 1, delivered: 0, retrying: 1 })
  t.equal(received.length, 1)
  t.ok(received[0]!.signed, 'signature verified by the receiver')
  t.equal(received[0]!.event, 'award.published')
  let entry = (await log(sub.id)).items[0]
  t.match(entry, { event: 'award.published', status: 'pending', attempts: 1 })
  t.equal(entry.attemptLog[0].status, 500)
  t.equal(
    new Date(entry.nextAttemptAt).getTime() - h.clock.now.getTime(),
    retryDelayMs(1),
    'next try after the first back-off (30 s)'
  )

  t.match(await run(), { delivered: 0, retrying: 0 }, 'not due yet: nothing sent')
  t.equal(received.length, 1)

  answer = 200
  h.clock.now = new Date(h.clock.now.getTime() + retryDelayMs(1))
  t.match(await run(), { delivered: 1 })
  entry = (await log(sub.id)).items[0]
  t.match(entry, { status: 'delivered', attempts: 2 })
  t.same(
    entry.attemptLog.map((a: { status: number }) => a.status),
    [500, 200]
  )
  const body = JSON.parse(received[1]!.body)
  t.match(body, {
    event: 'award.published',
    council: { slug: 'northshire' },
    data: { award: { id: award.id, level: 'gold', status: 'active' } }
  })

  await setAwardStatus(h, award.id, 'suspended', 'safeguarding_investigation: SECRET')
  await setAwardStatus(h, award.id, 'withdrawn', 'left: SECRET')
  t.match(await run(), { fannedOut: 2, delivered: 2 })
  const events = received
    .slice(2)
    .map((r) => r.event)
    .sort()
  t.same(events, ['award.changed', 'award.withdrawn'])
  t.ok(received.every((r) => r.signed))
  t.notMatch(received.map((r) => r.body).join(), /SECRET|safeguarding/, 'never a reason')
  t.match(await run(), { fannedOut: 0, delivered: 0 }, 'nothing twice')

  const other = await h.app.inject({
    url: `/api/v1/webhooks/${sub.id}/deliveries`,
    headers: h.auth(south.coordinator.token)
  })
  t.equal(other.statusCode, 404, 'another council cannot read the log')
})

t.test('an endpoint that stays down is retried with growing waits and given up after a day', async (t) => {
  const down = (await register('/always-down')).json()
  const bob = await h.addProvider(north, { name: 'Bob' })
  await publishAward(h, north, bob.id, { level: 'silver' })
  const start = h.clock.now.getTime()
  for (let i = 0; i < 30; i++) {
    await run()
    const entry = (await log(down.id)).items[0]
    if (entry.status !== 'pending') break
    h.clock.now = new Date(entry.nextAttemptAt)
  }
  const entry = (await log(down.id)).items[0]
  t.equal(entry.status, 'failed')
  t.ok(entry.attempts >= 10, `retried ${entry.attempts as number} times`)
  const gaps = entry.attemptLog
    .slice(1)
    .map((a: { at: string }, i: number) => Date.parse(a.at) - Date.parse(entry.attemptLog[i].at))
  t.ok(
    gaps.every((g: number, i: number) => i === 0 || g >= gaps[i - 1]),
    'waits never shrink'
  )
  t.ok(Date.parse(entry.attemptLog.at(-1).at) - start <= 24 * 3600_000, 'within a day')
})

t.test(
  'two workers at once never send the same delivery twice',
  { skip: onRealPostgres() ? false : 'row locks only mean something on the real server' },
  async (t) => {
    const sub = (await register('/concurrent')).json()
    const p = await h.addProvider(north, { name: 'Concurrent Care' })
    for (let i = 0; i < 5; i++) {
      await setAwardStatus(h, (await publishAward(h, north, p.id, { level: 'bronze' })).id, 'active', 'x')
    }
    const before = received.filter((r) => r.path === '/concurrent').length
    await Promise.all([run(), run(), run()])
    await Promise.all([run(), run()])
    const sent = received.filter((r) => r.path === '/concurrent').length - before
    const items = (await log(sub.id)).items
    t.equal(sent, items.length, 'one POST per delivery')
    t.ok(items.every((d: { attempts: number; status: string }) => d.attempts === 1 && d.status === 'delivered'))
  }
)

t.test('the in-service scheduler pushes an award change within its short webhook interval', async (t) => {
  const { startScheduler } = await import('../../src/use-cases/jobs/scheduler.js')
  const sub = (await register('/scheduled')).json()
  const p = await h.addProvider(north, { name: 'Scheduled Pushes Ltd' })
  await publishAward(h, north, p.id, { level: 'silver' })
  answer = 200
  const stop = startScheduler(h.app.deps, { intervalMs: 0, webhookIntervalMs: 50 })
  t.teardown(stop)
  const deadline = Date.now() + 20_000
  while (!received.some((r) => r.path === '/scheduled') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await stop()
  t.ok(
    received.some((r) => r.path === '/scheduled' && r.signed),
    'delivered by the scheduler, signed'
  )
  t.equal((await log(sub.id)).items[0].status, 'delivered')
})
