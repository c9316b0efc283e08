// What the provider registry's use cases take (README: Architecture): the use cases own these shapes, and the API's
// zod schemas (src/http/schemas/providers.ts) are declared against them, never the other way round.
import type { ProviderContact } from '../db/schema/providers.js'
import type { LegalForm, SizeBand } from '../domain/providers.js'
import type { ClientGroup, CqcRating, OfferingFlag, ServiceType } from '../domain/scheme/enums.js'

/** A provider to register; postcodes arrive normalised (upper case, one space). */
export interface ProviderCreate {
  name: string
  legalForm: LegalForm
  description: string
  fte: number
  activeClients: number
  serviceTypes: ServiceType[]
  /** Every offering flag, said either way. */
  flags: Record<OfferingFlag, boolean>
  clientGroups: ClientGroup[]
  area: string
  postcode: string
  hourlyPricePence: number | null
  cqcLocationId: string | null
  charityNumber: string | null
  companyNumber: string | null
  contact: ProviderContact
  /** Whether the provider has room for new people; null or absent: not said. */
  takingNewPeople?: boolean | null | undefined
  cqcRating: CqcRating | null
}

/** The fields to change; at least one. */
export type ProviderPatch = { [K in keyof ProviderCreate]?: ProviderCreate[K] | undefined }

export type ProviderSortKey = 'name' | 'createdAt' | 'fte' | 'updatedAt'

/** A page of the register, filtered; a leading "-" on the sort key sorts descending. */
export interface ProviderListQuery {
  page: number
  perPage: number
  sizeBand?: SizeBand | undefined
  serviceType?: ServiceType | undefined
  clientGroup?: ClientGroup | undefined
  status: 'active' | 'inactive' | 'all'
  q?: string | undefined
  sort: ProviderSortKey | `-${ProviderSortKey}`
}
