// What every store needs of a write's answer: the one row it returned.

/** The row a write returned (insert … returning, update … returning of a row known to exist). */
export function one<T> (rows: T[], what: string): T {
  const [row] = rows
  if (row === undefined) throw new Error(`write returned no ${what}`)
  return row
}
