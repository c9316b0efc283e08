// Published scheme versions are kept once read (src/use-cases/schemes.ts): never a version whose publication rolled
// back, never one of another council, and never changed in place.
import t from 'tap'
import { schemeVersions } from '../../src/db/schema/index.js'
import { createDefaultSchemeDocument } from '../../src/domain/scheme/index.js'
import { loadPublishedScheme } from '../../src/use-cases/schemes.js'
import { buildTestApp } from '../helpers/app.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const db = h.app.deps.db
const document = createDefaultSchemeDocument()

t.test('a version published in a transaction that rolled back is not kept as published', async (t) => {
  let id = ''
  await t.rejects(db.transaction(async (tx) => {
    const [row] = await tx.insert(schemeVersions)
      .values({ councilId: north.id, number: 90, status: 'published', document }).returning()
    id = row!.id
    t.equal((await loadPublishedScheme(tx, north.id, id)).number, 90, 'seen inside its own transaction')
    throw new Error('roll back')
  }), /roll back/)
  await t.rejects(loadPublishedScheme(db, north.id, id), { code: 'NOT_FOUND' }, 'gone after the rollback')
})

t.test('a committed version is kept: the same record, frozen, and only for its council', async (t) => {
  const [row] = await db.insert(schemeVersions)
    .values({ councilId: north.id, number: 91, status: 'published', document }).returning()
  const first = await loadPublishedScheme(db, north.id, row!.id)
  const second = await loadPublishedScheme(db, north.id, row!.id)
  t.equal(second, first, 'the second read is the kept record')
  t.ok(Object.isFrozen(first.document.checklist[0]), 'frozen all the way down')
  t.throws(() => { (first.document.checklist as unknown[]).push({}) }, TypeError, 'a change in place throws')
  await t.rejects(loadPublishedScheme(db, south.id, row!.id), { code: 'NOT_FOUND' }, 'another council: not found')
})
