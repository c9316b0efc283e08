// Benchmark of the provider's portal (README: For providers, Benchmarks). Two targets of issue "The provider's
// portal": (1) the task list of an application with 40 checklist items and 60 pieces of evidence, p99 < 100 ms at
// 20 concurrent users; (2) a 10 MB upload streams through, the server's memory (RSS) growing by less than 20 MB.
// The upload is sent by another process from a file on disk, a chunk at a time, so only the server's own buffering
// is measured; the server (the built one, run as `npm start` runs it) is a process of its own, and its RSS is
// sampled from /proc every 10 ms from just before the upload until its answer, over several uploads.
// Database: DATABASE_URL (a fresh database on that server, dropped) or embedded PGlite. BENCH_PROVIDER_PARTS (a comma
// list of `tasklist` and `upload`, both by default) runs only some of them.
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { eq } from 'drizzle-orm'
import { buildApp } from '../src/app.js'
import { openDatabase } from '../src/db/client.js'
import { assessments, councils, evidence, providers, schemeVersions, users } from '../src/db/schema/index.js'
import { createDefaultSchemeDocument } from '../src/domain/scheme/index.js'
import type { ChecklistItem } from '../src/domain/scheme/index.js'
import { startSession } from '../src/use-cases/sessions.js'
import { benchConfig, openBenchDatabase, rssMb, seedBenchCouncil, startServerProcess } from './bench-data.js'

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
const ITEMS = 40
const EVIDENCE = 60
const UPLOAD_BYTES = 10 * 1000 * 1000 // under the 10 MB limit with the form's other parts
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 5)
// No upload measured is no figure at all, not a pass: skip the part with BENCH_PROVIDER_PARTS instead.
if (!Number.isInteger(UPLOADS) || UPLOADS < 1) {
  throw new Error(`BENCH_UPLOADS: ${process.env.BENCH_UPLOADS} is not 1 or more`)
}
const P99_TARGET_MS = 100
const GROWTH_TARGET_MB = 20
const PARTS = new Set((process.env.BENCH_PROVIDER_PARTS ?? 'tasklist,upload').split(',').map((p) => p.trim()))
for (const part of PARTS) {
  if (part !== 'tasklist' && part !== 'upload') throw new Error(`BENCH_PROVIDER_PARTS: unknown part ${part}`)
}

/** The default scheme with more items, every one applying to everyone, until it has ITEMS. */
function fortyItemScheme () {
  const doc = createDefaultSchemeDocument()
  const extra: ChecklistItem[] = []
  for (let n = doc.checklist.length + 1; n <= ITEMS; n++) {
    extra.push({
      code: `BENCH_${String(n).padStart(2, '0')}`,
      category: doc.categories[n % doc.categories.length]!.code,
      title: `Bench item ${n}`,
      guidance: 'A document that shows how you do this.',
      tier: 'S',
      appliesWhen: { allOf: [], anyOf: [] },
      weight: 1,
      validityMonths: null,
      expiryWaivedBy: null,
      limiter: false,
      evidenceKinds: ['document']
    })
  }
  return { ...doc, checklist: [...doc.checklist, ...extra] }
}

