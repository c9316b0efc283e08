// Pure provider rules: size bands from FTE and the council's bounds; UK postcodes.
import t from 'tap'
import { normalisePostcode, sizeBandOf } from '../../src/domain/providers.js'

t.test('size band edges: micro is five or fewer FTE by default', async (t) => {
  const bounds = { microMaxFte: 5, smallMaxFte: 49, mediumMaxFte: 249 }
  t.same(
    [0, 5, 5.01, 49, 49.5, 249, 250].map((fte) => sizeBandOf(fte, bounds)),
    ['micro', 'micro', 'small', 'small', 'medium', 'medium', 'large']
  )
})

t.test('postcodes are checked and normalised', async (t) => {
  t.equal(normalisePostcode('ls1 4ap'), 'LS1 4AP')
  t.equal(normalisePostcode(' SW1A1AA '), 'SW1A 1AA')
  t.equal(normalisePostcode('m1 1ae'), 'M1 1AE')
  t.equal(normalisePostcode('gir0aa'), 'GIR 0AA')
  t.equal(normalisePostcode('LS1 4CI'), null, 'C and I never end an inward code')
  t.equal(normalisePostcode('12345'), null)
  t.equal(normalisePostcode(''), null)
})
