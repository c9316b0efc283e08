// Great-circle distance and search boxes: known distances, edge cases, and properties.
import fc from 'fast-check'
import t from 'tap'
import {
  boundingBox,
  distanceMetres,
  isValidLatLng,
  metresToMiles,
  milesToMetres,
  type LatLng
} from '../../../src/domain/geo/index.js'

const leeds = { latitude: 53.7997, longitude: -1.5492 }
const york = { latitude: 53.959, longitude: -1.0815 }
const london = { latitude: 51.5074, longitude: -0.1278 }

t.test('known distances', async (t) => {
  t.equal(distanceMetres(leeds, leeds), 0)
  // Leeds to York about 35 km; Leeds to London about 271 km (great circle).
  t.ok(Math.abs(distanceMetres(leeds, york) - 35_500) < 1_000, `${distanceMetres(leeds, york)}`)
  t.ok(Math.abs(distanceMetres(leeds, london) - 271_000) < 2_000, `${distanceMetres(leeds, london)}`)
  // Antipodes: half the circumference, without NaN from rounding.
  const far = distanceMetres({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })
  t.ok(Math.abs(far - Math.PI * 6_371_008.8) < 1)
})

t.test('miles', async (t) => {
  t.equal(milesToMetres(1), 1609.344)
  t.equal(metresToMiles(1609.344 * 2.44), 2.4)
  t.equal(metresToMiles(0), 0)
})

t.test('coordinates are checked', async (t) => {
  t.ok(isValidLatLng(leeds))
  t.notOk(isValidLatLng({ latitude: 91, longitude: 0 }))
  t.notOk(isValidLatLng({ latitude: 0, longitude: -181 }))
  t.notOk(isValidLatLng({ latitude: Number.NaN, longitude: 0 }))
})

t.test('boxes near the poles and across the date line span every longitude', async (t) => {
  t.same(boundingBox({ latitude: 89.99, longitude: 10 }, 5_000), {
    minLatitude: 89.99 - (5_000 / 6_371_008.8) * (180 / Math.PI),
    maxLatitude: 90,
    minLongitude: -180,
    maxLongitude: 180
  })
  const dateLine = boundingBox({ latitude: 0, longitude: 179.99 }, 5_000)
  t.equal(dateLine.minLongitude, -180)
  t.equal(dateLine.maxLongitude, 180)
  const huge = boundingBox({ latitude: 60, longitude: 0 }, 10_000_000)
  t.equal(huge.minLongitude, -180)
  const small = boundingBox(leeds, 1_609.344)
  t.ok(small.minLongitude > -1.6 && small.maxLongitude < -1.5)
})

const point = fc.record({
  latitude: fc.double({ min: -85, max: 85, noNaN: true }),
  longitude: fc.double({ min: -179, max: 179, noNaN: true })
})

t.test('distance is symmetric, non-negative and obeys the triangle inequality', async () => {
  fc.assert(
    fc.property(point, point, point, (a: LatLng, b: LatLng, c: LatLng) => {
      const ab = distanceMetres(a, b)
      return (
        ab >= 0 &&
        Math.abs(ab - distanceMetres(b, a)) < 1e-6 &&
        ab <= distanceMetres(a, c) + distanceMetres(c, b) + 1e-3
      )
    })
  )
})

t.test('every point within the radius lies inside the box', async () => {
  fc.assert(
    fc.property(
      point,
      fc.double({ min: 100, max: 200_000, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      (centre, radius, fraction, bearing) => {
        // A point at distance fraction × radius along the bearing (spherical destination formula).
        const d = (fraction * radius * 0.999) / 6_371_008.8
        const φ1 = (centre.latitude * Math.PI) / 180
        const λ1 = (centre.longitude * Math.PI) / 180
        const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(bearing))
        const λ2 =
          λ1 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2))
        const p = { latitude: (φ2 * 180) / Math.PI, longitude: (((λ2 * 180) / Math.PI + 540) % 360) - 180 }
        const box = boundingBox(centre, radius)
        return (
          p.latitude >= box.minLatitude - 1e-9 &&
          p.latitude <= box.maxLatitude + 1e-9 &&
          p.longitude >= box.minLongitude - 1e-9 &&
          p.longitude <= box.maxLongitude + 1e-9
        )
      }
    )
  )
})
