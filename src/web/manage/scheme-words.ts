// A scheme version in words for the co-ordinator's scheme pages (README: For co-ordinators, Scheme): who an item
// applies to, its tier, evidence and validity, the thresholds and timings, as GOV.UK tables.
import type { EvidenceKind, Tier } from '../../domain/scheme/enums.js'
import type { AppliesWhen, ChecklistItem, SchemeDocument, Settings } from '../../domain/scheme/index.js'
import { joinAnd, joinOr } from '../../domain/evidence/provider-words.js'
import { html } from '../../render/html.js'
import type { ReportTable } from './report-tables.js'
import { FLAG_NAMES, LEVEL_NAMES } from './words.js'

/** What each tier asks (src/domain/README.md: the default scheme), on the staff's pages and the public ones alike. */
export const TIER_WORDS: Record<Tier, string> = {
  B: 'needed for bronze',
  S: 'needed for silver',
  G: 'counts toward gold'
}

/** A tier on the staff's pages: "Bronze: needed for bronze". */
export const TIER_NAMES: Record<Tier, string> = {
  B: `Bronze: ${TIER_WORDS.B}`,
  S: `Silver: ${TIER_WORDS.S}`,
  G: `Gold: ${TIER_WORDS.G}`
}

/** How each kind of evidence is named on the staff's pages (the provider's own words are in src/web/provider). */
export const EVIDENCE_KIND_NAMES: Record<EvidenceKind, string> = {
  document: 'Document',
  declaration: 'Declaration',
  narrative: 'Written account',
  photos: 'Photos',
  observation: 'Co-ordinator’s observation'
}

/** "Every provider", or the offering it needs: "Providers who offer personal care and medication". */
export function appliesInWords (when: AppliesWhen): string {
  const all = when.allOf.map((f) => FLAG_NAMES[f].toLowerCase())
  const any = when.anyOf.map((f) => FLAG_NAMES[f].toLowerCase())
  if (all.length + any.length === 0) return 'Every provider'
  const parts = [
    ...(all.length > 0 ? [joinAnd(all)] : []),
    ...(any.length > 0 ? [`${any.length > 1 ? 'at least one of ' : ''}${joinOr(any)}`] : [])
  ]
  return `Providers with ${parts.join(', and ')}`
}

export function validityInWords (item: Pick<ChecklistItem, 'validityMonths' | 'expiryWaivedBy'>): string {
  if (item.validityMonths === null) return 'Does not expire'
  const waiver = item.expiryWaivedBy === null ? '' : ' (none on the DBS update service)'
  return `${item.validityMonths} months from its issue date${waiver}`
}

