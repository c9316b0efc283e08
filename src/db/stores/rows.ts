// What every store needs of a query's answer: the one row a write returned; a long read a page at a time.

/** The row a write returned (insert … returning, update … returning of a row known to exist). */
export function one<T> (rows: T[], what: string): T {
  const [row] = rows
  if (row === undefined) throw new Error(`write returned no ${what}`)
  return row
}

/**
 * Every row of a long read in key order, `limit` per query, each query starting after the last key seen: only a
 * page is ever held, and a short page ends it.
 */
export async function * keysetPages<R, K> (
  fetch: (after: K | null, limit: number) => Promise<R[]>,
  keyOf: (row: R) => K,
  limit: number
): AsyncGenerator<R> {
  for (let after: K | null = null; ;) {
    const page = await fetch(after, limit)
    yield * page
    const last = page.at(-1)
    if (last === undefined || page.length < limit) return
    after = keyOf(last)
  }
}
