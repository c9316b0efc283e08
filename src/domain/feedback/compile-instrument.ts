// Look-up tables built once per instrument so normalising and scoring responses stays cheap (bench: ≥ 100,000
// scorings/s).
import type { AskedWhen, Instrument, InstrumentItem } from './instrument.js'

/** answer value → score (null for unscored answers); a Map, so '__proto__' is just an unknown answer. */
export type ScoreTable = ReadonlyMap<string, number | null>

export interface CompiledInstrument {
  readonly instrument: Instrument
  readonly itemsByCode: ReadonlyMap<string, InstrumentItem>
  /** A question's answers and their scores; empty for text or unknown questions. */
  readonly answerScores: (code: string) => ScoreTable
  /** The scored items' codes and score tables, in instrument order: they feed Q. */
  readonly scoredCodes: readonly string[]
  readonly scoredTables: readonly ScoreTable[]
  /**
   * lcm(1 … number of scored items) and lcm(1 … number of gain pairs): a response's mean score times the first
   * (its gain times the second) is a whole number, so sums are exact and independent of response order.
   */
  readonly answeredDenominator: number
  readonly pairsDenominator: number
  readonly gainPairs: ReadonlyArray<{
    readonly now: string
    readonly nowScores: ScoreTable
    readonly without: string
    readonly withoutScores: ScoreTable
  }>
  readonly conditional: ReadonlyArray<{ readonly code: string; readonly askedWhen: AskedWhen }>
}

const NO_ANSWERS: ScoreTable = new Map()

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
/** lcm(1, 2, …, n) */
const lcmUpTo = (n: number): number => {
  let lcm = 1
  for (let i = 2; i <= n; i++) lcm = (lcm / gcd(lcm, i)) * i
  return lcm
}
const cache = new WeakMap<Instrument, CompiledInstrument>()

function buildScoreTables (instrument: Instrument): Map<string, ScoreTable> {
  const byScale = new Map(
    instrument.scales.map((scale) => {
      const table: ScoreTable = new Map(scale.answers.map((answer) => [answer.value, answer.score]))
      return [scale.code, table] as const
    })
  )
  const tables = new Map<string, ScoreTable>()
  for (const item of instrument.items) {
    if (item.kind === 'scale') tables.set(item.code, byScale.get(item.scale) ?? NO_ANSWERS)
  }
  return tables
}

/** Compiles (and caches, per instrument object) the look-ups; the instrument must not be mutated afterwards. */
export function compileInstrument (instrument: Instrument): CompiledInstrument {
  const cached = cache.get(instrument)
  if (cached !== undefined) return cached
  const scoresByItem = buildScoreTables(instrument)
  const scored = instrument.items.filter((item) => item.kind === 'scale' && item.scored)
  const answerScores = (code: string): ScoreTable => scoresByItem.get(code) ?? NO_ANSWERS
  const compiled: CompiledInstrument = {
    instrument,
    itemsByCode: new Map(instrument.items.map((item) => [item.code, item])),
    answerScores,
    scoredCodes: scored.map((item) => item.code),
    scoredTables: scored.map((item) => answerScores(item.code)),
    answeredDenominator: lcmUpTo(scored.length),
    pairsDenominator: lcmUpTo(instrument.gainPairs.length),
    gainPairs: instrument.gainPairs.map(({ now, without }) => ({
      now,
      nowScores: answerScores(now),
      without,
      withoutScores: answerScores(without)
    })),
    conditional: instrument.items.flatMap((item) =>
      item.kind === 'scale' && item.askedWhen !== null ? [{ code: item.code, askedWhen: item.askedWhen }] : []
    )
  }
  cache.set(instrument, compiled)
  return compiled
}
