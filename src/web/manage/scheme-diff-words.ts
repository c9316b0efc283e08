// What changed between two scheme versions, in words, as GOV.UK tables (README: For co-ordinators, Scheme): the
// domain's diff (src/domain/scheme/diff-scheme.ts) with each field named and each value written out.
import type { FieldChange, KeyedChanges, SchemeDiff, SchemeDocument } from '../../domain/scheme/index.js'
import type { ReportTable } from './report-tables.js'
import { EVIDENCE_KIND_NAMES, SETTING_NAMES, TIER_NAMES, appliesInWords } from './scheme-words.js'
import { FLAG_NAMES } from './words.js'

/** The name of each field a change's path ends in (or passes through, for a level or a wording). */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  ...SETTING_NAMES,
  title: 'Title',
  guidance: 'Guidance',
  category: 'Category',
  tier: 'Tier',
  weight: 'Weight',
  validityMonths: 'Valid for (months)',
  expiryWaivedBy: 'No expiry when',
  limiter: 'A limiter',
  evidenceKinds: 'Evidence',
  allOf: 'Applies when the provider has all of',
  anyOf: 'Applies when the provider has one of',
  goldWeightShare: 'Share of the gold weight needed for gold',
  sampleMinimum: 'Fewest people asked at any level',
  qMin: 'Q at least',
  gainAbove: 'Gain G above',
  itemMeanMinima: 'Means at least',
  sampleFloor: 'People asked, at least',
  sampleShare: 'Share of the people supported to ask',
  plain: 'Wording',
  easyRead: 'Easy-read wording',
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold'
}
const SKIPPED = new Set(['thresholds', 'compliance', 'feedback', 'settings', 'appliesWhen', 'wording'])

export const fieldName = (path: string): string =>
  path.split('/').filter((p) => !SKIPPED.has(p)).map((p) => FIELD_NAMES[p] ?? p).join(': ')

const isNamed = <K extends string>(names: Readonly<Record<K, string>>, v: unknown): v is K =>
  typeof v === 'string' && Object.hasOwn(names, v)

