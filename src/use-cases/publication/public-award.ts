// How an award reads in public: its status word and the sentence directories show (src/domain/README.md: Publication:
// level, validity and status, never the reason for a suspension).
import { longDate } from '../../domain/date-words.js'
import type { AwardState } from '../../domain/workflow/index.js'
import type { Listing } from './listings.js'
import { LEVEL_NAMES } from './vocabulary.js'

/** Public status: a renewal being due is an internal step, the mark is still active. */
export type PublicAwardStatus = 'active' | 'suspended' | 'expired' | 'revoked' | 'withdrawn' | 'superseded'

export const publicStatusOf = (status: AwardState): PublicAwardStatus =>
  status === 'renewal_due' ? 'active' : status

/** True when the mark counts today: active (or renewal due) and the provider still trading with the council. */
export const isCurrentMark = (l: Pick<Listing, 'providerStatus' | 'award'>): boolean =>
  l.providerStatus === 'active' && publicStatusOf(l.award.status) === 'active'

/** "1 March 2027" — the date style GOV.UK uses (src/domain/date-words.ts, in London time). */
export { longDate }

/** e.g. "Gold Quality Mark from Demo Borough Council, valid until 1 March 2027". */
export function accreditationSentence (l: Pick<Listing, 'providerStatus' | 'award'>, councilName: string): string {
  const mark = `${LEVEL_NAMES[l.award.level]} Quality Mark from ${councilName}`
  const status = publicStatusOf(l.award.status)
  if (status === 'active' && l.providerStatus === 'active') {
    const small = l.award.smallSample ? ' (based on a small feedback sample)' : ''
    return `${mark}, valid until ${longDate(l.award.validTo)}${small}`
  }
  if (status === 'active' || status === 'withdrawn') {
    return `${mark}: withdrawn on ${longDate(l.award.updatedAt)}; this service no longer holds the mark`
  }
  if (status === 'expired') return `${mark}: expired, it was valid until ${longDate(l.award.validTo)}`
  if (status === 'superseded') return `${mark}: replaced by a newer award on ${longDate(l.award.updatedAt)}`
  return `${mark}: ${status} on ${longDate(l.award.updatedAt)}; the service does not hold a current Quality Mark`
}
