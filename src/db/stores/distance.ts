// Distance search in SQL, the same on PGlite and PostgreSQL: the bounding box on indexed latitude/longitude columns
// narrows the rows, then the exact great-circle distance (haversine, as src/domain/geo) filters and orders them.
import { sql, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { boundingBox, EARTH_RADIUS_METRES, type LatLng } from '../../domain/geo/index.js'

export interface Near {
  centre: LatLng
  radiusMetres: number
}

interface Located {
  latitude: PgColumn
  longitude: PgColumn
}

/** Metres from the centre to a row's point; null for a row with no location. */
export function distanceFrom (t: Located, centre: LatLng): SQL<number | null> {
  const lat = sql`${centre.latitude}::float8`
  const lng = sql`${centre.longitude}::float8`
  return sql<number | null>`(2 * ${EARTH_RADIUS_METRES}::float8 * asin(least(1, sqrt(
    power(sin(radians(${t.latitude} - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(${t.latitude})) * power(sin(radians(${t.longitude} - ${lng}) / 2), 2)))))`
}

/** Rows whose point lies within the radius: the box first (an index range), then the exact distance. */
export function withinDistance (t: Located, near: Near): SQL {
  const box = boundingBox(near.centre, near.radiusMetres)
  return sql`(${t.latitude} between ${box.minLatitude}::float8 and ${box.maxLatitude}::float8
    and ${t.longitude} between ${box.minLongitude}::float8 and ${box.maxLongitude}::float8
    and ${distanceFrom(t, near.centre)} <= ${near.radiusMetres}::float8)`
}
