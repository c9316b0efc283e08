// "About the Quality Mark" for one council: what gold, silver and bronze each mean, what is checked, what people are
// asked, how it differs from a CQC rating, why a mark can be suspended and how to raise a concern — every rule read
// from the scheme version in force (src/domain/README.md: "All thresholds live in the scheme version, not in code").
import type { PublicCouncil } from '../../use-cases/publication/listings.js'
import { LEVEL_NAMES } from '../../use-cases/publication/vocabulary.js'
import type { AppliesWhen, FeedbackLevelRule, SchemeDocument } from '../../domain/scheme/index.js'
import type { AwardLevel, LevelCap, OfferingFlag, Tier } from '../../domain/scheme/enums.js'
import { layoutOf, type PageView } from '../layout.js'
import { TIER_WORDS } from '../manage/scheme-words.js'
import { councilContacts, type CouncilContacts } from './council-pages.js'

export interface LevelMeaning {
  level: string
  tag: { text: string; classes: string }
  checks: string
  feedback: string[]
}

export interface AboutView extends PageView {
  councilName: string
  schemeTitle: string
  schemeNumber: number
  directoryHref: string
  validity: string
  levels: LevelMeaning[]
  categories: Array<{ title: string; items: string[] }>
  questions: string[]
  cqc: string[]
  suspension: string[]
  contacts: CouncilContacts
}

declare module '../views.js' {
  interface PageViews {
    'directory-about': AboutView
  }
}

const TAG_CLASSES = { gold: 'govuk-tag--yellow', silver: 'govuk-tag--grey', bronze: 'govuk-tag--orange' } as const

// What each offering flag means, in the words a person choosing care would use.
const FLAG_WORDS: Record<OfferingFlag, string> = {
  personalCare: 'gives personal care',
  medication: 'helps with medicines',
  foodPreparation: 'prepares food',
  transport: 'drives people',
  loneWorking: 'works alone with people',
  handlesMoney: 'handles people’s money',
  employsStaff: 'employs staff'
}

const percent = (share: number) => `${Math.round(share * 100)}%`

function whenText (a: AppliesWhen): string {
  const all = a.allOf.map((f) => FLAG_WORDS[f])
  const any = a.anyOf.length === 0 ? [] : [a.anyOf.map((f) => FLAG_WORDS[f]).join(' or ')]
  const parts = [...all, ...any]
  return parts.length === 0 ? '' : ` (when the service ${parts.join(' and ')})`
}

function checksText (doc: SchemeDocument, level: AwardLevel): string {
  const count = (tier: Tier) => doc.checklist.filter((i) => i.tier === tier).length
  if (level === 'bronze') {
    return `Every check needed for bronze that applies to the service is met (${count('B')} checks).`
  }
  const both = `Every check needed for bronze and silver that applies is met (${count('B') + count('S')} checks)`
  if (level === 'silver') return `${both}.`
  const share = percent(doc.thresholds.compliance.goldWeightShare)
  return `${both}, and at least ${share} of the ${count('G')} checks that count toward gold.`
}

function feedbackText (doc: SchemeDocument, rule: FeedbackLevelRule): string[] {
  const items = doc.instrument.items
  const wording = (code: string) => items.find((i) => i.code === code)?.wording.plain ?? code
  const minimum = doc.thresholds.feedback.sampleMinimum
  return [
    `A feedback score of at least ${rule.qMin} out of 100.`,
    `Answers from at least ${rule.sampleFloor} people who use the service, or ${percent(rule.sampleShare)} of the ` +
      `people it supports if that is fewer, and never fewer than ${minimum}.`,
    ...rule.itemMeanMinima.map((m) => `On average at least ${m.min} out of 3 for “${wording(m.item)}”.`),
    ...(rule.gainAbove === null
      ? []
      : [`People say the support makes a difference to their daily life (a gain above ${rule.gainAbove}).`])
  ]
}

const capText = (cap: LevelCap): string => cap === 'block' ? 'no mark can be awarded' : `the mark is at most ${cap}`

function suspensionText (doc: SchemeDocument): string[] {
  const limiters = doc.checklist.filter((i) => i.limiter).map((i) => i.title)
  const upheld = doc.limiters.upheldConcern
  return [
    `A check that must stay in date lapses and is not renewed within ${doc.settings.gracePeriodDays} days: ` +
      `${limiters.join('; ')}.`,
    doc.limiters.openSafeguardingConcern === 'block'
      ? 'A safeguarding concern is being looked into: the mark is suspended until it is closed.'
      : `While a safeguarding concern is open, ${capText(doc.limiters.openSafeguardingConcern)}.`,
    `A serious complaint (${upheld.severities.join(' or ')}) upheld in the last ${upheld.lookbackMonths} months: ` +
      `${capText(upheld.cap)}.`,
    'The service stops taking part, or stops answering the council.'
  ]
}

const CQC_WORDS = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate'
} as const

function cqcText (doc: SchemeDocument): string[] {
  const caps = Object.entries(doc.limiters.cqcCaps).map(
    ([rating, cap]) => `a CQC rating of ${CQC_WORDS[rating as keyof typeof CQC_WORDS]} means ${capText(cap)}`
  )
  return [
    'The Care Quality Commission (CQC) is the national regulator. It registers and inspects services that give ' +
      'personal care, and its ratings apply across England. Registration with the CQC is the law, not a choice.',
    'The Quality Mark is the council’s own, local and voluntary scheme, made for small services — many of them too ' +
      'small to need CQC registration. It checks paperwork in proportion to the size of the service and asks the ' +
      'people who use it what they think. It does not replace CQC registration or a CQC rating.',
    ...(caps.length === 0
      ? []
      : [`Where a service has a CQC rating, the council takes it into account: ${caps.join('; ')}.`])
  ]
}

export function aboutView (council: PublicCouncil, doc: SchemeDocument, schemeNumber: number): AboutView {
  const levels = (['gold', 'silver', 'bronze'] as const).map((level) => ({
    level: `${LEVEL_NAMES[level]} Quality Mark`,
    tag: { text: LEVEL_NAMES[level], classes: TAG_CLASSES[level] },
    checks: checksText(doc, level),
    feedback: feedbackText(doc, doc.thresholds.feedback[level])
  }))
  return {
    layout: layoutOf({ title: 'About the Quality Mark', council }),
    councilName: council.name,
    schemeTitle: doc.title,
    schemeNumber,
    directoryHref: `/directory/${council.slug}`,
    validity: `A mark lasts ${doc.settings.awardValidityMonths} months. Then the council checks the service again.`,
    levels,
    categories: doc.categories.map((c) => ({
      title: c.title,
      items: doc.checklist
        .filter((i) => i.category === c.code)
        .map((i) => `${i.title}${whenText(i.appliesWhen)}: ${TIER_WORDS[i.tier]}`)
    })),
    questions: doc.instrument.items.flatMap((i) => i.kind === 'scale' && i.askedWhen === null ? [i.wording.plain] : []),
    cqc: cqcText(doc),
    suspension: suspensionText(doc),
    contacts: councilContacts(council)
  }
}
