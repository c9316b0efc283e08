// Where a postcode is: from a postcodes.io-compatible API when POSTCODES_API_URL is set, else from the reference table
// loaded by `npm run postcodes:import` (README: postcodes). A provider's coordinates are set from it on every save.
import type { Queryable } from '../db/client.js'
import { findPostcodeLocation, hasImportedReference } from '../db/stores/postcodes.js'
import { DomainError } from '../domain/errors.js'
import { isValidLatLng, type LatLng } from '../domain/geo/index.js'
import { propertyOf } from '../thrown.js'
import type { Deps } from './context.js'

export type PostcodeLookup =
  | { status: 'found'; location: LatLng }
  | { status: 'unknown' | 'terminated' }
  /** no reference data loaded, or the API did not answer: the postcode cannot be placed now */
  | { status: 'unavailable' }

const API_TIMEOUT_MS = 3000

export async function lookUpPostcode (deps: Deps, q: Queryable, postcode: string): Promise<PostcodeLookup> {
  const api = deps.config.POSTCODES_API_URL
  if (api !== undefined) return await lookUpByApi(api, postcode)
  const row = await findPostcodeLocation(q, postcode)
  if (row === undefined) return (await hasImportedReference(q)) ? { status: 'unknown' } : { status: 'unavailable' }
  if (row.terminatedOn !== null) return { status: 'terminated' }
  return { status: 'found', location: { latitude: row.latitude, longitude: row.longitude } }
}

// postcodes.io: GET /postcodes/{pc} answers 404 for a postcode that is not live; GET /terminated_postcodes/{pc}
// answers 200 for one that was in use and has been terminated.
async function lookUpByApi (base: string, postcode: string): Promise<PostcodeLookup> {
  const live = await getJson(`${base.replace(/\/$/, '')}/postcodes/${encodeURIComponent(postcode)}`)
  if (live === 'unavailable') return { status: 'unavailable' }
  if (live.status === 200) {
    const result = propertyOf(live.body, 'result')
    const location = {
      latitude: Number(propertyOf(result, 'latitude')),
      longitude: Number(propertyOf(result, 'longitude'))
    }
    // A live postcode with no grid reference (some PO boxes) cannot be placed.
    return isValidLatLng(location) ? { status: 'found', location } : { status: 'unavailable' }
  }
  if (live.status !== 404) return { status: 'unavailable' }
  const ended = await getJson(`${base.replace(/\/$/, '')}/terminated_postcodes/${encodeURIComponent(postcode)}`)
  if (ended !== 'unavailable' && ended.status === 200) return { status: 'terminated' }
  if (ended !== 'unavailable' && ended.status === 404) return { status: 'unknown' }
  return { status: 'unavailable' }
}

async function getJson (url: string): Promise<{ status: number; body: unknown } | 'unavailable'> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(API_TIMEOUT_MS), redirect: 'error' })
    const body: unknown = await res.json().catch(() => ({}))
    return { status: res.status, body }
  } catch {
    return 'unavailable'
  }
}

/**
 * The coordinates to store for a provider's postcode. A postcode the reference data does not know, or one no longer
 * in use, is refused (422 naming the field); when no reference is reachable the provider is saved unplaced.
 */
export async function placeProviderPostcode (
  deps: Deps,
  q: Queryable,
  postcode: string
): Promise<{ latitude: number | null; longitude: number | null }> {
  const found = await lookUpPostcode(deps, q, postcode)
  if (found.status === 'found') return found.location
  if (found.status === 'unavailable') {
    deps.log.warn({ event: 'postcode_unplaced' }, 'postcode reference unavailable; provider saved without a location')
    return { latitude: null, longitude: null }
  }
  const message =
    found.status === 'terminated'
      ? 'is no longer in use: enter the postcode the service works from now'
      : 'could not be found: check the postcode and try again'
  throw new DomainError('UNKNOWN_POSTCODE', 'invalid', `The postcode ${postcode} ${message}`, {
    errors: [{ path: 'body.postcode', message }]
  })
}