/** A multipart form of the CSRF token and one PDF of `bytes`, written to disk; sent as a stream. */
async function uploadFile (dir: string, csrf: string, bytes: number) {
  const boundary = `----qmbench${randomUUID()}`
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="insurance.pdf"\r\n` +
    'Content-Type: application/pdf\r\n\r\n'
  const pdf = Buffer.alloc(bytes, 0x20)
  Buffer.from('%PDF-1.4\n').copy(pdf)
  Buffer.from('\n%%EOF\n').copy(pdf, bytes - 7)
  const file = path.join(dir, 'upload.bin')
  await writeFile(file, Buffer.concat([Buffer.from(head), pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]))
  return { file, contentType: `multipart/form-data; boundary=${boundary}` }
}

// The sender runs as a process of its own, so its buffers are not counted as the server's.
const SENDER = `const [url, cookie, type, file] = process.argv.slice(1)
const req = require('node:http').request(url, { method: 'POST', headers: { cookie, 'content-type': type } }, (res) => {
  res.resume(); res.on('end', () => { process.stdout.write(String(res.statusCode)) })
})
require('node:fs').createReadStream(file, { highWaterMark: 64 * 1024 }).pipe(req)`

async function sendFromAnotherProcess (url: string, cookie: string, type: string, file: string): Promise<number> {
  return await new Promise<number>((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', SENDER, url, cookie, type, file], (error, stdout) => {
      if (error !== null) reject(error)
      else resolve(Number(stdout))
    })
    child.stdin?.end()
  })
}

/** The task list at CONNECTIONS connections for DURATION_S seconds: whether its p99 meets the target. */
async function benchTaskList (base: string, cookie: string, kind: string): Promise<boolean> {
  // The first view reads and renders; the load after it repeats the view, answered from the application kept
  // until something in the council changes (README: For providers, speed).
  const first = performance.now()
  const list = await fetch(`${base}/provider`, { headers: { cookie } })
  const html = await list.text()
  const firstMs = performance.now() - first
  const tasks = (html.match(/<li class="govuk-task-list__item/g) ?? []).length
  if (list.status !== 200 || tasks < ITEMS) throw new Error(`task list: ${list.status}, ${tasks} tasks`)
  console.log(`task list of ${tasks} items and ${EVIDENCE} pieces of evidence, ${html.length} bytes (${kind}); ` +
    `first view (nothing kept) ${firstMs.toFixed(0)} ms`)
  const r = await autocannon({
    url: `${base}/provider`, connections: CONNECTIONS, duration: DURATION_S, headers: { cookie }
  })
  const listOk = r.latency.p99 < P99_TARGET_MS && r.non2xx === 0 && r.errors === 0
  console.log(`task list ${r.requests.average.toFixed(0)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  ` +
    `non-2xx ${r.non2xx}  p99 < ${P99_TARGET_MS} ms ${listOk ? 'PASS' : 'FAIL'}`)
  return listOk
}

/** UPLOADS uploads of UPLOAD_BYTES to the item page's form: the server's RSS growth over each. */
async function benchUploads (base: string, cookie: string, item: string, serverPid: number): Promise<number[]> {
  // The upload: the item page's CSRF token (and its cookie), then the form streamed from disk.
  const page = await fetch(`${base}/provider/items/${item}`, { headers: { cookie } })
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1]
  const csrfCookie = (page.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ')
  if (csrf === undefined) throw new Error(`item page: ${page.status}, no CSRF token`)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qm-bench-upload-'))
  const form = await uploadFile(dir, csrf, UPLOAD_BYTES)
  const growths: number[] = []
  for (let n = 0; n < UPLOADS; n++) {
    const before = await rssMb(serverPid)
    let peak = before
    const sample = async () => { peak = Math.max(peak, await rssMb(serverPid)) }
    const sampler = setInterval(() => { sample().catch(() => {}) }, 10)
    const status = await sendFromAnotherProcess(`${base}/provider/items/${item}/files`,
      [cookie, csrfCookie].filter((c) => c !== '').join('; '), form.contentType, form.file)
    clearInterval(sampler)
    await sample()
    if (status !== 303) throw new Error(`upload ${n + 1} answered ${status}`)
    growths.push(peak - before)
  }
  await rm(dir, { recursive: true, force: true })
  return growths
}

async function main (): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qm-bench-provider-'))
  const { handle, drop, url } = await openBenchDatabase({ dataDir: path.join(dir, 'pglite') })
  await handle.migrate()
  await seedBenchCouncil(handle, 1000)
  const db = handle.db
  const [council] = await db.select().from(councils).where(eq(councils.slug, 'bench'))
  const [scheme] = await db.insert(schemeVersions)
    .values({ councilId: council!.id, number: 2, status: 'published', document: fortyItemScheme() }).returning()
  const [provider] = await db.select().from(providers).where(eq(providers.councilId, council!.id)).limit(1)
  const [assessment] = await db.insert(assessments).values({
    councilId: council!.id, providerId: provider!.id, kind: 'renewal', state: 'draft', schemeVersionId: scheme!.id
  }).returning()
  const codes = scheme!.document.checklist.map((i) => i.code)
  await db.insert(evidence).values(Array.from({ length: EVIDENCE }, (_, n) => ({
    councilId: council!.id,
    assessmentId: assessment!.id,
    providerId: provider!.id,
    itemCode: codes[n % codes.length]!,
    kind: 'document' as const,
    status: n % 3 === 0 ? 'verified' as const : 'submitted' as const,
    expiresOn: n % 2 === 0 ? '2027-01-31' : null
  })))
  const [person] = await db.insert(users).values({
    councilId: council!.id, providerId: provider!.id, role: 'provider', name: 'Bench Provider'
  }).returning()

  // A session made through the service's own use case; then the server runs as a process of its own, so the
  // load generator shares neither its event loop nor its heap, and its RSS is the server's alone.
  const setup = await buildApp(benchConfig(), { database: handle, logger: false })
  const { secret } = await startSession(setup.deps, person!, 'email_link', 'bench')
  const kind = handle.kind
  await setup.close() // and the database with it: the server opens its own
  const server = await startServerProcess(url !== undefined ? { url } : { dataDir: dir })
  const cookie = `qm-session=${secret}`

  const listOk = PARTS.has('tasklist') ? await benchTaskList(server.base, cookie, kind) : true
  const growths = PARTS.has('upload') ? await benchUploads(server.base, cookie, codes.at(-1)!, server.child.pid!) : []
  await server.stop()

  let uploadOk = true
  if (PARTS.has('upload')) {
    // What the uploads stored, read back once the server has let go of the database.
    const check = await openDatabase(url !== undefined ? { url, max: 1 } : { dataDir: path.join(dir, 'pglite') })
    const stored = (await check.db.select({ id: evidence.id }).from(evidence)
      .where(eq(evidence.assessmentId, assessment!.id))).length - EVIDENCE
    await check.close()
    const worst = Math.max(...growths)
    uploadOk = worst < GROWTH_TARGET_MB && stored === UPLOADS
    console.log(`${UPLOADS} uploads of ${(UPLOAD_BYTES / 1e6).toFixed(0)} MB (${stored} stored): RSS ` +
      `growth ${growths.map((g) => g.toFixed(1)).join(', ')} MB, worst ${worst.toFixed(1)} MB  ` +
      `< ${GROWTH_TARGET_MB} MB ${uploadOk ? 'PASS' : 'FAIL'}`)
  }
  await drop()
  await rm(dir, { recursive: true, force: true })
  const pass = listOk && uploadOk
  console.log(`\n${pass ? 'PASS' : 'FAIL'} (${CONNECTIONS} connections, ${DURATION_S} s, ${kind})`)
  process.exitCode = pass ? 0 : 1
}

await main()
