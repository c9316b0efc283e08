// The columns the Open Referral UK feed adds to a listing: where the provider is (the postcode's coordinates) and
// its registration numbers (README: Open Referral UK feed). One query per page, by provider id.
import { inArray } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { providers } from '../schema/index.js'

export interface OrukProviderDetails {
  latitude: number | null
  longitude: number | null
  charityNumber: string | null
  companyNumber: string | null
}

export async function loadOrukDetails (
  q: Queryable,
  providerIds: readonly string[]
): Promise<Map<string, OrukProviderDetails>> {
  if (providerIds.length === 0) return new Map()
  const rows = await q
    .select({
      id: providers.id,
      latitude: providers.latitude,
      longitude: providers.longitude,
      charityNumber: providers.charityNumber,
      companyNumber: providers.companyNumber
    })
    .from(providers)
    .where(inArray(providers.id, [...providerIds]))
  return new Map(rows.map(({ id, ...details }) => [id, details]))
}
