// The directory search page's view model: a GET form (works without JavaScript) filtering by text, level,
// offering, client group and area; results with their mark; numbered pagination; and a page past the last one
// says so and links back, rather than blaming the filters.
import type { DirectoryQuery } from '../../use-cases/publication/directory.js'
import type { Listing, PublicCouncil } from '../../use-cases/publication/listings.js'
import { AWARD_LEVELS } from '../../domain/scheme/enums.js'
import { CLIENT_GROUP_NAMES, LEVEL_NAMES, SERVICE_TYPE_NAMES } from '../../use-cases/publication/vocabulary.js'
import { layoutOf, type PageView } from '../layout.js'
import { groupsText, markOf, offeringsText, type MarkView } from './listing-parts.js'

export interface SearchResult {
  items: Listing[]
  totalItems: number
  totalPages: number
  areas: string[]
}

/** The parameters of one govukSelect. */
interface FilterSelect {
  id: string
  name: string
  label: { text: string }
  items: Array<{ value: string; text: string; selected: boolean }>
}

interface PaginationView {
  previous?: { href: string; text: string }
  next?: { href: string; text: string }
  items: Array<{ number: number; href: string; current: boolean } | { ellipsis: true }>
}

export interface SearchView extends PageView {
  councilName: string
  action: string
  search: string
  filters: FilterSelect[]
  heading: string
  /** Set when the filters match nothing at all. */
  noMatches: boolean
  /** Set when the page asked for is past the last page of results. */
  beyondLast: { href: string; page: number } | null
  pageOf: string | null
  results: Array<{ name: string; href: string; mark: MarkView; summary: string }>
  pagination: PaginationView | null
}

declare module '../views.js' {
  interface PageViews {
    'directory-search': SearchView
  }
}

const FILTER_KEYS = ['q', 'level', 'offering', 'group', 'area'] as const

const hrefOf = (slug: string, query: DirectoryQuery, page: number): string => {
  const params = new URLSearchParams()
  for (const k of FILTER_KEYS) {
    if (query[k] !== undefined) params.set(k, query[k])
  }
  if (page > 1) params.set('page', String(page))
  const s = params.toString()
  return `/directory/${slug}${s === '' ? '' : `?${s}`}`
}

const filter = (
  name: keyof DirectoryQuery,
  label: string,
  options: Array<[string, string]>,
  chosen: string | undefined
): FilterSelect => ({
  id: `filter-${name}`,
  name,
  label: { text: label },
  items: [{ value: '', text: 'Any', selected: chosen === undefined }].concat(
    options.map(([value, text]) => ({ value, text, selected: value === chosen }))
  )
})

function paginationOf (slug: string, query: DirectoryQuery, totalPages: number): PaginationView | null {
  const page = query.page
  if (totalPages <= 1 || page > totalPages) return null
  const link = (n: number, text: string) => ({ href: hrefOf(slug, query, n), text })
  // GOV.UK pagination: the first, the last, and the pages either side of the current one, gaps as ellipses.
  const shown = [...new Set([1, page - 1, page, page + 1, totalPages])].filter((n) => n >= 1 && n <= totalPages)
  const items: PaginationView['items'] = []
  for (const n of shown.sort((a, b) => a - b)) {
    const last = items.at(-1)
    if (last !== undefined && 'number' in last && n > last.number + 1) items.push({ ellipsis: true })
    items.push({ number: n, href: hrefOf(slug, query, n), current: n === page })
  }
  return {
    ...(page > 1 ? { previous: link(page - 1, 'Previous page') } : {}),
    ...(page < totalPages ? { next: link(page + 1, 'Next page') } : {}),
    items
  }
}

export function searchView (council: PublicCouncil, query: DirectoryQuery, r: SearchResult): SearchView {
  const beyond = r.totalItems > 0 && query.page > r.totalPages
  return {
    layout: layoutOf({ title: 'Find a quality-marked care service', council }),
    councilName: council.name,
    action: `/directory/${council.slug}`,
    search: query.q ?? '',
    filters: [
      filter('level', 'Quality Mark level', [...AWARD_LEVELS].reverse().map((l) => [l, LEVEL_NAMES[l]]), query.level),
      filter('offering', 'Type of service', Object.entries(SERVICE_TYPE_NAMES), query.offering),
      filter('group', 'Who it supports', Object.entries(CLIENT_GROUP_NAMES), query.group),
      filter('area', 'Area', r.areas.map((a) => [a, a]), query.area)
    ],
    heading: r.totalItems === 1 ? '1 service found' : `${r.totalItems} services found`,
    noMatches: r.totalItems === 0,
    beyondLast: beyond ? { href: hrefOf(council.slug, query, r.totalPages), page: r.totalPages } : null,
    pageOf: r.totalPages > 1 && !beyond ? `Page ${query.page} of ${r.totalPages}` : null,
    results: r.items.map((l) => ({
      name: l.name,
      href: `/directory/${council.slug}/providers/${l.providerId}`,
      mark: markOf(l),
      summary: `${l.area}. ${offeringsText(l)}. Supports: ${groupsText(l)}.`
    })),
    pagination: paginationOf(council.slug, query, r.totalPages)
  }
}
