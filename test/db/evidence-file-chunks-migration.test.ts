// The migration to chunked evidence files (drizzle/0018_evidence_file_chunks.sql) on a database that still holds
// files as one bytea value: it is migrated up to the migration before, given files the old way, then migrated to
// the end, and each file must read back byte for byte from its 32 KB chunks, in order.
import t, { type Test } from 'tap'
import { randomBytes } from 'node:crypto'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import { sql } from 'drizzle-orm'
import { openDatabase, projectRoot, type DatabaseHandle } from '../../src/db/client.js'
import { readEvidenceFileContent } from '../../src/db/stores/assessments.js'

const MIGRATION = '0018_evidence_file_chunks'
const files = [
  { id: '00000000-0000-4000-8000-000000000001', content: randomBytes(100 * 1024), chunks: 4 },
  { id: '00000000-0000-4000-8000-000000000002', content: randomBytes(64 * 1024), chunks: 2 },
  { id: '00000000-0000-4000-8000-000000000003', content: randomBytes(1000), chunks: 1 },
  { id: '00000000-0000-4000-8000-000000000004', content: Buffer.alloc(0), chunks: 0 }
]

/** One council, provider, assessment and piece of evidence, with `files` in the old content column. */
const oldRows = `
with c as (insert into councils (slug, name) values ('old', 'Old Council') returning id),
p as (
  insert into providers (council_id, name, legal_form, fte, size_band, service_types, flags, client_groups, area,
    postcode, contact)
  select id, 'Old Provider', 'sole_trader', 1, 'micro', '[]', '{}', '[]', 'Otley', 'LS21 3AA', '{}' from c
  returning id, council_id
),
s as (insert into scheme_versions (council_id, number, document) select id, 1, '{}' from c returning id),
a as (
  insert into assessments (council_id, provider_id, kind, scheme_version_id)
  select p.council_id, p.id, 'initial', s.id from p, s returning id, council_id, provider_id
),
e as (
  insert into evidence (council_id, assessment_id, provider_id, item_code, kind)
  select council_id, id, provider_id, 'INS_PL', 'document' from a returning id, council_id
)
insert into evidence_files (id, council_id, evidence_id, filename, media_type, size_bytes, sha256, content)
select f.id::uuid, e.council_id, e.id, 'old.pdf', 'application/pdf', octet_length(decode(f.hex, 'hex')), '0',
  decode(f.hex, 'hex')
from e, (values ${files.map((f) => `('${f.id}', '${f.content.toString('hex')}')`).join(', ')}) as f (id, hex)`

/** A copy of drizzle/ whose journal ends just before MIGRATION. */
async function migrationsBefore (): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'qm-migrations-'))
  await cp(path.join(projectRoot(), 'drizzle'), folder, { recursive: true })
  const journalFile = path.join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: Array<{ idx: number; tag: string }> }
  const at = journal.entries.findIndex((e) => e.tag === MIGRATION)
  if (at < 0) throw new Error(`${MIGRATION} is not in drizzle/meta/_journal.json`)
  journal.entries = journal.entries.slice(0, at)
  await writeFile(journalFile, JSON.stringify(journal))
  return folder
}

/** A database migrated up to before MIGRATION and given the old rows; it opens migrated to the end. */
async function oldDatabase (t: Test, migrationsFolder: string): Promise<DatabaseHandle> {
  const server = process.env.DATABASE_URL
  if (server === undefined || server === '') {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qm-old-db-'))
    t.teardown(async () => await rm(dataDir, { recursive: true, force: true }))
    const client = new PGlite(dataDir)
    await migratePglite(drizzlePglite(client), { migrationsFolder })
    await client.exec(oldRows)
    await client.close()
    return await openDatabase({ dataDir })
  }
  const name = `qm_test_${process.pid}_migration`
  const admin = postgres(server, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  t.teardown(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.end()
  })
  const url = new URL(server)
  url.pathname = `/${name}`
  const client = postgres(url.toString(), { max: 1, onnotice: () => {} })
  await migratePostgres(drizzlePostgres(client), { migrationsFolder })
  await client.unsafe(oldRows)
  await client.end()
  return await openDatabase({ url: url.toString(), max: 2 })
}

t.test('files stored whole are moved into chunks and read back byte for byte', async (t) => {
  const folder = await migrationsBefore()
  t.teardown(async () => await rm(folder, { recursive: true, force: true }))
  const handle = await oldDatabase(t, folder)
  t.teardown(handle.close)
  await handle.migrate()
  for (const f of files) {
    const pieces: Buffer[] = []
    for await (const piece of readEvidenceFileContent(handle.db, f.id)) pieces.push(piece)
    t.equal(pieces.length, f.chunks, `${f.content.length} bytes in ${f.chunks} chunks`)
    t.ok(pieces.every((p) => p.length <= 32 * 1024), 'none over 32 KB')
    t.ok(Buffer.concat(pieces).equals(f.content), `${f.content.length} bytes: the same bytes, in order`)
  }
  await t.rejects(handle.db.execute(sql`select content from evidence_files`), /content/, 'the old column is dropped')
})
