// Cross-tabulation of responses: counts per group (e.g. provider size) and answer level, with row percentages,
// as in the research report's appendix table (src/domain/README.md: Reports, "Outcomes by provider size").

export interface ContingencyTable {
  /** Row labels, e.g. "micro", "others". */
  groups: string[]
  /** Column labels: the answer levels in the instrument's order. */
  answers: string[]
  /** counts[g][a]: responses from group g that gave answer a. */
  counts: number[][]
}

export interface ResponseRow {
  group: string
  answer: string
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)

/**
 * Counts responses per group and answer. `order` fixes the rows and columns (so empty ones still show, in the
 * instrument's order); a group or answer not listed is added after the listed ones, never dropped.
 */
export function buildContingencyTable (
  rows: readonly ResponseRow[],
  order: { groups?: readonly string[]; answers?: readonly string[] } = {}
): ContingencyTable {
  const groups = [...new Set([...(order.groups ?? []), ...rows.map((r) => r.group)])]
  const answers = [...new Set([...(order.answers ?? []), ...rows.map((r) => r.answer)])]
  const counts = groups.map(() => answers.map(() => 0))
  for (const { group, answer } of rows) {
    const row = counts[groups.indexOf(group)] as number[]
    const col = answers.indexOf(answer)
    row[col] = (row[col] as number) + 1
  }
  return { groups, answers, counts }
}

export const groupTotals = (table: ContingencyTable): number[] => table.counts.map(sum)

export const answerTotals = (table: ContingencyTable): number[] =>
  table.answers.map((_, a) => sum(table.counts.map((row) => row[a] as number)))

/** Percentages within each group (each row sums to 100); null for a group with no responses, never NaN. */
export function percentagesByGroup (table: ContingencyTable): Array<Array<number | null>> {
  return table.counts.map((row) => {
    const n = sum(row)
    return row.map((count) => (n === 0 ? null : (100 * count) / n))
  })
}
