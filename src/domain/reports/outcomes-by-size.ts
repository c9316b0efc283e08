// "Outcomes by provider size": one instrument item's answers for micro versus all others and per size band, with
// the tests the research report used (src/domain/README.md: Reports, the research report's appendix table).
import { SizeBandSchema, type SizeBand } from '../providers.js'
import { chiSquareTest, type ChiSquareResult } from './chi-square.js'
import { buildContingencyTable } from './contingency-table.js'
import { fisherExactTest, type FisherResult } from './fisher-exact.js'
import { MIN_GROUP_SIZE, suppressSmallGroups, type GroupRow } from './suppression.js'

export interface OutcomeResponse {
  /** Who the answer is about: a group is hidden when fewer than minGroupSize providers stand behind it. */
  providerId: string
  /** The provider's band when the response was given (kept on the response), not its band today. */
  sizeBand: SizeBand
  /** The answer level, e.g. "as_i_want"; responses that skipped the item are left out by the caller. */
  answer: string
}

export interface GroupComparison {
  answers: string[]
  rows: GroupRow[]
  suppressedGroups: string[]
  chiSquare: ChiSquareResult
  /** Offered when two groups are compared on two answers (e.g. OCC_AFFECT yes/no); otherwise not_2x2. */
  fisher: FisherResult
}

export interface OutcomesBySize {
  minGroupSize: number
  microVersusOthers: GroupComparison
  bySizeBand: GroupComparison
}

const OTHER_BANDS = SizeBandSchema.options.filter((band) => band !== 'micro')

/** `answers` lists the item's answer levels in the instrument's order, so levels nobody chose still show. */
export function analyseOutcomesBySize (
  responses: readonly OutcomeResponse[],
  answers: readonly string[],
  { minGroupSize = MIN_GROUP_SIZE }: { minGroupSize?: number } = {}
): OutcomesBySize {
  const dichotomyOf = (r: OutcomeResponse): string => (r.sizeBand === 'micro' ? 'micro' : 'others')
  const dichotomy = buildContingencyTable(
    responses.map((r) => ({ group: dichotomyOf(r), answer: r.answer })),
    { groups: ['micro', 'others'], answers }
  )
  const bands = buildContingencyTable(
    responses.map((r) => ({ group: r.sizeBand, answer: r.answer })),
    { groups: SizeBandSchema.options, answers }
  )
  return {
    minGroupSize,
    microVersusOthers: compareGroups(
      suppressSmallGroups(dichotomy, { minGroupSize, providers: providersPerGroup(responses, dichotomyOf) })
    ),
    // "others" is shown in the first comparison, so the other bands are suppressed together (see suppression.ts).
    bySizeBand: compareGroups(
      suppressSmallGroups(bands, {
        minGroupSize,
        complements: [OTHER_BANDS],
        providers: providersPerGroup(responses, (r) => r.sizeBand)
      })
    )
  }
}

function providersPerGroup (
  responses: readonly OutcomeResponse[],
  groupOf: (r: OutcomeResponse) => string
): Map<string, number> {
  const seen = new Map<string, Set<string>>()
  for (const r of responses) {
    const group = groupOf(r)
    seen.set(group, (seen.get(group) ?? new Set()).add(r.providerId))
  }
  return new Map([...seen].map(([group, ids]) => [group, ids.size]))
}

function compareGroups ({
  answers,
  rows,
  suppressedGroups,
  shown
}: ReturnType<typeof suppressSmallGroups>): GroupComparison {
  // Tests run on the shown groups only; when hiding leaves fewer than two groups with responses there is nothing to
  // compare.
  const groupsWithResponses = shown.counts.filter((row) => row.some((count) => count > 0)).length
  const offSuppressed = suppressedGroups.length > 0 && groupsWithResponses < 2
  return {
    answers,
    rows,
    suppressedGroups,
    chiSquare: offSuppressed ? { computed: false, reason: 'suppressed' } : chiSquareTest(shown),
    fisher:
      offSuppressed && shown.answers.length === 2 ? { computed: false, reason: 'suppressed' } : fisherExactTest(shown)
  }
}
