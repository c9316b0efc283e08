// Pure rules about providers: size band from FTE, UK postcode and mobile number formats, legal forms.
import { z } from 'zod'

export const LegalFormSchema = z.enum(['sole_trader', 'partnership', 'company', 'cic', 'charity'])
export type LegalForm = z.infer<typeof LegalFormSchema>

export const SizeBandSchema = z.enum(['micro', 'small', 'medium', 'large'])
export type SizeBand = z.infer<typeof SizeBandSchema>

export interface SizeBounds {
  microMaxFte: number
  smallMaxFte: number
  mediumMaxFte: number
}

/** src/domain/README.md: micro ≤ council.microMaxFte (default 5), then small, medium, large. */
export function sizeBandOf (fte: number, bounds: SizeBounds): SizeBand {
  if (fte <= bounds.microMaxFte) return 'micro'
  if (fte <= bounds.smallMaxFte) return 'small'
  if (fte <= bounds.mediumMaxFte) return 'medium'
  return 'large'
}

// The UK postcode shape (outward code, space, inward code), per the ONS/Royal Mail format, plus GIR 0AA.
const POSTCODE = /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})$/

/** Upper-cases and puts the single space back; null when it is not a UK postcode. */
export function normalisePostcode (raw: string): string | null {
  const compact = raw.toUpperCase().replace(/\s+/g, '')
  if (!POSTCODE.test(compact)) return null
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`
}

/**
 * How many of a provider's people may have access to the portal: a micro-enterprise has at most microMaxFte
 * full-time-equivalent staff (src/domain/README.md: size band), so at most that many people, rounded up, and one.
 */
export const peopleLimitOf = (microMaxFte: number): number => Math.max(1, Math.ceil(microMaxFte))

/** Whether a business of this size may join: the scheme is for micro-enterprises (src/domain/README.md). */
export const isMicro = (staff: number, bounds: Pick<SizeBounds, 'microMaxFte'>): boolean =>
  staff >= 0 && staff <= bounds.microMaxFte

// A UK mobile number (Ofcom's 07 range, as GOV.UK Notify accepts for text messages): 07 and nine digits, written
// with or without +44 or 0044 in place of the 0, spaces, dashes and brackets allowed.
const MOBILE = /^(?:\+44|0044|0)(7\d{9})$/

/** The number as +447…, or null when it is not a UK mobile number. */
export function normaliseUkMobile (raw: string): string | null {
  const digits = MOBILE.exec(raw.replace(/[\s()-]/g, ''))?.[1]
  return digits === undefined ? null : `+44${digits}`
}
