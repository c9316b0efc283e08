// Days an assessment spends in each stage, read from the audit trail's state changes (src/domain/README.md: every
// transition is audited with from/to and time; Reports: "median days per stage"). Pure: rows in, stays out.

export interface StateChange {
  entityId: string
  fromState: string | null
  toState: string | null
  at: Date
}

export interface StageStay {
  state: string
  days: number
}

const DAY_MS = 86_400_000

/**
 * A stay starts when an assessment enters a state and ends when it leaves it; a change to the same state (the
 * provider's factual-accuracy comment) is not a move. Stays not yet ended are left out, so a median speaks only of
 * finished stays; `endedWithin` keeps the stays that ended inside a period. A repeated stage (under_review ⇄
 * info_requested) gives one stay per visit. `changes` must be in the order they happened for each assessment.
 */
export function measureStageStays (
  changes: readonly StateChange[],
  endedWithin?: { from: Date; to: Date }
): StageStay[] {
  const entered = new Map<string, { state: string; at: Date }>()
  const stays: StageStay[] = []
  for (const change of changes) {
    if (change.toState === null || change.fromState === change.toState) continue
    const current = entered.get(change.entityId)
    if (current !== undefined && current.state === change.fromState) {
      const ended = change.at.getTime()
      const inside =
        endedWithin === undefined || (ended >= endedWithin.from.getTime() && ended < endedWithin.to.getTime())
      if (inside) stays.push({ state: current.state, days: (ended - current.at.getTime()) / DAY_MS })
    }
    entered.set(change.entityId, { state: change.toState, at: change.at })
  }
  return stays
}
