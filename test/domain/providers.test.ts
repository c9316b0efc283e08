// Pure provider rules: size bands from FTE and the council's bounds; UK postcodes and mobile numbers.
import t from 'tap'
import { isMicro, normalisePostcode, normaliseUkMobile, peopleLimitOf, sizeBandOf } from '../../src/domain/providers.js'

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

t.test('UK mobile numbers are checked and written as +447…', async (t) => {
  t.equal(normaliseUkMobile('07700 900123'), '+447700900123')
  t.equal(normaliseUkMobile('+44 (0)7700-900123'.replace('(0)', '')), '+447700900123')
  t.equal(normaliseUkMobile('00447700900123'), '+447700900123')
  t.equal(normaliseUkMobile('0113 496 0000'), null, 'a landline cannot take a text message')
  t.equal(normaliseUkMobile('0770090012'), null, 'one digit short')
  t.equal(normaliseUkMobile('+33 6 12 34 56 78'), null)
  t.equal(normaliseUkMobile(''), null)
})

t.test('the micro bound: who may join, and how many people may have access', async (t) => {
  t.same([0, 5, 6, -1].map((n) => isMicro(n, { microMaxFte: 5 })), [true, true, false, false])
  t.same([5, 4.5, 0].map(peopleLimitOf), [5, 5, 1])
})
