// The demo providers' postcodes with coordinates, so `npm start` can search by distance with nothing downloaded.
// The coordinates are the approximate centres of the Leeds postcode districts the demo uses (demo data, not ONSPD);
// a real council imports the ONS Postcode Directory (README: postcodes).
import type { PostcodeLocation } from '../db/stores/postcodes.js'

const at = (postcode: string, latitude: number, longitude: number): PostcodeLocation => ({
  postcode,
  latitude,
  longitude,
  terminatedOn: null
})

export const demoPostcodeLocations: PostcodeLocation[] = [
  at('LS1 4AP', 53.7965, -1.5478), // city centre
  at('LS6 3HN', 53.8193, -1.5781), // Headingley
  at('LS8 2HH', 53.8262, -1.5116), // Roundhay
  at('LS11 5AA', 53.7797, -1.5516), // Beeston
  at('LS12 1AA', 53.7961, -1.5889), // Armley
  at('LS13 2AA', 53.8118, -1.6386), // Bramley
  at('LS17 6AA', 53.8597, -1.5369), // Alwoodley
  at('LS21 3AA', 53.9053, -1.6934), // Otley
  at('LS25 1AA', 53.7917, -1.3847), // Garforth
  at('LS27 9AA', 53.7466, -1.6006), // Morley
  at('LS28 7AA', 53.7957, -1.6637), // Pudsey
  at('LS29 8AB', 53.9254, -1.8226), // Ilkley
  // not a provider's: a place to search from in the README's examples
  at('LS2 9JT', 53.8067, -1.5550) // University of Leeds
]
