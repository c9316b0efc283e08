// GOV.UK pagination for any list page (README: Pages): the first, the last and the pages either side of the current
// one, gaps as ellipses, previous and next; each link made by the page so its filters are kept.
export interface PaginationView {
  previous?: { href: string; text: string }
  next?: { href: string; text: string }
  items: Array<{ number: number; href: string; current: boolean } | { ellipsis: true }>
}

/** Null when there is one page, or the page asked for is past the last. */
export function paginationOf (page: number, totalPages: number, hrefOf: (n: number) => string): PaginationView | null {
  if (totalPages <= 1 || page > totalPages) return null
  const shown = [...new Set([1, page - 1, page, page + 1, totalPages])]
    .filter((n) => n >= 1 && n <= totalPages)
    .sort((a, b) => a - b)
  const items: PaginationView['items'] = []
  for (const n of shown) {
    const last = items.at(-1)
    if (last !== undefined && 'number' in last && n > last.number + 1) items.push({ ellipsis: true })
    items.push({ number: n, href: hrefOf(n), current: n === page })
  }
  return {
    ...(page > 1 ? { previous: { href: hrefOf(page - 1), text: 'Previous page' } } : {}),
    ...(page < totalPages ? { next: { href: hrefOf(page + 1), text: 'Next page' } } : {}),
    items
  }
}
