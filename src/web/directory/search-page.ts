// The directory search page's view model: a GET form (works without JavaScript) in a side column — text, a postcode
// and a distance, room for new people, level, offering, client group and area — with "Clear filters"; results with
// their mark, distance, price, contact links and room for new people; the count in the page title; numbered
// pagination; a postcode that cannot be found gets a kind error summary with what was typed kept, never a dead end.
import type { DirectoryQuery, NearStatus } from '../../use-cases/publication/directory.js'
import type { Listing, PublicCouncil } from '../../use-cases/publication/listings.js'
import { isCurrentMark, longDate } from '../../use-cases/publication/public-award.js'
import { AWARD_LEVELS } from '../../domain/scheme/enums.js'
import { CLIENT_GROUP_NAMES, LEVEL_NAMES, SERVICE_TYPE_NAMES } from '../../use-cases/publication/vocabulary.js'
import { layoutOf, type PageView } from '../layout.js'
import { paginationOf, type PaginationView } from '../pagination.js'
import {
  CONTACT_THROUGH_COUNCIL,
  contactHtml,
  groupsText,
  markOf,
  milesText,
  offeringsText,
  priceText,
  takingNewPeopleOf,
  type MarkView,
  type SummaryRow
} from './listing-parts.js'

export interface SearchResult {
  items: Listing[]
  totalItems: number
  totalPages: number
  areas: string[]
  nearStatus: NearStatus
}

/** The distances the form offers, in miles. */
export const WITHIN_MILES = [1, 3, 5, 10, 25] as const

/** The parameters of one govukSelect. */
interface FilterSelect {
  id: string
  name: string
  label: { text: string }
  items: Array<{ value: string; text: string; selected: boolean }>
}

export interface ResultView {
  name: string
  href: string
  mark: MarkView
  distance: string | null
  taking: { text: string; classes: string }
  summary: string
  rows: SummaryRow[]
}

export interface SearchView extends PageView {
  councilName: string
  action: string
  aboutHref: string
  search: string
  postcode: { value: string; error: string | null }
  within: FilterSelect
  taking: boolean
  filters: FilterSelect[]
  errorList: Array<{ text: string; href: string }>
  /** Set when postcodes cannot be placed now: the results are not by distance. */
  distanceUnavailable: boolean
  /** e.g. "Nearest first, from LS2 9JT" */
  orderNote: string | null
  clearHref: string | null
  heading: string
  /** Set when the filters match nothing at all. */
  noMatches: boolean
  /** Set when the page asked for is past the last page of results. */
  beyondLast: { href: string; page: number } | null
  pageOf: string | null
  results: ResultView[]
  pagination: PaginationView | null
}

declare module '../views.js' {
  interface PageViews {
    'directory-search': SearchView
  }
}

const FILTER_KEYS = ['q', 'postcode', 'within', 'taking', 'level', 'offering', 'group', 'area'] as const

const hrefOf = (slug: string, query: DirectoryQuery, page: number): string => {
  const params = new URLSearchParams()
  for (const k of FILTER_KEYS) {
    const v = query[k]
    if (v !== undefined) params.set(k, v === true ? 'yes' : String(v))
  }
  if (page > 1) params.set('page', String(page))
  const s = params.toString()
  return `/directory/${slug}${s === '' ? '' : `?${s}`}`
}

const filter = (
  name: keyof DirectoryQuery,
  label: string,
  options: Array<[string, string]>,
  chosen: string | undefined,
  any = 'Any'
): FilterSelect => ({
  id: `filter-${name}`,
  name,
  label: { text: label },
  items: [{ value: '', text: any, selected: chosen === undefined }].concat(
    options.map(([value, text]) => ({ value, text, selected: value === chosen }))
  )
})

// GOV.UK error messages say what went wrong and what to do, kindly (the postcode is kept in the box).
const POSTCODE_ERRORS: Partial<Record<NearStatus, string>> = {
  malformed: 'Enter a full postcode, like LS1 4AP',
  unknown: 'We could not find that postcode. Check it and try again, or search without it',
  terminated: 'We could not find that postcode: it is no longer in use. Try the postcode used now, or a nearby one'
}

export function resultView (slug: string, l: Listing): ResultView {
  const contact = contactHtml(l.contact)
  const mark = markOf(l)
  const rows: SummaryRow[] = [
    { key: { text: 'Price' }, value: { text: priceText(l) } },
    { key: { text: 'Contact' }, value: contact === null ? { text: CONTACT_THROUGH_COUNCIL } : { html: contact.value } }
  ]
  return {
    name: l.name,
    href: `/directory/${slug}/providers/${l.providerId}`,
    mark,
    distance: l.distanceMetres === undefined || l.distanceMetres === null ? null : milesText(l.distanceMetres),
    taking: takingNewPeopleOf(l),
    summary: `${l.area}. ${offeringsText(l)}. Supports: ${groupsText(l)}.`,
    rows: [
      {
        key: { text: 'Quality Mark' },
        value: { text: `${LEVEL_NAMES[l.award.level]}${isCurrentMark(l) ? '' : ', suspended'}` }
      },
      { key: { text: 'Valid until' }, value: { text: longDate(l.award.validTo) } },
      ...rows
    ]
  }
}

export function searchView (council: PublicCouncil, query: DirectoryQuery, r: SearchResult): SearchView {
  const beyond = r.totalItems > 0 && query.page > r.totalPages
  const postcodeError = POSTCODE_ERRORS[r.nearStatus] ?? null
  const heading = r.totalItems === 1 ? '1 service found' : `${r.totalItems} services found`
  const filtered = FILTER_KEYS.some((k) => query[k] !== undefined)
  return {
    layout: layoutOf({
      title: `Find a quality-marked care service (${heading})`,
      council,
      hasErrors: postcodeError !== null
    }),
    councilName: council.name,
    action: `/directory/${council.slug}`,
    aboutHref: `/directory/${council.slug}/about`,
    search: query.q ?? '',
    postcode: { value: query.postcode ?? '', error: postcodeError },
    within: filter(
      'within',
      'Distance',
      WITHIN_MILES.map((m) => [String(m), `Within ${m === 1 ? '1 mile' : `${m} miles`}`]),
      query.within === undefined ? undefined : String(query.within),
      'Any distance'
    ),
    taking: query.taking === true,
    filters: [
      filter('level', 'Quality Mark level', [...AWARD_LEVELS].reverse().map((l) => [l, LEVEL_NAMES[l]]), query.level),
      filter('offering', 'Type of service', Object.entries(SERVICE_TYPE_NAMES), query.offering),
      filter('group', 'Who it supports', Object.entries(CLIENT_GROUP_NAMES), query.group),
      filter('area', 'Area', r.areas.map((a) => [a, a]), query.area)
    ],
    errorList: postcodeError === null ? [] : [{ text: postcodeError, href: '#filter-postcode' }],
    distanceUnavailable: r.nearStatus === 'unavailable',
    orderNote:
      r.nearStatus === 'found' && query.postcode !== undefined
        ? `Nearest first, from ${query.postcode.toUpperCase()}.`
        : null,
    clearHref: filtered ? `/directory/${council.slug}` : null,
    heading,
    noMatches: r.totalItems === 0,
    beyondLast: beyond ? { href: hrefOf(council.slug, query, r.totalPages), page: r.totalPages } : null,
    pageOf: r.totalPages > 1 && !beyond ? `Page ${query.page} of ${r.totalPages}` : null,
    results: r.items.map((l) => resultView(council.slug, l)),
    pagination: paginationOf(query.page, r.totalPages, (n) => hrefOf(council.slug, query, n))
  }
}
