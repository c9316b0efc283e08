// Badges and verification pages: a live mark shows its level, council and validity; a suspended, revoked or
// expired one says so; a replaced one points to the current award; never a reason; 304 on revalidation.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { publishAward, setAwardStatus } from '../helpers/publication.js'

const h = await buildTestApp(t)
const [north] = h.councils
const ann = await h.addProvider(north, { name: 'Ann & Co <Care>' })
const award = await publishAward(h, north, ann.id, { level: 'silver' })

t.test("a live award's badge and page", async (t) => {
  const res = await h.app.inject({ url: `/badges/${award.id}.svg` })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /image\/svg\+xml/)
  t.match(res.body, /Silver Quality Mark/)
  t.match(res.body, /Northshire Council/)
  t.match(res.body, /Valid until 1 March 2027/)
  t.match(res.body, `href="http://127.0.0.1:3000/verify/${award.id}"`)
  t.match(res.body, /Ann &amp; Co &lt;Care&gt;/, 'names are escaped')
  t.equal(
    (await h.app.inject({ url: `/badges/${award.id}.svg`, headers: { 'if-none-match': res.headers.etag as string } }))
      .statusCode,
    304
  )
  const page = await h.app.inject({ url: `/verify/${award.id}` })
  t.equal(page.statusCode, 200)
  t.match(page.body, /Ann &amp; Co &lt;Care&gt; holds a Silver Quality Mark/)
  t.match(page.body, /valid until 1 March 2027/)
})

t.test('suspended, revoked and expired marks say so, without the reason', async (t) => {
  const etag = (await h.app.inject({ url: `/badges/${award.id}.svg` })).headers.etag as string
  for (const status of ['suspended', 'revoked', 'expired'] as const) {
    await setAwardStatus(h, award.id, status, 'serious_complaint: SECRET')
    const badge = await h.app.inject({ url: `/badges/${award.id}.svg`, headers: { 'if-none-match': etag } })
    t.equal(badge.statusCode, 200, 'the old badge is not revalidated')
    t.match(badge.body, `${status.toUpperCase()}: not a current mark`)
    t.notMatch(badge.body, /Valid until/)
    const page = await h.app.inject({ url: `/verify/${award.id}` })
    t.match(page.body, /This Silver Quality Mark is not current/)
    t.match(page.body, `it is <strong>${status}</strong>`)
    t.notMatch(page.body + badge.body, /SECRET|complaint/)
  }
})

t.test('a replaced award points to the current one; unknown awards are 404', async (t) => {
  await setAwardStatus(h, award.id, 'superseded')
  h.clock.advanceDays(1)
  const renewed = await publishAward(h, north, ann.id, {
    level: 'gold',
    validFrom: '2027-03-02',
    validTo: '2028-03-01'
  })
  const page = await h.app.inject({ url: `/verify/${award.id}` })
  t.match(page.body, `href="/verify/${renewed.id}"`)
  t.match((await h.app.inject({ url: `/verify/${renewed.id}` })).body, /holds a Gold Quality Mark/)
  const missing = await h.app.inject({ url: '/verify/00000000-0000-4000-8000-000000000000' })
  t.equal(missing.statusCode, 404)
  t.match(missing.headers['content-type'], /text\/html/)
  t.equal((await h.app.inject({ url: '/badges/00000000-0000-4000-8000-000000000000.svg' })).statusCode, 404)
  t.equal((await h.app.inject({ url: '/badges/nope.svg' })).statusCode, 400)
})
