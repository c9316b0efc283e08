// One page of a list and its envelope (page, perPage, totalItems, totalPages), the same for every list use case.

/** Runs the page's select and the count together; `select` gets the limit and offset of the requested page. */
export async function fetchPage<T> (
  query: { page: number; perPage: number },
  select: (limit: number, offset: number) => Promise<T[]>,
  countAll: () => Promise<Array<{ n: number }>>
) {
  const [items, [total]] = await Promise.all([select(query.perPage, (query.page - 1) * query.perPage), countAll()])
  const totalItems = total?.n ?? 0
  return {
    items,
    meta: { page: query.page, perPage: query.perPage, totalItems, totalPages: Math.ceil(totalItems / query.perPage) }
  }
}
