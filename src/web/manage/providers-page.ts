// The provider list of the co-ordinator's portal (README: For co-ordinators): search, filters and sort as a GET
// form, the page of providers with their live award, and GOV.UK pagination that keeps the filters.
import { z } from 'zod'
import { SizeBandSchema } from '../../domain/providers.js'
import { ServiceTypeSchema } from '../../domain/scheme/enums.js'
import type { listProvidersWithAwards, ProviderListQuery } from '../../use-cases/provider-overview.js'
import { layoutOf, type PageView } from '../layout.js'
import { paginationOf, type PaginationView } from '../pagination.js'
import { MANAGE_HOME, manageNavigation } from '../portal.js'
import { dayOf, LEVEL_NAMES, nameOf, SERVICE_TYPE_NAMES, SIZE_BAND_NAMES } from './words.js'

export const PER_PAGE = 25
const SORTS = {
  name: 'Name, A to Z',
  '-name': 'Name, Z to A',
  '-updatedAt': 'Recently changed',
  '-createdAt': 'Newest first',
  createdAt: 'Oldest first',
  fte: 'Smallest first',
  '-fte': 'Largest first'
} as const
const SORT_KEYS = Object.keys(SORTS) as [keyof typeof SORTS, ...Array<keyof typeof SORTS>]

// What the page was asked for; a value the form does not offer is ignored, never a 500 or a blank page.
export const providerPageQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  sizeBand: SizeBandSchema.optional().catch(undefined),
  serviceType: ServiceTypeSchema.optional().catch(undefined),
  status: z.enum(['active', 'inactive', 'all']).default('active').catch('active'),
  sort: z.enum(SORT_KEYS).default('name').catch('name'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1)
})
export type ProviderPageQuery = z.infer<typeof providerPageQuery>

export const listQueryOf = (p: ProviderPageQuery): ProviderListQuery => ({
  page: p.page,
  perPage: PER_PAGE,
  status: p.status,
  sort: p.sort,
  ...(p.q === undefined || p.q === '' ? {} : { q: p.q }),
  ...(p.sizeBand === undefined ? {} : { sizeBand: p.sizeBand }),
  ...(p.serviceType === undefined ? {} : { serviceType: p.serviceType })
})

interface Option { value: string; text: string; selected: boolean }

export interface ProvidersView extends PageView {
  q: string
  filters: Array<{ id: string; name: string; label: string; items: Option[] }>
  heading: string
  notice: string | null
  rows: Array<{ name: string; href: string; area: string; band: string; fte: string; award: string; updated: string }>
  pagination: PaginationView | null
  pageOf: string | null
}

declare module '../views.js' {
  interface PageViews {
    'manage-providers': ProvidersView
  }
}

const FILTER_KEYS = ['q', 'sizeBand', 'serviceType', 'status', 'sort'] as const

const hrefOf = (p: ProviderPageQuery, page: number): string => {
  const params = new URLSearchParams()
  for (const k of FILTER_KEYS) {
    const v = p[k]
    if (v !== undefined && v !== '') params.set(k, v)
  }
  if (page > 1) params.set('page', String(page))
  return `${MANAGE_HOME}/providers?${params.toString()}`
}

const select = (name: string, label: string, options: Array<[string, string]>, chosen: string | undefined) => ({
  id: `filter-${name}`,
  name,
  label,
  items: options.map(([value, text]) => ({ value, text, selected: value === (chosen ?? '') }))
})

const awardText = (a: { level: keyof typeof LEVEL_NAMES; status: string } | null): string => {
  if (a === null) return 'None'
  const level = LEVEL_NAMES[a.level]
  return a.status === 'active' ? level : `${level} (${nameOf({}, a.status).toLowerCase()})`
}

type ProviderPage = Awaited<ReturnType<typeof listProvidersWithAwards>>

export function providersView (p: ProviderPageQuery, r: ProviderPage, notice: string | null): ProvidersView {
  const { totalItems, totalPages } = r.meta
  return {
    layout: layoutOf({ title: 'Providers', navigation: manageNavigation(`${MANAGE_HOME}/providers`) }),
    q: p.q ?? '',
    filters: [
      select('sizeBand', 'Size band', [['', 'Any'], ...Object.entries(SIZE_BAND_NAMES)], p.sizeBand),
      select('serviceType', 'Type of service', [['', 'Any'], ...Object.entries(SERVICE_TYPE_NAMES)], p.serviceType),
      select('status', 'Status', [['active', 'Active'], ['inactive', 'Left the scheme'], ['all', 'All']], p.status),
      select('sort', 'Sort by', Object.entries(SORTS), p.sort)
    ],
    heading: totalItems === 1 ? '1 provider' : `${totalItems} providers`,
    notice,
    rows: r.items.map((x) => ({
      name: x.name,
      href: `${MANAGE_HOME}/providers/${x.id}`,
      area: x.area,
      band: nameOf(SIZE_BAND_NAMES, x.sizeBand),
      fte: String(x.fte),
      award: awardText(x.liveAward),
      updated: dayOf(x.updatedAt)
    })),
    pagination: paginationOf(p.page, totalPages, (n) => hrefOf(p, n)),
    pageOf: totalPages > 1 ? `Page ${Math.min(p.page, totalPages)} of ${totalPages}` : null
  }
}
