// Distance on the Earth for "services near a postcode": great-circle distance (haversine on the mean
// Earth radius, IUGG 6,371,008.8 m) and the latitude/longitude box that holds every point within a radius,
// so a database can narrow the candidates on indexed columns before it measures them exactly.

export interface LatLng {
  latitude: number
  longitude: number
}

export interface LatLngBox {
  minLatitude: number
  maxLatitude: number
  minLongitude: number
  maxLongitude: number
}

export const EARTH_RADIUS_METRES = 6_371_008.8
export const METRES_PER_MILE = 1609.344

const radians = (degrees: number) => (degrees * Math.PI) / 180
const degrees = (radiansValue: number) => (radiansValue * 180) / Math.PI

/** Great-circle distance in metres between two points (haversine formula). */
export function distanceMetres (a: LatLng, b: LatLng): number {
  const dLat = radians(b.latitude - a.latitude)
  const dLng = radians(b.longitude - a.longitude)
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * The box of latitudes and longitudes that contains every point within `radiusMetres` of `centre`.
 * It is a superset (corners lie outside the circle): callers measure exactly after filtering by it.
 * Near a pole, or for a radius so wide the longitudes wrap, the box spans every longitude.
 */
export function boundingBox (centre: LatLng, radiusMetres: number): LatLngBox {
  const angular = radiusMetres / EARTH_RADIUS_METRES
  const minLatitude = Math.max(-90, centre.latitude - degrees(angular))
  const maxLatitude = Math.min(90, centre.latitude + degrees(angular))
  const sinRatio = Math.sin(angular) / Math.cos(radians(centre.latitude))
  if (minLatitude === -90 || maxLatitude === 90 || sinRatio >= 1) {
    return { minLatitude, maxLatitude, minLongitude: -180, maxLongitude: 180 }
  }
  const spread = degrees(Math.asin(sinRatio))
  const minLongitude = centre.longitude - spread
  const maxLongitude = centre.longitude + spread
  if (minLongitude < -180 || maxLongitude > 180) {
    return { minLatitude, maxLatitude, minLongitude: -180, maxLongitude: 180 }
  }
  return { minLatitude, maxLatitude, minLongitude, maxLongitude }
}

export const milesToMetres = (miles: number) => miles * METRES_PER_MILE

/** Miles to one decimal place, as a person reads a distance ("2.4 miles"). */
export const metresToMiles = (metres: number) => Math.round((metres / METRES_PER_MILE) * 10) / 10

/** A plausible coordinate pair: latitude in [-90, 90], longitude in [-180, 180], both finite. */
export function isValidLatLng (p: LatLng): boolean {
  return (
    Number.isFinite(p.latitude) &&
    Number.isFinite(p.longitude) &&
    Math.abs(p.latitude) <= 90 &&
    Math.abs(p.longitude) <= 180
  )
}
