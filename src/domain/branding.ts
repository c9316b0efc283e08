// A council's brand colour on its pages (README: Pages): a six-digit hex colour that keeps white text on it
// readable (WCAG 2.2 SC 1.4.3: contrast of at least 4.5:1), and the pale tint GOV.UK Frontend puts behind the
// footer. Pure: no I/O.

/** A dark teal of the service's own, used when a council has not chosen a colour (never GOV.UK's blue). */
export const DEFAULT_BRAND_COLOUR = '#00625e'

const HEX = /^#[0-9a-f]{6}$/

/** The colour in the one spelling the service stores and serves: lower case, '#' and six digits. */
export const normaliseBrandColour = (colour: string): string => colour.trim().toLowerCase()

const channels = (hex: string): number[] => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))

/** WCAG 2.2 relative luminance of an sRGB colour. */
function luminance (hex: string): number {
  const [r = 0, g = 0, b = 0] = channels(hex).map((c) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** Contrast ratio of white text on the colour, from 1 to 21. */
export const contrastWithWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05)

export const MIN_CONTRAST = 4.5

export type BrandColourProblem = 'not a colour' | 'too light'

/** Why a colour cannot be a council's brand colour, or null when it can. */
export function brandColourProblem (colour: string): BrandColourProblem | null {
  const hex = normaliseBrandColour(colour)
  if (!HEX.test(hex)) return 'not a colour'
  return contrastWithWhite(hex) < MIN_CONTRAST ? 'too light' : null
}

/** The stored colour if it is acceptable, else the default: a page is never unreadable because of bad data. */
export const brandColourOrDefault = (colour: string | null | undefined): string =>
  colour !== null && colour !== undefined && brandColourProblem(colour) === null
    ? normaliseBrandColour(colour)
    : DEFAULT_BRAND_COLOUR

/** 5 % of the brand colour on white: GOV.UK Frontend's template background (its 'tint-95'). */
export function templateBackgroundOf (hex: string): string {
  const mixed = channels(normaliseBrandColour(hex)).map((c) => Math.round(255 - (255 - c) * 0.05))
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`
}
