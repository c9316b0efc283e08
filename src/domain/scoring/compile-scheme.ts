// Per-scheme look-ups built once (and cached per document object) so each scoring is a few tight loops:
// item results and reasons that carry no date are built here once and shared, frozen (bench:scoring).
import { compileInstrument, type CompiledInstrument } from '../feedback/compile-instrument.js'
import type { Tier } from '../scheme/enums.js'
import type { ChecklistItem, SchemeDocument } from '../scheme/scheme-document.js'
import { UNDATED_JUDGEMENTS, type EvidenceJudgement } from './evidence-validity.js'
import type { Failure } from './reasons.js'

export interface ItemResult extends EvidenceJudgement {
  readonly code: string
  readonly category: string
  readonly tier: Tier
  readonly weight: number
  readonly limiter: boolean
  readonly applicable: boolean
}

export interface CompiledItem {
  readonly item: ChecklistItem
  readonly categoryIndex: number
  /** The item's result for a judgement, shared when the judgement carries no date. */
  readonly resultOf: (judgement: EvidenceJudgement) => ItemResult
  /** The ITEM_NOT_MET reason for a judgement that is not met. */
  readonly failureOf: (judgement: EvidenceJudgement) => Failure
}

export interface CompiledScheme {
  readonly scheme: SchemeDocument
  readonly instrument: CompiledInstrument
  readonly items: readonly CompiledItem[]
}

const buildResult = (item: ChecklistItem, judgement: EvidenceJudgement): ItemResult => ({
  code: item.code,
  category: item.category,
  tier: item.tier,
  weight: item.weight,
  limiter: item.limiter,
  applicable: judgement.reasonCode !== 'NOT_APPLICABLE',
  met: judgement.met,
  reasonCode: judgement.reasonCode,
  reason: judgement.reason,
  expiresOn: judgement.expiresOn
})

const buildFailure = (item: ChecklistItem, judgement: EvidenceJudgement): Failure => ({
  code: 'ITEM_NOT_MET',
  item: item.code,
  message: `${item.code} ${judgement.reason}`
})

function compileItem (item: ChecklistItem, categoryIndex: number): CompiledItem {
  const results = new Map(UNDATED_JUDGEMENTS.map((j) => [j, Object.freeze(buildResult(item, j))]))
  const failures = new Map(UNDATED_JUDGEMENTS.map((j) => [j, Object.freeze(buildFailure(item, j))]))
  return {
    item,
    categoryIndex,
    resultOf: (judgement) => results.get(judgement) ?? buildResult(item, judgement),
    failureOf: (judgement) => failures.get(judgement) ?? buildFailure(item, judgement)
  }
}

const cache = new WeakMap<SchemeDocument, CompiledScheme>()

/** The scheme must not be mutated after compiling (published versions are immutable; drafts are re-read). */
export function compileScheme (scheme: SchemeDocument): CompiledScheme {
  const cached = cache.get(scheme)
  if (cached !== undefined) return cached
  const categoryIndex = new Map(scheme.categories.map((category, index) => [category.code, index]))
  const compiled: CompiledScheme = {
    scheme,
    instrument: compileInstrument(scheme.instrument),
    items: scheme.checklist.map((item) => compileItem(item, categoryIndex.get(item.category) ?? -1))
  }
  cache.set(scheme, compiled)
  return compiled
}
