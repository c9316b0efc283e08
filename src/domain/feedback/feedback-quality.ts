// Feedback quality Q, gain G, sample n and per-item means: the one implementation the scorer and the reports share
// (src/domain/README.md: scoring, "Feedback quality Q" and "Gain G").
import { compileInstrument } from './compile-instrument.js'
import type { FeedbackResponse, Instrument } from './instrument.js'

export interface FeedbackQuality {
  /** Responses given. */
  readonly responses: number
  /** n: responses with at least `minAnsweredScoredItems` answered scored items; only these count. */
  readonly n: number
  /** 0–100, two decimals; null when n = 0. */
  readonly q: number | null
  /** −3 to +3, two decimals, over counted responses; null when none answered a gain pair. */
  readonly g: number | null
  /** Mean score (0–3, two decimals) of each scored item over counted responses that answered it. */
  readonly itemMeans: Readonly<Record<string, number | null>>
}

/** Two decimals: the number a provider sees is the number that decided (so 84.996 is shown and judged as 85). */
export const roundScore = (x: number): number => Math.round(x * 100) / 100 + 0

export function measureFeedbackQuality (
  instrument: Instrument,
  responses: readonly FeedbackResponse[]
): FeedbackQuality {
  const quality = feedbackQualityOf(instrument)
  for (const response of responses) quality.add(response)
  return quality.result()
}

/** FeedbackQuality taken one response at a time, so a report over many need not hold them all at once. */
export interface FeedbackQualityTally {
  add: (response: FeedbackResponse) => void
  result: () => FeedbackQuality
}

/**
 * A running tally of measureFeedbackQuality's figures: adding responses one by one, in any order and in any
 * number of pieces, gives exactly the figures of measuring them all at once (whole-number numerators).
 */
export function feedbackQualityOf (instrument: Instrument): FeedbackQualityTally {
  const { scoredCodes, scoredTables, gainPairs, answeredDenominator, pairsDenominator } = compileInstrument(instrument)
  const k = scoredCodes.length
  const itemSums = new Array<number>(k).fill(0)
  const itemCounts = new Array<number>(k).fill(0)
  const scores = new Array<number>(k).fill(-1)
  // Whole-number numerators over fixed denominators: exact sums, whatever the order of responses.
  let qNumerator = 0
  let gNumerator = 0
  let n = 0
  let gained = 0
  let given = 0
  const add = ({ answers }: FeedbackResponse): void => {
    given++
    let sum = 0
    let answered = 0
    for (let j = 0; j < k; j++) {
      const value = answers[scoredCodes[j] as string]
      const score = value === undefined ? undefined : (scoredTables[j] as ReadonlyMap<string, number | null>).get(value)
      if (score == null) {
        scores[j] = -1
        continue
      }
      scores[j] = score
      sum += score
      answered++
    }
    // src/domain/README.md: at least 5 answered, else the response is not counted.
    if (answered < instrument.minAnsweredScoredItems) return
    n++
    qNumerator += sum * (answeredDenominator / answered)
    for (let j = 0; j < k; j++) {
      const score = scores[j] as number
      if (score >= 0) {
        itemSums[j] = (itemSums[j] as number) + score
        itemCounts[j] = (itemCounts[j] as number) + 1
      }
    }
    let diff = 0
    let pairs = 0
    for (const pair of gainPairs) {
      const now = pair.nowScores.get(answers[pair.now] ?? '')
      const without = pair.withoutScores.get(answers[pair.without] ?? '')
      if (now != null && without != null) {
        diff += now - without
        pairs++
      }
    }
    if (pairs > 0) {
      gNumerator += diff * (pairsDenominator / pairs)
      gained++
    }
  }
  const result = (): FeedbackQuality => {
    const itemMeans: Record<string, number | null> = {}
    for (let j = 0; j < k; j++) {
      const count = itemCounts[j] as number
      itemMeans[scoredCodes[j] as string] = count === 0 ? null : roundScore((itemSums[j] as number) / count)
    }
    return {
      responses: given,
      n,
      q: n === 0 ? null : roundScore((qNumerator * 100) / (answeredDenominator * 3 * n)),
      g: gained === 0 ? null : roundScore(gNumerator / (pairsDenominator * gained)),
      itemMeans
    }
  }
  return { add, result }
}
