// The per-council read cache behind the work queue (src/use-cases/council-read-cache.ts): what it keeps, and
// every way a kept answer could be older than the database — a change announced during a read, a listener that
// was lost, a write through this instance, age — each of which sends the next read to the database.
import t from 'tap'
import { councilReadCache } from '../../src/use-cases/council-read-cache.js'

function counting () {
  let reads = 0
  let answer = 'first'
  return {
    load: async () => {
      reads++
      return `${answer} ${reads}`
    },
    reads: () => reads,
    answer: (a: string) => { answer = a }
  }
}

t.test('nothing is kept until the listener is in place, then until the council changes', async (t) => {
  const cache = councilReadCache()
  const db = counting()
  await cache.read('north', 'all', db.load)
  await cache.read('north', 'all', db.load)
  t.equal(db.reads(), 2, 'not listening: every read goes to the database')
  cache.onListening()
  const kept = await cache.read('north', 'all', db.load)
  t.equal(await cache.read('north', 'all', db.load), kept, 'kept')
  t.equal(db.reads(), 3)
  cache.onNotify('south')
  t.equal(await cache.read('north', 'all', db.load), kept, 'another council changing changes nothing')
  cache.onNotify('north')
  t.not(await cache.read('north', 'all', db.load), kept, 'read again after the council changed')
  t.equal(db.reads(), 4)
})

t.test('a read during which a change was announced is not kept: its snapshot may predate it', async (t) => {
  const cache = councilReadCache()
  cache.onListening()
  let reads = 0
  const racing = async () => {
    reads++
    cache.onNotify('north') // committed while the read ran
    return reads
  }
  await cache.read('north', 'all', racing)
  await cache.read('north', 'all', racing)
  t.equal(reads, 2, 'both went to the database')
})

t.test('a lost listener and a local write forget everything; a read begun before is not kept', async (t) => {
  const cache = councilReadCache()
  const db = counting()
  cache.onListening()
  await cache.read('north', 'all', db.load)
  cache.onLost()
  await cache.read('north', 'all', db.load)
  await cache.read('north', 'all', db.load)
  t.equal(db.reads(), 3, 'while lost, every read goes to the database')
  cache.onListening()
  await cache.read('north', 'all', db.load)
  await cache.read('north', 'all', db.load)
  t.equal(db.reads(), 4, 'kept again once listening')
  cache.changed()
  await cache.read('north', 'all', db.load)
  t.equal(db.reads(), 5, 'a write through this instance sends the next read to the database')

  const slow = councilReadCache()
  slow.onListening()
  let reads = 0
  const during = async () => {
    reads++
    slow.changed()
    return reads
  }
  await slow.read('north', 'all', during)
  await slow.read('north', 'all', during)
  t.equal(reads, 2, 'a read overtaken by a local write is not kept')
})

t.test('entries expire, are kept per key, and are bounded in number', async (t) => {
  let clock = 0
  const cache = councilReadCache({ ttlMs: 1000, maxEntries: 2, now: () => clock })
  const db = counting()
  cache.onListening()
  await cache.read('north', 'a', db.load)
  clock = 999
  await cache.read('north', 'a', db.load)
  t.equal(db.reads(), 1, 'kept before it expires')
  clock = 1000
  await cache.read('north', 'a', db.load)
  t.equal(db.reads(), 2, 'read again once a second old')
  await cache.read('north', 'b', db.load)
  await cache.read('north', 'c', db.load)
  t.equal(db.reads(), 4, 'another key is another read')
  await cache.read('north', 'c', db.load)
  await cache.read('north', 'b', db.load)
  t.equal(db.reads(), 4, 'the two newest are kept')
  await cache.read('north', 'a', db.load)
  t.equal(db.reads(), 5, 'the oldest was dropped for them')
  cache.onNotify('  ')
  await cache.read('north', 'a', db.load)
  t.equal(db.reads(), 5, 'an empty announcement changes nothing')
})

t.test('an answer its reader says not to keep is read again every time', async (t) => {
  const cache = councilReadCache()
  cache.onListening()
  const db = counting()
  const keep = (value: string) => !value.startsWith('unwatched')
  db.answer('unwatched')
  await cache.read('north', 'start', db.load, keep)
  await cache.read('north', 'start', db.load, keep)
  t.equal(db.reads(), 2, 'not kept')
  db.answer('watched')
  const kept = await cache.read('north', 'start', db.load, keep)
  t.equal(await cache.read('north', 'start', db.load, keep), kept, 'kept once it is one to keep')
  t.equal(db.reads(), 3)
})
