// Pieces shared by the directory's pages: the mark of a listing, in words (never colour alone, WCAG 1.4.1).
import type { Listing } from '../../use-cases/publication/listings.js'
import { isCurrentMark, longDate } from '../../use-cases/publication/public-award.js'
import { CLIENT_GROUP_NAMES, LEVEL_NAMES, SERVICE_TYPE_NAMES } from '../../use-cases/publication/vocabulary.js'
import { html, type Html } from '../html.js'

export const offeringsText = (l: Listing): string =>
  l.serviceTypes.map((s) => SERVICE_TYPE_NAMES[s as keyof typeof SERVICE_TYPE_NAMES] ?? s).join(', ')
export const groupsText = (l: Listing): string =>
  l.clientGroups.map((g) => CLIENT_GROUP_NAMES[g as keyof typeof CLIENT_GROUP_NAMES] ?? g).join(', ')

export function markOf (l: Listing): Html {
  const level = `${LEVEL_NAMES[l.award.level]} Quality Mark`
  if (!isCurrentMark(l)) {
    return html`<p>
      <strong class="tag">Suspended</strong> ${level} suspended: the council is reviewing this service.
    </p>`
  }
  return html`<p>
      <strong class="tag">${LEVEL_NAMES[l.award.level]}</strong> ${level}, valid until ${longDate(l.award.validTo)}
    </p>
    ${l.award.smallSample ? html`<p class="hint">Based on feedback from a small number of people.</p>` : ''}`
}
