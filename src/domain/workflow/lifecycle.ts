// A lifecycle is a transition table; this turns one into pure transition and allowed-action lookups
// shared by assessments, awards, appeals and concerns (src/domain/README.md: Lifecycles): tables, not if-chains.
import { DomainError, err, ok, type Result } from '../errors.js'

/** Each lifecycle's refusal code, registered in src/domain/errors.ts. */
const REFUSAL_CODES = {
  assessment: 'ASSESSMENT_TRANSITION_NOT_ALLOWED',
  award: 'AWARD_TRANSITION_NOT_ALLOWED',
  appeal: 'APPEAL_TRANSITION_NOT_ALLOWED',
  concern: 'CONCERN_TRANSITION_NOT_ALLOWED',
  evidence: 'EVIDENCE_TRANSITION_NOT_ALLOWED'
} as const
export type LifecycleSubject = keyof typeof REFUSAL_CODES

/** For each state, the actions allowed from it and the state each leads to. A state with no actions is terminal. */
export type TransitionTable<S extends string, E extends string> = {
  readonly [state in S]: { readonly [action in E]?: S }
}

export interface Lifecycle<S extends string, E extends string> {
  /** The thing that moves through the lifecycle, in the domain's words: "assessment", "award", ... */
  readonly subject: LifecycleSubject
  readonly table: TransitionTable<S, E>
  /** The error code used when an action is refused, e.g. ASSESSMENT_TRANSITION_NOT_ALLOWED. */
  readonly refusalCode: (typeof REFUSAL_CODES)[LifecycleSubject]
  transition: (from: S, action: E) => Result<S>
  allowedActions: (from: S) => E[]
  isTerminal: (state: S) => boolean
}

export function defineLifecycle<S extends string, E extends string> (
  subject: LifecycleSubject,
  actions: readonly E[],
  table: TransitionTable<S, E>
): Lifecycle<S, E> {
  const refusalCode = REFUSAL_CODES[subject]
  // Object.hasOwn keeps inherited names ("toString") and states unknown at run time from matching.
  const rowOf = (from: S): Partial<Record<E, S>> => (Object.hasOwn(table, from) ? table[from] : {})
  // Listed in the order the lifecycle declares its actions, so a UI shows its buttons in a stable order.
  const allowedActions = (from: S): E[] => actions.filter((action) => Object.hasOwn(rowOf(from), action))

  const transition = (from: S, action: E): Result<S> => {
    const row = rowOf(from)
    const next = Object.hasOwn(row, action) ? row[action] : undefined
    if (next !== undefined) return ok(next)
    const allowed = allowedActions(from)
    // src/domain/README.md: a refused transition is a clear 409 naming the state and the action.
    return err(
      new DomainError(
        refusalCode,
        'conflict',
        `Cannot ${action}: the ${subject} is ${from} (allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'})`,
        { details: { from, action, allowed } }
      )
    )
  }

  return {
    subject,
    table,
    refusalCode,
    transition,
    allowedActions,
    isTerminal: (state) => allowedActions(state).length === 0
  }
}
