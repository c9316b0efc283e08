// Reasons a level was not reached, machine- and human-readable, shown to providers (src/domain/README.md: "The result
// always carries its reasons").
import type { AwardLevel } from '../scheme/enums.js'

export type ReasonCode =
  | 'ITEM_NOT_MET' // a B or S item is not met
  | 'GOLD_SHARE_BELOW' // less than the gold share of applicable G weight is met
  | 'Q_BELOW'
  | 'GAIN_NOT_ABOVE'
  | 'ITEM_MEAN_BELOW' // e.g. mean SAFE below its minimum
  | 'SAMPLE_TOO_SMALL'
  | 'SAFEGUARDING_CONCERN_OPEN'
  | 'UPHELD_CONCERN'
  | 'CQC_RATING'

/** A rule of one level that does not hold. */
export interface Failure {
  readonly code: ReasonCode
  readonly message: string
  readonly item?: string
  /** For GOLD_SHARE_BELOW: the G items not met. */
  readonly items?: readonly string[]
  readonly actual?: number | string | null
  readonly required?: number | string
}

export interface Reason extends Failure {
  readonly level: AwardLevel
}

export type FailuresByLevel = Readonly<Record<AwardLevel, readonly Failure[]>>

/**
 * A level needs its own rules and every lower level's: its reasons are its own failures, then the lower
 * levels' failures of rules it does not itself state (same code and item), so "Q 72 < 85" is not followed
 * by "Q 72 < 70".
 */
export function collectReasons (level: AwardLevel, sources: readonly FailuresByLevel[]): Reason[] {
  const order: AwardLevel[] =
    level === 'gold' ? ['gold', 'silver', 'bronze'] : level === 'silver' ? ['silver', 'bronze'] : ['bronze']
  const seen = new Set<string>()
  const reasons: Reason[] = []
  for (const source of sources) {
    for (const at of order) {
      for (const failure of source[at]) {
        const key = `${failure.code}:${failure.item ?? ''}`
        if (seen.has(key)) continue
        seen.add(key)
        reasons.push({ level, ...failure })
      }
    }
  }
  return reasons
}
