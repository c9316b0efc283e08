// Postcode reference data and distance search: the streamed, resumable, atomic import of an ONSPD-layout file;
// placing a provider's postcode from the table or a postcodes.io-compatible API; refusing unknown and terminated
// postcodes; and "near a postcode" in the database, nearest first, on both drivers.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import t from 'tap'
import { countPostcodeLocations, findPostcodeLocation, upsertPostcodeLocations } from '../../src/db/stores/postcodes.js'
import { milesToMetres } from '../../src/domain/geo/index.js'
import { importPostcodes } from '../../src/use-cases/postcode-import.js'
import { listListings } from '../../src/use-cases/publication/listings.js'
import { buildTestApp, sampleProvider } from '../helpers/app.js'
import { publishAward } from '../helpers/publication.js'

const dir = mkdtempSync(path.join(tmpdir(), 'qm-postcodes-'))
const header = 'pcd,pcd2,pcds,dointr,doterm,oscty,lat,long\n'
/** An ONSPD-shaped file: `n` made-up postcodes in a grid around Leeds, and the named extra rows. */
function onspdFile (name: string, n: number, extra: string[] = []): string {
  const lines = [header]
  for (let i = 0; i < n; i++) {
    const district = `ZZ${1 + Math.floor(i / 400)}`
    const letters = 'ABDEFGHJLNPQRSTUWXYZ'
    const inward = `${Math.floor(i / 20) % 10}${letters[i % 20]}${letters[Math.floor(i / 200) % 20]}`
    const pcds = `${district} ${inward}`
    const [lat, lng] = [53.7 + (i % 100) / 1000, -1.6 + Math.floor(i / 100) / 1000]
    lines.push(`${pcds.replace(' ', '')},${pcds},${pcds},198001,,E99999999,${lat},${lng}\n`)
  }
  lines.push(...extra.map((l) => `${l}\n`))
  const file = path.join(dir, name)
  writeFileSync(file, lines.join(''))
  return file
}

const h = await buildTestApp(t)
const [north] = h.councils
const staff = h.auth(north.coordinator.token)
const q = h.db.db

t.test('an import loads every placeable row, skips the rest, and terminations are kept', async (t) => {
  const file = onspdFile('first.csv', 1000, [
    'LS1 4AP,LS1  4AP,LS1 4AP,198001,,E08000035,53.796500,-1.547800',
    'LS2 9JT,LS2  9JT,LS2 9JT,198001,,E08000035,53.806700,-1.555000',
    'LS99 1XX,LS99 1XX,LS99 1XX,198001,201803,E08000035,53.800000,-1.550000',
    'BF1 1AA,BF1  1AA,BF1 1AA,198001,,E99999999,99.999999,0.000000', // no grid reference
    'not a postcode,,x,,,,,'
  ])
  const seen: number[] = []
  const result = await importPostcodes(q, file, { batchSize: 250, onProgress: (p) => seen.push(p.rowsRead) })
  t.equal(result.status, 'complete')
  t.equal(result.rowsRead, 1005)
  t.equal(result.total, 1003, 'the grid, two live and one terminated postcode; two rows skipped')
  t.same(seen.slice(0, 4), [250, 500, 750, 1000], 'progress after each batch')
  t.same(await findPostcodeLocation(q, 'LS1 4AP'), {
    postcode: 'LS1 4AP',
    latitude: 53.7965,
    longitude: -1.5478,
    terminatedOn: null
  })
  t.equal((await findPostcodeLocation(q, 'LS99 1XX'))?.terminatedOn, '2018-03-01')
  t.equal(await findPostcodeLocation(q, 'BF1 1AA'), undefined)
})

t.test('a stopped import resumes where it was, and readers keep the old edition until the swap', async (t) => {
  const before = await countPostcodeLocations(q)
  const file = onspdFile('second.csv', 3000, ['LS1 4AP,LS1  4AP,LS1 4AP,198001,,E08000035,53.796500,-1.547800'])
  const stop = new AbortController()
  const first = await importPostcodes(q, file, {
    batchSize: 500,
    signal: stop.signal,
    onProgress: (p) => {
      if (p.rowsRead >= 1000) stop.abort()
    }
  })
  t.equal(first.status, 'stopped')
  t.equal(first.rowsRead, 1000)
  t.equal(await countPostcodeLocations(q), before, 'half an edition is never visible')
  t.ok(await findPostcodeLocation(q, 'LS2 9JT'), 'the old edition still answers')
  const second = await importPostcodes(q, file, { batchSize: 500 })
  t.equal(second.status, 'complete')
  t.equal(second.resumedFrom, 1000, 'resumed after the committed rows')
  t.equal(second.rowsLoaded, 3001, 'every row loaded once')
  t.equal(second.total, 3001)
  t.equal(await findPostcodeLocation(q, 'LS2 9JT'), undefined, 'the new edition replaced the old one whole')
  const fresh = await importPostcodes(q, file, { fresh: true })
  t.equal(fresh.resumedFrom, 0)
  t.equal(fresh.total, 3001)
})

t.test('a file without the columns is refused with a clear message', async (t) => {
  const file = path.join(dir, 'wrong.csv')
  writeFileSync(file, 'name,town\nx,y\n')
  await t.rejects(importPostcodes(q, file), /no postcode column/)
  const empty = path.join(dir, 'empty.csv')
  writeFileSync(empty, '')
  await t.rejects(importPostcodes(q, empty), /empty/)
})

const createProvider = async (over: Parameters<typeof sampleProvider>[0]) =>
  await h.app.inject({ method: 'POST', url: '/api/v1/providers', headers: staff, payload: sampleProvider(over) })

