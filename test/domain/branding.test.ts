// A council's brand colour: only dark enough colours for white text, a default otherwise, and the footer tint.
import t from 'tap'
import {
  DEFAULT_BRAND_COLOUR,
  MIN_CONTRAST,
  brandColourOrDefault,
  brandColourProblem,
  contrastWithWhite,
  normaliseBrandColour,
  templateBackgroundOf
} from '../../src/domain/branding.js'

t.test('contrast of white text follows WCAG 2.2 relative luminance', async (t) => {
  t.equal(contrastWithWhite('#000000'), 21)
  t.equal(contrastWithWhite('#ffffff'), 1)
  t.ok(Math.abs(contrastWithWhite('#1d70b8') - 5.17) < 0.01, "GOV.UK's blue")
  t.ok(contrastWithWhite(DEFAULT_BRAND_COLOUR) >= MIN_CONTRAST, 'the default passes its own rule')
})

t.test('a brand colour is a six-digit hex colour dark enough for white text', async (t) => {
  t.equal(brandColourProblem('#5A2D81'), null, 'upper case is fine')
  t.equal(brandColourProblem(' #5a2d81 '), null, 'surrounding space is ignored')
  t.equal(brandColourProblem('#ffdd00'), 'too light')
  t.equal(brandColourProblem('#777777'), 'too light', '4.48:1 is just under AA')
  t.equal(brandColourProblem('#767676'), null, '4.54:1 passes')
  for (const bad of ['5a2d81', '#5a2d8', '#5a2d811', '#ggg000', 'purple', '', 'url(x)']) {
    t.equal(brandColourProblem(bad), 'not a colour', bad)
  }
  t.equal(normaliseBrandColour(' #5A2D81'), '#5a2d81')
})

t.test('a stored colour that is missing or unacceptable falls back to the default', async (t) => {
  t.equal(brandColourOrDefault('#5A2D81'), '#5a2d81')
  t.equal(brandColourOrDefault('#ffdd00'), DEFAULT_BRAND_COLOUR)
  t.equal(brandColourOrDefault(null), DEFAULT_BRAND_COLOUR)
  t.equal(brandColourOrDefault(undefined), DEFAULT_BRAND_COLOUR)
})

t.test("the template background is 5 % of the brand on white (GOV.UK Frontend's tint-95)", async (t) => {
  t.equal(templateBackgroundOf('#1d70b8'), '#f4f8fb', "GOV.UK's own blue tint-95")
  t.equal(templateBackgroundOf('#000000'), '#f2f2f2')
  t.equal(templateBackgroundOf('#FFFFFF'), '#ffffff')
})
