// "Where you stand" in words for the provider (README: For providers): the level they would get today and, for
// each level above it, what is missing — from the scoring engine's own reasons. Never an individual's answers:
// with fewer than MIN_GROUP counted responses no feedback figure is said at all (src/domain/README.md: reports
// never reveal a group smaller than 3).
import { inSentence } from '../evidence/provider-words.js'
import type { AwardLevel, ComputedLevel } from '../scheme/enums.js'
import type { ChecklistItem } from '../scheme/scheme-document.js'
import type { ItemResult } from './compile-scheme.js'
import type { Reason } from './reasons.js'
import type { ScoringResult } from './score-assessment.js'

export const MIN_GROUP = 3

export interface LevelGap {
  level: AwardLevel
  missing: string[]
}

export interface Standing {
  level: ComputedLevel
  /** Applicable items and how many of them are met today. */
  items: { applicable: number; met: number }
  /** How many people's feedback counts, or null when fewer than MIN_GROUP (never a small group's figure). */
  people: number | null
  gaps: LevelGap[]
}

export const LEVEL_WORDS: Readonly<Record<ComputedLevel, string>> = {
  none: 'No Quality Mark yet',
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold'
}

const lower = (level: AwardLevel): string => LEVEL_WORDS[level].toLowerCase()

function itemSentence (title: string, result: ItemResult | undefined): string {
  const what = inSentence(title)
  switch (result?.reasonCode) {
    case 'NOT_VERIFIED': return `We are still checking your ${what}.`
    case 'REJECTED': return `Send your ${what} again: the last one was not accepted.`
    case 'EXPIRED': return `Your ${what} has run out: send a new one.`
    case 'NO_EXPIRY_DATE': return `Tell us when your ${what} runs out.`
    default: return `Send your ${what}.`
  }
}

const FEEDBACK_ITEM: Readonly<Record<string, string>> = {
  SAFE: 'People need to feel safe when you support them.',
  DIGNITY: 'People need to feel the way you help them is good for them.'
}

function capWords (actual: Reason['actual']): string {
  return actual === 'block' ? 'stops any award for now' : `limits the mark to ${String(actual)}`
}

function reasonSentence (
  reason: Reason,
  titles: ReadonlyMap<string, string>,
  results: ReadonlyMap<string, ItemResult>,
  people: number | null
): string[] {
  const sayItem = (code: string) => itemSentence(titles.get(code) ?? code, results.get(code))
  switch (reason.code) {
    case 'ITEM_NOT_MET':
      return reason.item === undefined ? [] : [sayItem(reason.item)]
    case 'GOLD_SHARE_BELOW':
      return (reason.items ?? []).map(sayItem)
    case 'SAMPLE_TOO_SMALL':
      return [`We need at least ${String(reason.required)} people’s feedback, we have ` +
        `${people === null ? (reason.actual === 0 ? 'none yet' : `fewer than ${MIN_GROUP}`) : people}.`]
    case 'Q_BELOW':
      return people === null
        ? []
        : [`People’s feedback scores ${String(reason.actual)} out of 100; this level needs ${String(reason.required)}.`]
    case 'GAIN_NOT_ABOVE':
      return people === null ? [] : ['People need to say your support makes their life better.']
    case 'ITEM_MEAN_BELOW':
      return people === null ? [] : [FEEDBACK_ITEM[reason.item ?? ''] ?? 'Some answers need to be better.']
    // A safeguarding enquiry is not disclosed while it runs (README: Concerns): only that something stops it.
    case 'SAFEGUARDING_CONCERN_OPEN':
      return ['Something the council is looking into stops an award for now. Your co-ordinator will tell you more.']
    case 'UPHELD_CONCERN':
      return [`A serious complaint that was upheld ${capWords(reason.actual)}.`]
    case 'CQC_RATING':
      return [`Your Care Quality Commission rating ${capWords(reason.actual)}.`]
  }
}

/** The provider's standing from a scoring result and the scheme's items. */
export function describeStanding (result: ScoringResult, checklist: readonly ChecklistItem[]): Standing {
  const titles = new Map(checklist.map((i) => [i.code, i.title]))
  const results = new Map(result.itemResults.map((r) => [r.code, r]))
  const applicable = result.itemResults.filter((r) => r.applicable)
  const people = result.feedback.n >= MIN_GROUP ? result.feedback.n : null
  const byLevel = new Map<AwardLevel, string[]>()
  for (const reason of result.reasons) {
    const list = byLevel.get(reason.level) ?? []
    for (const sentence of reasonSentence(reason, titles, results, people)) {
      if (!list.includes(sentence)) list.push(sentence)
    }
    byLevel.set(reason.level, list)
  }
  // With too few people, the feedback rules that were not said are summed up once, without figures.
  if (people === null) {
    for (const [level, list] of byLevel) {
      const hidden = result.reasons.some((r) =>
        r.level === level && (r.code === 'Q_BELOW' || r.code === 'GAIN_NOT_ABOVE' || r.code === 'ITEM_MEAN_BELOW'))
      if (hidden) list.push(`Once ${MIN_GROUP} or more people have given feedback, we can tell you how it is going.`)
    }
  }
  return {
    level: result.computedLevel,
    items: { applicable: applicable.length, met: applicable.filter((r) => r.met).length },
    people,
    gaps: [...byLevel].map(([level, missing]) => ({ level, missing }))
  }
}

export const levelHeading = (level: AwardLevel): string => `What you need for ${lower(level)}`
