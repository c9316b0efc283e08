// The directory search page's view model: a GET form (works without JavaScript) filtering by text, level,
// offering, client group and area; results with their mark; numbered pagination; and a page past the last one
// says so and links back, rather than blaming the filters.
import type { DirectoryQuery } from '../../use-cases/publication/directory.js'
import type { Listing, PublicCouncil } from '../../use-cases/publication/listings.js'
import { AWARD_LEVELS } from '../../domain/scheme/enums.js'
import { CLIENT_GROUP_NAMES, LEVEL_NAMES, SERVICE_TYPE_NAMES } from '../../use-cases/publication/vocabulary.js'
import { layoutOf, type PageView } from '../layout.js'
import { paginationOf, type PaginationView } from '../pagination.js'
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
    pagination: paginationOf(query.page, r.totalPages, (n) => hrefOf(council.slug, query, n))
  }
}
