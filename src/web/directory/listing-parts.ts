// Pieces shared by the directory's pages: the mark of a listing, in words (never colour alone, WCAG 1.4.1),
// and its offerings and client groups in plain English.
import { METRES_PER_MILE } from '../../use-cases/publication/directory.js'
import type { Listing } from '../../use-cases/publication/listings.js'
import { html, type Html } from '../../render/html.js'
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

/** A row of a govukSummaryList: text, or markup built by the escaping `html` template. */
export type SummaryRow = { key: { text: string }; value: { text: string } | { html: string } }

/** The provider's contact routes as real links (https:, mailto:, tel:) and its own words, one a line. */
export function contactHtml (c: Listing['contact']): Html | null {
  const lines: Html[] = []
  if (c.phone !== undefined && c.phone !== '') {
    lines.push(html`Phone: <a class="govuk-link" href="tel:${c.phone.replace(/[^+\d]/g, '')}">${c.phone}</a>`)
  }
  if (c.email !== undefined && c.email !== '') {
    lines.push(html`Email: <a class="govuk-link" href="mailto:${c.email}">${c.email}</a>`)
  }
  // The API accepts only http(s) addresses; anything else stays text, never a link a script could ride on.
  if (c.website !== undefined && /^https?:\/\//i.test(c.website)) {
    const shown = c.website.replace(/^https?:\/\//, '').replace(/\/$/, '')
    lines.push(html`Website: <a class="govuk-link" href="${c.website}">${shown}</a>`)
  }
  if (c.route !== undefined && c.route !== '') lines.push(html`${c.route}`)
  if (lines.length === 0) return null
  return html`<ul class="govuk-list">${lines.map((l) => html`<li>${l}</li>`)}</ul>`
}

export const CONTACT_THROUGH_COUNCIL = 'Through the council'

/** Room for new people, in words and as a tag (never colour alone, WCAG 1.4.1). */
export function takingNewPeopleOf (l: Pick<Listing, 'takingNewPeople'>): { text: string; classes: string } {
  if (l.takingNewPeople === true) return { text: 'Taking new people', classes: 'govuk-tag--green' }
  if (l.takingNewPeople === false) return { text: 'Full: not taking new people', classes: 'govuk-tag--grey' }
  return { text: 'Ask if they have space', classes: 'govuk-tag--blue' }
}

export const priceText = (l: Pick<Listing, 'hourlyPricePence'>): string =>
  l.hourlyPricePence === null ? 'Ask the provider' : `£${(l.hourlyPricePence / 100).toFixed(2)} an hour`

/** Miles, one decimal: "0.4 miles", "1.0 mile" reads oddly, so exactly one mile is "1 mile". */
export function milesText (metres: number): string {
  const miles = (metres / METRES_PER_MILE).toFixed(1)
  return miles === '1.0' ? '1 mile' : `${miles} miles`
}
