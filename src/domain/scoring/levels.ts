// Ordering of levels and caps: none < bronze < silver < gold (src/domain/README.md: "Level = min(CL, FL), then the
// limiters").
import type { AwardLevel, ComputedLevel, LevelCap } from '../scheme/enums.js'

const RANK: Record<ComputedLevel, number> = { none: 0, bronze: 1, silver: 2, gold: 3 }
const BY_RANK: readonly ComputedLevel[] = ['none', 'bronze', 'silver', 'gold']

export const rankLevel = (level: ComputedLevel): number => RANK[level]

/** The one "never above the computed level" rule (src/domain/README.md: Scoring, "never higher"). */
export const isAboveLevel = (level: ComputedLevel, ceiling: ComputedLevel): boolean => RANK[level] > RANK[ceiling]

export const lowerLevel = (a: ComputedLevel, b: ComputedLevel): ComputedLevel => (RANK[a] <= RANK[b] ? a : b)

/** A cap of 'block' allows no award at all. */
export const capLevel = (cap: LevelCap): ComputedLevel => (cap === 'block' ? 'none' : cap)

/** Award levels strictly above `level`, lowest first. */
export const listLevelsAbove = (level: ComputedLevel): AwardLevel[] => BY_RANK.slice(RANK[level] + 1) as AwardLevel[]