const text = (t: string | number) => ({ text: String(t) })
/** "Change" (or another verb) with what it changes read out (GOV.UK summary list pattern). */
const changeLink = (href: string, verb: string, what: string) => ({
  html: html`<a class="govuk-link" href="${href}">${verb}<span class="govuk-visually-hidden"> ${what}</span></a>`.value
})
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`

/** The checklist as one table per category, in the document's order. */
export function checklistTables (doc: SchemeDocument, editHref: ((code: string) => string) | null): ReportTable[] {
  return doc.categories.map((category) => ({
    caption: category.title,
    head: [
      { text: 'Item' },
      { text: 'Applies to' },
      { text: 'Tier' },
      { text: 'Weight' },
      { text: 'Evidence' },
      { text: 'Valid for' },
      ...(editHref === null ? [] : [{ text: 'Change' }])
    ],
    rows: doc.checklist.filter((i) => i.category === category.code).map((i) => [
      text(`${i.title} (${i.code})${i.limiter ? ': a limiter, its lapse suspends the award' : ''}`),
      text(appliesInWords(i.appliesWhen)),
      text(TIER_NAMES[i.tier]),
      text(i.weight),
      text(i.evidenceKinds.map((k) => EVIDENCE_KIND_NAMES[k]).join(', ')),
      text(validityInWords(i)),
      ...(editHref === null
        ? []
        : [{
            html: `${changeLink(editHref(i.code), 'Change', i.code).html} ` +
            changeLink(`${editHref(i.code)}/remove`, 'Remove', i.code).html
          }])
    ])
  }))
}

/** Each level's feedback rule and sample minimum, and the checklist's gold share. */
export function thresholdsTable (doc: SchemeDocument): ReportTable {
  const t = doc.thresholds
  return {
    caption: 'Levels and thresholds',
    head: [{ text: 'Level' }, { text: 'Checklist' }, { text: 'Feedback' }, { text: 'People asked, at least' }],
    rows: (['bronze', 'silver', 'gold'] as const).map((level) => {
      const rule = t.feedback[level]
      const means = rule.itemMeanMinima.map((m) => `mean ${m.item} at least ${m.min}`)
      const gain = rule.gainAbove === null ? [] : [`gain G above ${rule.gainAbove}`]
      return [
        text(LEVEL_NAMES[level]),
        text(level === 'gold'
          ? `Every bronze and silver item, and ${percent(t.compliance.goldWeightShare)} of the gold weight`
          : level === 'silver' ? 'Every bronze and silver item' : 'Every bronze item'),
        text([`Q at least ${rule.qMin}`, ...gain, ...means].join(', ')),
        text(`${rule.sampleFloor}, or ${percent(rule.sampleShare)} of the people supported if fewer ` +
          `(never under ${t.feedback.sampleMinimum})`)
      ]
    })
  }
}

export const SETTING_NAMES: Record<keyof Settings, string> = {
  awardValidityMonths: 'An award is valid for (months)',
  gracePeriodDays: 'Grace before lapsed evidence suspends an award (days)',
  factualAccuracyDays: 'Days the provider has to comment on a decision',
  appealWindowDays: 'Days to appeal',
  renewalLeadDays: 'Days before expiry a renewal opens',
  evidenceReminderDays: 'Reminders before evidence expires (days)',
  commentRetentionDays: 'Feedback comments kept for (days)'
}
const SETTING_KEYS = [
  'awardValidityMonths', 'gracePeriodDays', 'factualAccuracyDays', 'appealWindowDays', 'renewalLeadDays',
  'evidenceReminderDays', 'commentRetentionDays'
] as const satisfies ReadonlyArray<keyof Settings>

export const settingsTable = (doc: SchemeDocument): ReportTable => ({
  caption: 'Award validity and timings',
  head: [{ text: 'Setting' }, { text: 'Value', format: 'numeric' }],
  rows: SETTING_KEYS.map((key) => {
    const value = doc.settings[key]
    const shown = Array.isArray(value) ? value.join(', ') : String(value)
    return [text(SETTING_NAMES[key]), { text: shown, format: 'numeric' }]
  })
})

/** The feedback questions with their wording; a change link each on a draft. */
export function questionsTable (doc: SchemeDocument, editHref: ((code: string) => string) | null): ReportTable {
  return {
    caption: 'Feedback questions',
    head: [
      { text: 'Question' },
      { text: 'Wording' },
      { text: 'Easy read' },
      ...(editHref === null ? [] : [{ text: 'Change' }])
    ],
    rows: doc.instrument.items.map((q) => [
      text(`${q.code}${q.kind === 'scale' && q.scored ? ' (scored)' : ''}`),
      text(q.wording.plain),
      text(q.wording.easyRead),
      ...(editHref === null
        ? []
        : [changeLink(editHref(q.code), 'Change', q.code)])
    ])
  }
}

/** The checklist's categories with how many items each holds; on a draft, each name can be changed. */
export function categoriesTable (doc: SchemeDocument, editHref: ((code: string) => string) | null): ReportTable {
  return {
    caption: 'Checklist categories',
    head: [{ text: 'Category' }, { text: 'Items' }, ...(editHref === null ? [] : [{ text: 'Change' }])],
    rows: doc.categories.map((c) => [
      text(`${c.title} (${c.code})`),
      text(doc.checklist.filter((i) => i.category === c.code).length),
      ...(editHref === null ? [] : [changeLink(editHref(c.code), 'Change', c.title)])
    ])
  }
}

/** The answer scales: each answer's wording, plain and easy read, best first as the scale lists them. */
export function scalesTable (doc: SchemeDocument, editHref: ((code: string) => string) | null): ReportTable {
  const words = (w: 'plain' | 'easyRead', s: SchemeDocument['instrument']['scales'][number]) =>
    s.answers.map((a) => a.wording[w]).join(' / ')
  return {
    caption: 'Answer scales',
    head: [
      { text: 'Scale' },
      { text: 'Answers' },
      { text: 'Easy read' },
      ...(editHref === null ? [] : [{ text: 'Change' }])
    ],
    rows: doc.instrument.scales.map((s) => [
      text(s.code),
      text(words('plain', s)),
      text(words('easyRead', s)),
      ...(editHref === null ? [] : [changeLink(editHref(s.code), 'Change', s.code)])
    ])
  }
}
