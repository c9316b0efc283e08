// One provider's directory page: its public details, current mark (with badge and verification link) and past awards.
import type { Listing, PublicCouncil } from '../../use-cases/publication/listings.js'
import { longDate, publicStatusOf } from '../../use-cases/publication/public-award.js'
import { LEVEL_NAMES } from '../../use-cases/publication/vocabulary.js'
import { layoutOf, type PageView } from '../layout.js'
import { badgeAlt, groupsText, markOf, offeringsText, type MarkView } from './listing-parts.js'

/** Rows of a govukSummaryList. */
export type SummaryRows = Array<{ key: { text: string }; value: { text: string } }>

export const summaryRows = (rows: Array<[string, string]>): SummaryRows =>
  rows.map(([key, value]) => ({ key: { text: key }, value: { text: value } }))

export interface ProviderView extends PageView {
  name: string
  backHref: string
  mark: MarkView
  badge: { src: string; alt: string }
  verifyHref: string
  description: string
  details: SummaryRows
  pastAwards: string[]
}

declare module '../views.js' {
  interface PageViews {
    'directory-provider': ProviderView
  }
}

export function providerView (council: PublicCouncil, l: Listing, pastAwards: Array<Listing['award']>): ProviderView {
  const price = l.hourlyPricePence === null ? 'Ask the provider' : `£${(l.hourlyPricePence / 100).toFixed(2)} an hour`
  const contact = [l.contact.phone, l.contact.email, l.contact.website, l.contact.route]
    .filter((x) => x !== undefined && x !== '')
    .join('. ')
  return {
    layout: layoutOf({ title: l.name, council }),
    name: l.name,
    backHref: `/directory/${council.slug}`,
    mark: markOf(l),
    badge: { src: `/badges/${l.award.id}.svg`, alt: badgeAlt(l) },
    verifyHref: `/verify/${l.award.id}`,
    description: l.description,
    details: summaryRows([
      ['Area', `${l.area} (${l.postcode})`],
      ['Services', offeringsText(l)],
      ['Who it supports', groupsText(l)],
      ['Price', price],
      ['Contact', contact === '' ? 'Through the council' : contact]
    ]),
    pastAwards: pastAwards.map(
      (a) => `${LEVEL_NAMES[a.level]}, ${longDate(a.validFrom)} to ${longDate(a.validTo)} (${publicStatusOf(a.status)})`
    )
  }
}
