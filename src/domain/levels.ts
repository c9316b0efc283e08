// Quality Mark levels and their order, shared by scoring, decisions and reports (DOMAIN.md: Scoring).
import { z } from 'zod'

/** Lowest first: the index is the rank. `none` means no award. */
export const Level = z.enum(['none', 'bronze', 'silver', 'gold'])
export type Level = z.infer<typeof Level>

/** The levels an award can carry (DOMAIN.md: Glossary, Award). */
export const AwardLevel = z.enum(['bronze', 'silver', 'gold'])
export type AwardLevel = z.infer<typeof AwardLevel>

const rankOf = (level: Level): number => Level.options.indexOf(level)

/** Negative when a is below b, 0 when equal, positive when a is above b: usable with Array.prototype.sort. */
export function compareLevels (a: Level, b: Level): number {
  return rankOf(a) - rankOf(b)
}

/** The lowest of the given levels ("Level = min(CL, FL)", DOMAIN.md: Scoring); `none` when given nothing. */
export function minLevel (...levels: Level[]): Level {
  return levels.reduce<Level>((low, level) => compareLevels(level, low) < 0 ? level : low, levels[0] ?? 'none')
}

/** The highest of the given levels; `none` when given nothing. */
export function maxLevel (...levels: Level[]): Level {
  return levels.reduce<Level>((high, level) => compareLevels(level, high) > 0 ? level : high, 'none')
}