t.test('a provider is placed at its postcode when saved; unknown and terminated postcodes are refused', async (t) => {
  const made = await createProvider({ name: 'Central Care', postcode: 'ls1 4ap' })
  t.equal(made.statusCode, 201, made.body)
  t.equal(made.json().latitude, 53.7965)
  t.equal(made.json().longitude, -1.5478)
  const unknown = await createProvider({ name: 'Nowhere Care', postcode: 'LS98 9ZZ' })
  t.equal(unknown.statusCode, 422)
  t.match(unknown.headers['content-type'], /application\/problem\+json/)
  t.match(unknown.json(), { code: 'UNKNOWN_POSTCODE', errors: [{ path: 'body.postcode', message: /could not be found/ }] })
  await upsertPostcodeLocations(q, [
    { postcode: 'LS98 1AB', latitude: 53.8, longitude: -1.5, terminatedOn: '2019-01-01' }
  ])
  const ended = await createProvider({ name: 'Old Care', postcode: 'LS98 1AB' })
  t.equal(ended.statusCode, 422)
  t.match(ended.json(), { errors: [{ path: 'body.postcode', message: /no longer in use/ }] })
  const moved = await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${made.json().id}`,
    headers: { ...staff, 'if-match': made.headers.etag },
    payload: { postcode: 'ZZ1 0AA' }
  })
  t.equal(moved.statusCode, 200, moved.body)
  t.equal(moved.json().latitude, 53.7, 'placed again at its new postcode')
  const refused = await h.app.inject({
    method: 'PATCH',
    url: `/api/v1/providers/${made.json().id}`,
    headers: { ...staff, 'if-match': moved.headers.etag },
    payload: { postcode: 'LS98 9ZZ' }
  })
  t.equal(refused.statusCode, 422)
})

t.test('distance search: within N miles, nearest first, with the distance, in the database', async (t) => {
  // Three providers at known places around Leeds city centre.
  await upsertPostcodeLocations(q, [
    { postcode: 'LS6 3HN', latitude: 53.8193, longitude: -1.5781, terminatedOn: null },
    { postcode: 'LS29 8AB', latitude: 53.9254, longitude: -1.8226, terminatedOn: null },
    { postcode: 'LS25 1AA', latitude: 53.7917, longitude: -1.3847, terminatedOn: null }
  ])
  const ids: Record<string, string> = {}
  for (const [name, postcode] of [
    ['Headingley Help', 'LS6 3HN'],
    ['Ilkley Care', 'LS29 8AB'],
    ['Garforth Support', 'LS25 1AA']
  ] as const) {
    const p = await h.addProvider(north, { name, postcode })
    await publishAward(h, north, p.id)
    ids[name] = p.id
  }
  const centre = { latitude: 53.7965, longitude: -1.5478 } // LS1 4AP
  const page = { page: 1, perPage: 20 }
  const within = (miles: number) => ({ centre, radiusMetres: milesToMetres(miles) })
  const near = await listListings(q, north.id, { scope: 'directory', near: within(10) }, page)
  t.same(
    near.items.map((i) => i.name),
    ['Headingley Help', 'Garforth Support'],
    'nearest first; Ilkley (about 17 miles) is outside 10 miles'
  )
  t.equal(near.totalItems, 2)
  const first = near.items[0]?.distanceMetres ?? 0
  t.ok(first > 2_800 && first < 3_600, `Headingley is about 2 miles away (${first} m)`)
  const wide = await listListings(q, north.id, { scope: 'directory', near: within(25) }, page)
  t.same(wide.items.map((i) => i.name), ['Headingley Help', 'Garforth Support', 'Ilkley Care'])
  const plain = await listListings(q, north.id, { scope: 'directory' }, page)
  t.equal(plain.items[0]?.distanceMetres, null, 'no distance without a point')
})

t.test('a postcodes.io-compatible API places postcodes when POSTCODES_API_URL is set', async (t) => {
  const asked: string[] = []
  const api = createServer((req, res) => {
    asked.push(req.url ?? '')
    res.setHeader('content-type', 'application/json')
    if (req.url === '/postcodes/LS1%204AP') {
      res.end(JSON.stringify({ status: 200, result: { postcode: 'LS1 4AP', latitude: 53.7965, longitude: -1.5478 } }))
    } else if (req.url === '/terminated_postcodes/LS99%201XX') {
      res.end(JSON.stringify({ status: 200, result: { postcode: 'LS99 1XX', year_terminated: 2018 } }))
    } else {
      res.statusCode = 404
      res.end(JSON.stringify({ status: 404, error: 'Postcode not found' }))
    }
  })
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
  t.teardown(() => api.close())
  const url = `http://127.0.0.1:${(api.address() as AddressInfo).port}`
  const withApi = await buildTestApp(t, { env: { POSTCODES_API_URL: url } })
  const coordinator = withApi.auth(withApi.councils[0].coordinator.token)
  const post = async (postcode: string) =>
    await withApi.app.inject({
      method: 'POST',
      url: '/api/v1/providers',
      headers: coordinator,
      payload: sampleProvider({ postcode })
    })
  const placed = await post('LS1 4AP')
  t.equal(placed.statusCode, 201, placed.body)
  t.equal(placed.json().latitude, 53.7965)
  t.match((await post('LS99 1XX')).json(), { errors: [{ path: 'body.postcode', message: /no longer in use/ }] })
  t.match((await post('LS98 9ZZ')).json(), { errors: [{ path: 'body.postcode', message: /could not be found/ }] })
  t.ok(asked.includes('/terminated_postcodes/LS98%209ZZ'), 'a 404 is checked against terminated postcodes')
  api.close()
  const down = await post('LS1 4AP')
  t.equal(down.statusCode, 201, 'an unreachable API never blocks registering a provider')
  t.equal(down.json().latitude, null, 'saved unplaced; placed again on its next save')
})
