// Webhooks cannot reach the council's own network (SSRF): every spelling of a local address is refused at
// registration with a 422 naming the url; at delivery the name is resolved again and a local answer is never
// contacted; the connection goes to the address that was checked; at most WEBHOOKS_PER_COUNCIL subscriptions.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { deliverWebhooks } from '../../src/use-cases/webhooks.js'
import { buildTestApp, fakeResolver } from '../helpers/app.js'
import { publishAward } from '../helpers/publication.js'

const PUBLIC = '93.184.216.34'
const dns: Record<string, string[]> = {
  'hooks.example.org': [PUBLIC],
  'internal.example.org': ['10.0.0.7'],
  'mixed.example.org': [PUBLIC, '192.168.1.20'],
  'mapped.example.org': ['::ffff:127.0.0.1'],
  'rebinding.example.org': [PUBLIC]
}
const h = await buildTestApp(t, { resolveHost: fakeResolver(dns), env: { WEBHOOKS_PER_COUNCIL: '3' } })
const [north, south] = h.councils
const staff = h.auth(north.coordinator.token)
const register = async (url: string, headers = staff) =>
  await h.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers, payload: { url } })

t.test('every spelling of a local, private or special address is refused, naming the url', async (t) => {
  const refused = [
    'https://127.0.0.1/hook', 'https://127.0.0.1./hook', 'https://[::1]/', 'https://localhost/', 'https://localhost./',
    'https://foo.localhost/', 'https://FOO.LOCALHOST./', 'https://169.254.169.254/latest/meta-data',
    'https://10.0.0.1/',
    'https://172.16.0.1/', 'https://192.168.1.1/', 'https://100.64.0.1/', 'https://224.0.0.1/', 'https://0.0.0.0/',
    'https://2130706433/', 'https://0x7f000001/', 'https://0177.0.0.1/', 'https://127.1/', 'https://0x7f.1/',
    'https://[::ffff:127.0.0.1]/', 'https://[::ffff:7f00:1]/', 'https://[::127.0.0.1]/', 'https://[::]/',
    'https://[fe80::1]/', 'https://[fc00::1]/', 'https://[ff02::1]/', 'https://[2002:7f00:1::]/',
    'https://[2002:c0a8:101::1]/', 'https://[64:ff9b::10.0.0.1]/', 'https://[64:ff9b::7f00:1]/',
    'https://[2001::1]/', 'https://192.0.2.1/', 'https://intranet/', 'https://printer.local/', 'https://db.internal/',
    'https://internal.example.org/', 'https://mixed.example.org/', 'https://mapped.example.org/',
    'https://unknown.example.org/', 'https://user:secret@hooks.example.org/', 'https://user@hooks.example.org/',
    'http://hooks.example.org/', 'http://127.0.0.1/'
  ]
  for (const url of refused) {
    const res = await register(url)
    t.equal(res.statusCode, 422, `${url} refused: ${res.body.slice(0, 160)}`)
    t.equal(res.json().code, 'WEBHOOK_URL_NOT_ALLOWED', url)
    t.equal(res.json().errors?.[0]?.path, 'url', `${url}: the field is named`)
  }
  t.equal((await register('https://hooks.example.org/hook')).statusCode, 201, 'a public name is accepted')
  t.equal((await register(`https://${PUBLIC}/hook`)).statusCode, 201, 'and a public address')
})

t.test('at most WEBHOOKS_PER_COUNCIL active subscriptions', async (t) => {
  t.equal((await register('https://hooks.example.org/third')).statusCode, 201)
  const fourth = await register('https://hooks.example.org/fourth')
  t.equal(fourth.statusCode, 422)
  t.equal(fourth.json().code, 'WEBHOOK_LIMIT_REACHED')
  const elsewhere = await register('https://hooks.example.org/x', h.auth(south.coordinator.token))
  t.equal(elsewhere.statusCode, 201, 'the limit is per council')
})

t.test('a name that resolves to a local address at delivery time is never contacted', async (t) => {
  const connections: string[] = []
  const server: Server = createServer((_req, res) => res.end('ok'))
  server.on('connection', (socket) => connections.push(String(socket.remoteAddress)))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => server.close())
  const port = (server.address() as AddressInfo).port
  // south: registered while the name pointed at a public address
  const sub = await register(`https://rebinding.example.org:${port}/hook`, h.auth(south.coordinator.token))
  t.equal(sub.statusCode, 201, sub.body)
  dns['rebinding.example.org'] = ['127.0.0.1']
  const ann = await h.addProvider(south, { name: "Ann's Home Help" })
  await publishAward(h, south, ann.id, { level: 'gold' })
  const run = await deliverWebhooks(h.app.deps, h.clock.now, { timeoutMs: 2000 })
  t.ok(run.fannedOut >= 1, 'the event was due for the subscription')
  t.same(connections, [], 'nothing reached the address behind the new DNS answer')
  const log = await h.app.inject({
    url: `/api/v1/webhooks/${sub.json().id}/deliveries`,
    headers: h.auth(south.coordinator.token)
  })
  t.match(log.json().items[0].attemptLog[0].error, /127\.0\.0\.1, which is a loopback address/)
})

t.test('with the development allowance the delivery connects to the checked address, not a new lookup', async (t) => {
  const hits: string[] = []
  let redirectTo: string | null = null
  const server: Server = createServer((req, res) => {
    hits.push(String(req.headers.host))
    if (redirectTo !== null) res.writeHead(307, { location: redirectTo })
    res.end('ok')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => server.close())
  const port = (server.address() as AddressInfo).port
  // directory.test exists only in this resolver: the system's resolver cannot have answered it
  const dev = await buildTestApp(t, {
    env: { WEBHOOK_ALLOW_LOOPBACK: 'true' },
    resolveHost: fakeResolver({ 'directory.test': ['127.0.0.1'] })
  })
  const devStaff = dev.auth(dev.councils[0].coordinator.token)
  const sub = await dev.app.inject({
    method: 'POST',
    url: '/api/v1/webhooks',
    headers: devStaff,
    payload: { url: `http://directory.test:${port}/hook` }
  })
  t.equal(sub.statusCode, 201, sub.body)
  const ann = await dev.addProvider(dev.councils[0])
  await publishAward(dev, dev.councils[0], ann.id, { level: 'silver' })
  t.match(await deliverWebhooks(dev.app.deps, dev.clock.now), { delivered: 1 })
  t.same(hits, [`directory.test:${port}`], 'sent to the checked address, with the name in the Host header')
  // a redirect is never followed: the answer is a failed attempt, and the place it points to is not contacted
  redirectTo = `http://directory.test:${port}/elsewhere`
  const bob = await dev.addProvider(dev.councils[0], { name: "Bob's Day Club" })
  await publishAward(dev, dev.councils[0], bob.id, { level: 'bronze' })
  t.match(await deliverWebhooks(dev.app.deps, dev.clock.now), { delivered: 0, retrying: 1 })
  t.equal(hits.length, 2, 'one request, no second one to the redirect target')
  const refused = await dev.app.inject({
    method: 'POST',
    url: '/api/v1/webhooks',
    headers: devStaff,
    payload: { url: 'http://10.0.0.1/hook' }
  })
  t.equal(refused.statusCode, 422, 'the allowance is for this machine only')
})