/** A value as people read it: a tier or flag by its name, none for null, a list joined, yes or no. */
export function valueInWords (value: unknown): string {
  if (value === null || value === undefined) return 'None'
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (isNamed(TIER_NAMES, value)) return TIER_NAMES[value]
  if (isNamed(FLAG_NAMES, value)) return FLAG_NAMES[value]
  if (isNamed(EVIDENCE_KIND_NAMES, value)) return EVIDENCE_KIND_NAMES[value]
  if (Array.isArray(value)) return value.length === 0 ? 'None' : value.map(valueInWords).join(', ')
  if (typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${FIELD_NAMES[k] ?? k} ${valueInWords(v)}`).join(', ')
  }
  return String(value)
}

const HEAD = [{ text: 'What' }, { text: 'Before' }, { text: 'After' }]
const changeRow = (what: string, c: FieldChange) =>
  [{ text: what }, { text: valueInWords(c.from) }, { text: valueInWords(c.to) }]

/** Rows for the entries added and removed, named by their codes (questions, scales). */
const addedAndRemoved = (changes: KeyedChanges) => [
  ...changes.added.map((code) => [{ text: `Added: ${code}` }, { text: 'None' }, { text: code }]),
  ...changes.removed.map((code) => [{ text: `Removed: ${code}` }, { text: code }, { text: 'None' }])
]

type Scale = SchemeDocument['instrument']['scales'][number]
const scaleOf = (doc: SchemeDocument, code: string): Scale | undefined =>
  doc.instrument.scales.find((s) => s.code === code)

/** A changed scale, answer by answer: each wording that differs (values and scores are compared whole). */
function scaleRows (code: string, before: Scale | undefined, after: Scale | undefined) {
  const answers = Math.max(before?.answers.length ?? 0, after?.answers.length ?? 0)
  return Array.from({ length: answers }, (_, n) => n).flatMap((n) => {
    const a = before?.answers[n]
    const b = after?.answers[n]
    return (['plain', 'easyRead'] as const)
      .filter((w) => a?.wording[w] !== b?.wording[w] || a?.value !== b?.value || a?.score !== b?.score)
      .map((w) => [
        { text: `${code}: answer ${n + 1}, ${FIELD_NAMES[w]?.toLowerCase() ?? w}` },
        { text: a === undefined ? 'None' : `${a.wording[w]} (${a.value}${a.score === null ? '' : `, ${a.score}`})` },
        { text: b === undefined ? 'None' : `${b.wording[w]} (${b.value}${b.score === null ? '' : `, ${b.score}`})` }
      ])
  })
}

/**
 * The tables of a diff: categories, items, thresholds, timings, questions, answer scales; a section with no change
 * is left out.
 */
export function diffTables (diff: SchemeDiff, from: SchemeDocument, to: SchemeDocument): ReportTable[] {
  const category = (doc: SchemeDocument, code: string) => doc.categories.find((c) => c.code === code)?.title ?? code
  const title = (doc: SchemeDocument, code: string) => doc.checklist.find((i) => i.code === code)?.title ?? code
  const item = (doc: SchemeDocument, code: string) => {
    const found = doc.checklist.find((i) => i.code === code)
    return found === undefined ? '' : `${TIER_NAMES[found.tier]}; ${appliesInWords(found.appliesWhen)}`
  }
  const tables: ReportTable[] = [
    {
      caption: 'Checklist categories',
      head: HEAD,
      rows: [
        ...diff.categories.added.map((code) =>
          [{ text: `Added: ${category(to, code)} (${code})` }, { text: 'None' }, { text: category(to, code) }]),
        ...diff.categories.removed.map((code) =>
          [{ text: `Removed: ${category(from, code)} (${code})` }, { text: category(from, code) }, { text: 'None' }]),
        ...diff.categories.changed.flatMap(({ code, changes }) =>
          changes.map((c) => changeRow(`${category(to, code)} (${code}): ${fieldName(c.path)}`, c)))
      ]
    },
    {
      caption: 'Checklist items',
      head: HEAD,
      rows: [
        ...diff.items.added.map((code) =>
          [{ text: `Added: ${title(to, code)} (${code})` }, { text: 'Not in the checklist' },
            { text: item(to, code) }]),
        ...diff.items.removed.map((code) =>
          [{ text: `Removed: ${title(from, code)} (${code})` }, { text: item(from, code) },
            { text: 'Not in the checklist' }]),
        ...diff.items.changed.flatMap(({ code, changes }) =>
          changes.map((c) => changeRow(`${title(to, code)} (${code}): ${fieldName(c.path)}`, c)))
      ]
    },
    {
      caption: 'Levels, thresholds and limits',
      head: HEAD,
      rows: [...diff.thresholds, ...diff.limiters].map((c) => changeRow(fieldName(c.path), c))
    },
    {
      caption: 'Award validity and timings',
      head: HEAD,
      rows: [...diff.title, ...diff.settings].map((c) => changeRow(fieldName(c.path), c))
    },
    {
      caption: 'Feedback questions',
      head: HEAD,
      rows: [
        ...addedAndRemoved(diff.instrument.questions),
        ...diff.instrument.questions.changed.flatMap(({ code, changes }) =>
          changes.map((c) => changeRow(`${code}: ${fieldName(c.path)}`, c))),
        ...diff.instrument.fields.map((c) => changeRow(`Feedback: ${fieldName(c.path)}`, c))
      ]
    },
    {
      caption: 'Answer scales',
      head: HEAD,
      rows: [
        ...addedAndRemoved(diff.instrument.scales),
        ...diff.instrument.scales.changed.flatMap(({ code }) => scaleRows(code, scaleOf(from, code), scaleOf(to, code)))
      ]
    }
  ]
  return tables.filter((t) => t.rows.length > 0)
}
