// One provider's directory page: its public details with contact links and room for new people, current mark (with
// badge and verification link), what the council checked and when (never the documents), how feedback was gathered
// (how many people and when — never the answers, never a group under 3), past awards, and a printable version.
import type { AwardChecks } from '../../use-cases/publication/directory.js'
import type { Listing, PublicCouncil } from '../../use-cases/publication/listings.js'
import { longDate, publicStatusOf } from '../../use-cases/publication/public-award.js'
import { LEVEL_NAMES } from '../../use-cases/publication/vocabulary.js'
import { layoutOf, type PageView } from '../layout.js'
import {
  CONTACT_THROUGH_COUNCIL,
  badgeAlt,
  contactHtml,
  groupsText,
  markOf,
  offeringsText,
  priceText,
  takingNewPeopleOf,
  type MarkView,
  type SummaryRow
} from './listing-parts.js'

/** Rows of a govukSummaryList. */
export type SummaryRows = Array<{ key: { text: string }; value: { text: string } }>

export const summaryRows = (rows: Array<[string, string]>): SummaryRows =>
  rows.map(([key, value]) => ({ key: { text: key }, value: { text: value } }))

/** src/domain/README.md (Reports): never reveal a group smaller than 3 responses; the public pages follow it. */
export const SMALLEST_GROUP_SHOWN = 3

export interface ProviderView extends PageView {
  name: string
  backHref: string
  printable: boolean
  printHref: string
  pageHref: string
  mark: MarkView
  taking: { text: string; classes: string }
  badge: { src: string; alt: string }
  verifyHref: string
  aboutHref: string
  description: string
  details: SummaryRow[]
  /** govukTable rows: the checklist item and the day it was verified */
  checks: Array<[{ text: string }, { text: string }]>
  checksNote: string
  feedback: string
  pastAwards: string[]
}

declare module '../views.js' {
  interface PageViews {
    'directory-provider': ProviderView
  }
}

/** The verified items in the scheme's checklist order, named by the scheme version the assessment was pinned to. */
function checkRows (checks: AwardChecks | undefined): ProviderView['checks'] {
  if (checks === undefined) return []
  const verified = new Map(checks.checks.map((c) => [c.itemCode, c.verifiedOn]))
  return checks.scheme.checklist.flatMap((item) => {
    const day = verified.get(item.code)
    return day === undefined ? [] : [[{ text: item.title }, { text: longDate(day) }]]
  })
}

function feedbackSentence (checks: AwardChecks | undefined): string {
  const f = checks?.feedback
  if (f === undefined || f.people < SMALLEST_GROUP_SHOWN || f.from === null || f.to === null) {
    return 'Feedback came from fewer than 3 people, so no more is shown: this keeps what each person said private.'
  }
  const when = f.from === f.to ? `on ${longDate(f.from)}` : `between ${longDate(f.from)} and ${longDate(f.to)}`
  return `${f.people} people who use the service, or their carers, answered the council’s questions ${when}. ` +
    'Their answers are anonymous and are not published.'
}

export function providerView (
  council: PublicCouncil,
  l: Listing,
  pastAwards: Array<Listing['award']>,
  checks: AwardChecks | undefined,
  printable: boolean
): ProviderView {
  const contact = contactHtml(l.contact)
  const taking = takingNewPeopleOf(l)
  const pageHref = `/directory/${council.slug}/providers/${l.providerId}`
  const rows = checkRows(checks)
  return {
    layout: layoutOf({ title: l.name, council, printable }),
    name: l.name,
    backHref: `/directory/${council.slug}`,
    printable,
    printHref: `${pageHref}?print=yes`,
    pageHref,
    mark: markOf(l),
    taking,
    badge: { src: `/badges/${l.award.id}.svg`, alt: badgeAlt(l) },
    verifyHref: `/verify/${l.award.id}`,
    aboutHref: `/directory/${council.slug}/about`,
    description: l.description,
    details: [
      ...summaryRows([
        ['Area', `${l.area} (${l.postcode})`],
        ['Services', offeringsText(l)],
        ['Who it supports', groupsText(l)],
        ['Price', priceText(l)],
        ['New people', taking.text]
      ]),
      {
        key: { text: 'Contact' },
        value: contact === null ? { text: CONTACT_THROUGH_COUNCIL } : { html: contact.value }
      }
    ],
    checks: rows,
    checksNote: rows.length === 0
      ? 'The council has not published the checks behind this mark.'
      : `${council.name} saw evidence for each of these and checked it on the day shown. The evidence itself is ` +
        'not published.',
    feedback: feedbackSentence(checks),
    pastAwards: pastAwards.map(
      (a) => `${LEVEL_NAMES[a.level]}, ${longDate(a.validFrom)} to ${longDate(a.validTo)} (${publicStatusOf(a.status)})`
    )
  }
}
