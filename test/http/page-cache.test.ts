// The feed's body cache counts the memory it really keeps alive: small bodies and their gzip copies own their
// bytes (no pinned 8 KB pool slab or 16 KB zlib chunk), so the cap bounds the process (README: Publication).
import { randomUUID } from 'node:crypto'
import t from 'tap'
import { createBodyCache, versionedBody } from '../../src/http/page-cache.js'

const council = { id: randomUUID(), slug: 'northshire', name: 'Northshire Council', contactEmail: null, version: 1 }

/** Every distinct ArrayBuffer the cache's values keep alive, and their total size. */
function retained (cache: ReturnType<typeof createBodyCache>) {
  const blocks = new Set<ArrayBufferLike>()
  for (const v of cache.values()) blocks.add(v.buffer)
  return [...blocks].reduce((sum, b) => sum + b.byteLength, 0)
}

t.test('small bodies and their gzip copies own exactly their bytes', async (t) => {
  const cache = createBodyCache()
  for (let i = 0; i < 200; i++) {
    const out = await versionedBody(cache, council, `services:{"search":"x${i}"}`, () => ({ contents: [], i }))
    out.gzipped()
  }
  t.equal(cache.size, 400)
  const oversized = [...cache.values()].filter((v) => v.buffer.byteLength !== v.length)
  t.equal(oversized.length, 0, 'no body or gzip copy has a shared or oversized block behind it')
  t.ok(retained(cache) <= cache.calculatedSize, 'the accounted size covers what is retained')
})

t.test('what small distinct views retain never exceeds the cap', async (t) => {
  const cap = 256 * 1024
  const cache = createBodyCache(cap)
  for (let i = 0; i < 4000; i++) {
    const out = await versionedBody(cache, council, `awards:{"modified_after":"${i}"}`, () => ({ items: [], i }))
    out.gzipped()
  }
  t.ok(cache.calculatedSize <= cap)
  t.ok(retained(cache) <= cap, `retained ${retained(cache)} bytes under a ${cap}-byte cap`)
})

t.test('a large body is kept as it is, without a copy', async (t) => {
  const cache = createBodyCache()
  const out = await versionedBody(cache, council, 'big', () => ({ text: 'x'.repeat(100_000) }))
  t.equal(out.body.buffer.byteLength, out.body.length)
  t.equal(out.gzipped().buffer.byteLength, out.gzipped().length)
})
