// Pure rules about providers: size band from FTE, UK postcode format, legal forms.
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
