// The provider's certificate (README: For providers): a one-page PDF for the signed-in provider's current mark with
// the council, provider, level and dates, and a QR code that decodes to the public verification page; none while the
// mark is suspended or for a provider without one; never another provider's.
import t from 'tap'
import { eq } from 'drizzle-orm'
import { awards } from '../../src/db/schema/index.js'
import { buildTestApp } from '../helpers/app.js'
import { insertGoldAward } from '../helpers/awards.js'
import { readPdf } from '../helpers/pdf.js'
import { browserClient, setEmail, signInByEmail } from '../helpers/sign-in.js'

const URL_PATH = '/provider/award/certificate.pdf'
const h = await buildTestApp(t, { env: { SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '100' } })
const [north] = h.councils
const anns = await h.addProvider(north)
const bobs = await h.addProvider(north, { name: "Bob's Day Club" })
const { awardId } = await insertGoldAward(h.db.db, north, anns.id)
await setEmail(h, anns.userId, 'owner@anns.example')
await setEmail(h, bobs.userId, 'owner@bobs.example')
await setEmail(h, north.coordinator.id, 'co@northshire.example')

t.test('the certificate names the mark and its QR code decodes to the verify page', async (t) => {
  const b = browserClient(h)
  await signInByEmail(h, b, 'owner@anns.example')
  const res = await b.get(URL_PATH)
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'application/pdf')
  t.match(res.headers['content-disposition'], /^attachment; filename="?quality-mark-certificate-2026-03-01\.pdf"?$/)
  t.equal(res.headers['cache-control'], 'private, no-store')
  const pages = readPdf(res.rawPayload)
  t.equal(pages.length, 1)
  const [page] = pages
  const verifyUrl = `${h.app.deps.config.publicBaseUrl}/verify/${awardId}`
  t.same(page!.qrCodes, [verifyUrl], 'the QR code decodes to the verification page')
  const dates = 'Valid from 1 March 2026 until 28 February 2027'
  for (const words of ['Northshire Council', 'Gold Quality Mark', "Ann's Home Help", dates]) t.match(page!.text, words)
  t.ok(page!.text.replace(/\s+/g, '').includes(verifyUrl), 'the verify address is written out too')
  const verify = await b.get(new URL(verifyUrl).pathname)
  t.equal(verify.statusCode, 200)
  t.match(verify.body, /Ann&#39;s Home Help holds a Gold Quality Mark/)
})

t.test('no certificate without a current mark; other people get their own pages', async (t) => {
  const bob = browserClient(h)
  await signInByEmail(h, bob, 'owner@bobs.example')
  const none = await bob.get(URL_PATH)
  t.equal(none.statusCode, 404, 'a provider without a mark never gets another provider’s certificate')
  t.match(none.headers['content-type'], /text\/html/)
  t.match(none.body, /You do not have a current Quality Mark/)

  await h.db.db.update(awards).set({ status: 'suspended' }).where(eq(awards.id, awardId))
  const ann = browserClient(h)
  await signInByEmail(h, ann, 'owner@anns.example')
  t.equal((await ann.get(URL_PATH)).statusCode, 404, 'none while the mark is suspended')
  await h.db.db.update(awards).set({ status: 'active' }).where(eq(awards.id, awardId))

  const co = browserClient(h)
  await signInByEmail(h, co, 'co@northshire.example')
  t.equal((await co.get(URL_PATH)).statusCode, 403, 'staff have no certificate of their own')
  const anonymous = await browserClient(h).get(URL_PATH)
  t.equal(anonymous.statusCode, 303)
  t.match(anonymous.headers.location, /^\/sign-in/)
})
