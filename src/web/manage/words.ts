// The co-ordinator's portal's words for the service's codes and dates (README: For co-ordinators), one place each.
import type { CqcRating, OfferingFlag } from '../../domain/scheme/enums.js'
import type { LegalForm, SizeBand } from '../../domain/providers.js'

export { CLIENT_GROUP_NAMES, LEVEL_NAMES, SERVICE_TYPE_NAMES } from '../../use-cases/publication/vocabulary.js'

export const LEGAL_FORM_NAMES: Record<LegalForm, string> = {
  sole_trader: 'Sole trader',
  partnership: 'Partnership',
  company: 'Company',
  cic: 'Community interest company',
  charity: 'Charity'
}

export const SIZE_BAND_NAMES: Record<SizeBand, string> = {
  micro: 'Micro',
  small: 'Small',
  medium: 'Medium',
  large: 'Large'
}

export const FLAG_NAMES: Record<OfferingFlag, string> = {
  personalCare: 'Personal care',
  medication: 'Help with medication',
  foodPreparation: 'Food preparation',
  transport: 'Transport',
  loneWorking: 'Lone working',
  handlesMoney: 'Handles people’s money',
  employsStaff: 'Employs staff'
}

export const CQC_RATING_NAMES: Record<CqcRating, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate'
}

/** A vocabulary word as people read it: "partly_upheld" → "partly upheld". */
export const words = (code: string): string => code.replaceAll('_', ' ')

/** A code in plain words when no name is known: "under_review" → "Under review". */
export const plainWords = (code: string): string => {
  const s = words(code)
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** The name of a code from a table of names, or the code in plain words. */
export const nameOf = (names: Readonly<Record<string, string>>, code: string): string => names[code] ?? plainWords(code)

/** Dates in words: the one implementation is src/domain/date-words.ts; the portal's names for it. */
export { longDate as dayOf, longMoment as momentOf } from '../../domain/date-words.js'
