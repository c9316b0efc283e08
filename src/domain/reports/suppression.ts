// The disclosure rule: "reports never reveal a group smaller than 3 responses or providers" (src/domain/README.md:
// Reports): a band holding one or two named businesses would show their answers, however many responses they had.
import { groupTotals, percentagesByGroup, type ContingencyTable } from './contingency-table.js'

export const MIN_GROUP_SIZE = 3

export interface SuppressionOptions {
  minGroupSize?: number
  /**
   * Sets of groups whose combined total another table shows (e.g. small + medium + large = "others"). Hiding one
   * of them alone would let a reader subtract the shown ones from that total, so more are hidden with it.
   */
  complements?: ReadonlyArray<readonly string[]>
  /** Distinct providers behind each group's responses: a group with fewer than minGroupSize is hidden too. */
  providers?: ReadonlyMap<string, number>
}

/**
 * Primary suppression: groups with 1 to minGroupSize−1 responses (an empty group reveals nothing and is shown as
 * empty). Secondary suppression: within each complement set, the hidden groups with responses must be at least two
 * and total at least minGroupSize; otherwise the smallest shown group with responses is hidden too, until they are
 * or none is left.
 */
export function chooseSuppressedGroups (
  totals: ReadonlyMap<string, number>,
  options: SuppressionOptions = {}
): Set<string> {
  const min = options.minGroupSize ?? MIN_GROUP_SIZE
  const sizeOf = (group: string): number => totals.get(group) ?? 0
  const hidden = new Set([...totals].filter(([, n]) => n > 0 && n < min).map(([group]) => group))
  for (const set of options.complements ?? []) {
    for (;;) {
      const hiddenHere = set.filter((g) => hidden.has(g) && sizeOf(g) > 0)
      const hiddenTotal = hiddenHere.reduce((acc, g) => acc + sizeOf(g), 0)
      if (hiddenHere.length === 0 || (hiddenHere.length >= 2 && hiddenTotal >= min)) break
      const next = set
        .filter((g) => !hidden.has(g) && sizeOf(g) > 0)
        .sort((x, y) => sizeOf(x) - sizeOf(y) || x.localeCompare(y))[0]
      if (next === undefined) break
      hidden.add(next)
    }
  }
  return hidden
}

export type GroupRow =
  | { group: string; suppressed: false; n: number; counts: number[]; percentages: Array<number | null> }
  | { group: string; suppressed: true } // neither its size nor its answers are shown

export interface SuppressedTable {
  answers: string[]
  rows: GroupRow[]
  suppressedGroups: string[]
  /** The shown groups only: the table any test or total is computed from, so nothing hidden leaks through them. */
  shown: ContingencyTable
}

export function suppressSmallGroups (table: ContingencyTable, options: SuppressionOptions = {}): SuppressedTable {
  const totals = groupTotals(table)
  // A group counts as the smaller of its responses and its providers, for hiding it and for hiding others with it.
  const sizeOf = (g: string, i: number): number => Math.min(totals[i] as number, options.providers?.get(g) ?? Infinity)
  const hidden = chooseSuppressedGroups(new Map(table.groups.map((g, i) => [g, sizeOf(g, i)])), options)
  const percentages = percentagesByGroup(table)
  const rows: GroupRow[] = table.groups.map((group, i) =>
    hidden.has(group)
      ? { group, suppressed: true }
      : {
          group,
          suppressed: false,
          n: totals[i] as number,
          counts: table.counts[i] as number[],
          percentages: percentages[i] as Array<number | null>
        }
  )
  const shownIndexes = table.groups.flatMap((g, i) => (hidden.has(g) ? [] : [i]))
  return {
    answers: table.answers,
    rows,
    suppressedGroups: table.groups.filter((g) => hidden.has(g)),
    shown: {
      groups: shownIndexes.map((i) => table.groups[i] as string),
      answers: table.answers,
      counts: shownIndexes.map((i) => table.counts[i] as number[])
    }
  }
}
