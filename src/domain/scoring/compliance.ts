// Compliance level CL and C%: bronze = all applicable B met; silver = B and S; gold = also ≥ the gold share of
// applicable G weight (src/domain/README.md: scoring, "Compliance level CL").
import { isItemApplicable, type OfferingFlags } from '../scheme/applicability.js'
import type { ComputedLevel } from '../scheme/enums.js'
import type { CompiledScheme, ItemResult } from './compile-scheme.js'
import { judgeEvidence, NOT_APPLICABLE } from './evidence-validity.js'
import type { Failure, FailuresByLevel } from './reasons.js'
import type { EvidenceState } from './scoring-input.js'

export interface CategoryResult {
  readonly code: string
  readonly title: string
  /** Applicable items and how many are met. */
  readonly applicable: number
  readonly met: number
  readonly applicableWeight: number
  readonly metWeight: number
}

export interface ComplianceAssessment {
  readonly level: ComputedLevel
  /** Met weight / applicable weight × 100, two decimals (display only). */
  readonly percent: number
  readonly categories: CategoryResult[]
  readonly itemResults: ItemResult[]
  readonly failures: FailuresByLevel
}

// Weights are decimals: compare with a tolerance so 3 × 0.8 = 2.4000000000000004 does not fail a met 2.4.
const EPSILON = 1e-9

/** Only called when the share is missed, so some G weight applies (no division by zero). */
function describeGoldShare (share: number, metG: number, applicableG: number, unmetG: string[]): Failure {
  const percent = (x: number): string => `${Math.round(x * 1000) / 10}%`
  return {
    code: 'GOLD_SHARE_BELOW',
    message: `gold items met ${percent(metG / applicableG)} of their weight < ${percent(share)} ` +
      `(not met: ${unmetG.join(', ')})`,
    items: unmetG,
    actual: metG / applicableG,
    required: share
  }
}

export function assessCompliance (
  compiled: CompiledScheme,
  flags: OfferingFlags,
  evidence: Readonly<Record<string, EvidenceState>>,
  onDate: string
): ComplianceAssessment {
  const { scheme } = compiled
  const categories = scheme.categories.map((c) => ({
    code: c.code,
    title: c.title,
    applicable: 0,
    met: 0,
    applicableWeight: 0,
    metWeight: 0
  }))
  const itemResults: ItemResult[] = []
  const bronze: Failure[] = []
  const silver: Failure[] = []
  const unmetG: string[] = []
  let applicableWeight = 0
  let metWeight = 0
  let applicableG = 0
  let metG = 0
  for (const compiledItem of compiled.items) {
    const { item, categoryIndex } = compiledItem
    if (!isItemApplicable(item, flags)) {
      itemResults.push(compiledItem.resultOf(NOT_APPLICABLE))
      continue
    }
    const judgement = judgeEvidence(item, evidence[item.code], onDate)
    itemResults.push(compiledItem.resultOf(judgement))
    const category = categories[categoryIndex]
    applicableWeight += item.weight
    if (category !== undefined) {
      category.applicable++
      category.applicableWeight += item.weight
    }
    if (item.tier === 'G') applicableG += item.weight
    if (judgement.met) {
      metWeight += item.weight
      if (category !== undefined) {
        category.met++
        category.metWeight += item.weight
      }
      if (item.tier === 'G') metG += item.weight
    } else if (item.tier === 'G') {
      unmetG.push(item.code)
    } else {
      ;(item.tier === 'B' ? bronze : silver).push(compiledItem.failureOf(judgement))
    }
  }
  const share = scheme.thresholds.compliance.goldWeightShare
  const gold = metG + EPSILON >= share * applicableG ? [] : [describeGoldShare(share, metG, applicableG, unmetG)]
  const level: ComputedLevel =
    bronze.length > 0 ? 'none' : silver.length > 0 ? 'bronze' : gold.length > 0 ? 'silver' : 'gold'
  return {
    level,
    percent: applicableWeight === 0 ? 100 : Math.round((metWeight / applicableWeight) * 10000) / 100,
    categories,
    itemResults,
    failures: { bronze, silver, gold }
  }
}
