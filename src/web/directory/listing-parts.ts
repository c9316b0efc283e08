// Pieces shared by the directory's pages: the mark of a listing, in words (never colour alone, WCAG 1.4.1),
// and its offerings and client groups in plain English.
import type { Listing } from '../../use-cases/publication/listings.js'
import { isCurrentMark, longDate } from '../../use-cases/publication/public-award.js'
import { CLIENT_GROUP_NAMES, LEVEL_NAMES, SERVICE_TYPE_NAMES } from '../../use-cases/publication/vocabulary.js'

export const offeringsText = (l: Listing): string =>
  l.serviceTypes.map((s) => SERVICE_TYPE_NAMES[s as keyof typeof SERVICE_TYPE_NAMES] ?? s).join(', ')
export const groupsText = (l: Listing): string =>
  l.clientGroups.map((g) => CLIENT_GROUP_NAMES[g as keyof typeof CLIENT_GROUP_NAMES] ?? g).join(', ')

/** A mark as the templates print it: a govukTag and a sentence. */
export interface MarkView {
  tag: { text: string; classes: string }
  text: string
  smallSample: boolean
}

const TAG_CLASSES = { gold: 'govuk-tag--yellow', silver: 'govuk-tag--grey', bronze: 'govuk-tag--orange' } as const

export function markOf (l: Listing): MarkView {
  const level = `${LEVEL_NAMES[l.award.level]} Quality Mark`
  if (!isCurrentMark(l)) {
    return {
      tag: { text: 'Suspended', classes: 'govuk-tag--red' },
      text: `${level} suspended: the council is reviewing this service.`,
      smallSample: false
    }
  }
  return {
    tag: { text: LEVEL_NAMES[l.award.level], classes: TAG_CLASSES[l.award.level] },
    text: `${level}, valid until ${longDate(l.award.validTo)}`,
    smallSample: l.award.smallSample
  }
}

/** The badge image's text alternative says what the badge says, including that a mark is not current. */
export function badgeAlt (l: Listing): string {
  const level = `${LEVEL_NAMES[l.award.level]} Quality Mark badge`
  return isCurrentMark(l) ? `${level}, valid until ${longDate(l.award.validTo)}` : `${level}: suspended, not current`
}
