// A council's colours as a tiny stylesheet at /assets/brand/{colour}.css, setting GOV.UK Frontend's custom
// properties (README: Pages, branding). Its name is its content, so it is cached for a year like the rest.
import { brandColourProblem, normaliseBrandColour, templateBackgroundOf } from '../domain/branding.js'

export const brandStylesheetHref = (colour: string): string => `/assets/brand/${colour.slice(1)}.css`

/** The stylesheet for a file name such as "00625e.css", or null when it names no acceptable colour. */
export function brandStylesheet (file: string): string | null {
  const found = /^([0-9a-f]{6})\.css$/.exec(file)
  if (found === null) return null
  const colour = normaliseBrandColour(`#${found[1] ?? ''}`)
  if (brandColourProblem(colour) !== null) return null
  return `:root{--govuk-brand-colour:${colour};--govuk-template-background-colour:${templateBackgroundOf(colour)}}\n`
}
