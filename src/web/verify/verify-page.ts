// The public verification page a badge links to: states the award's truth today in plain words, so a mark on a
// leaflet can be checked (src/domain/README.md: Badge). Never the reason for a suspension (src/domain/README.md:
// Publication).
import type { AwardTruth } from '../../use-cases/publication/award-truth.js'
import { isCurrentMark, longDate, publicStatusOf } from '../../use-cases/publication/public-award.js'
import { LEVEL_NAMES } from '../../use-cases/publication/vocabulary.js'
import { summaryRows, type SummaryRows } from '../directory/provider-page.js'
import { layoutOf, type PageView } from '../layout.js'
import { lapsedWord } from '../../render/badge-svg.js'

export interface VerifyView extends PageView {
  current: boolean
  heading: string
  /** The current mark's line under the heading, in the panel. */
  validity: string
  providerName: string
  status: string
  /** The newer award's page when this one was replaced. */
  replacedBy: string | null
  councilName: string
  details: SummaryRows
  checkedOn: string
  smallSample: boolean
  directoryHref: string
}

declare module '../views.js' {
  interface PageViews {
    verify: VerifyView
  }
}

export function verifyView (truth: AwardTruth, today: Date): VerifyView {
  const { listing: l, council } = truth
  const mark = `${LEVEL_NAMES[l.award.level]} Quality Mark`
  const current = isCurrentMark(l)
  const status = lapsedWord(l.award.status).toLowerCase()
  const changed: Array<[string, string]> =
    publicStatusOf(l.award.status) !== 'active' ? [['Status changed', longDate(l.award.updatedAt)]] : []
  return {
    layout: layoutOf({ title: current ? `${l.name}: ${mark}` : `${mark} not current`, council }),
    current,
    heading: current ? `${l.name} holds a ${mark}` : `This ${mark} is not current`,
    validity: `from ${council.name}, valid until ${longDate(l.award.validTo)}`,
    providerName: l.name,
    status,
    replacedBy: truth.currentAwardId !== l.award.id ? `/verify/${truth.currentAwardId}` : null,
    councilName: council.name,
    details: summaryRows([
      ['Service', `${l.name}, ${l.area}`],
      ['Level', LEVEL_NAMES[l.award.level]],
      ['Status', current ? 'Current' : status.charAt(0).toUpperCase() + status.slice(1)],
      ['Valid from', longDate(l.award.validFrom)],
      ['Valid until', longDate(l.award.validTo)],
      ...changed,
      ['Award reference', l.award.id]
    ]),
    checkedOn: `Checked on ${longDate(today)} against ${council.name}’s records.`,
    smallSample: l.award.smallSample,
    directoryHref: `/directory/${council.slug}/providers/${l.providerId}`
  }
}
