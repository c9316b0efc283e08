// The concern lifecycle: a complaint or safeguarding matter about a provider (src/domain/README.md: Lifecycles,
// Concern).
import { z } from 'zod'
import { defineLifecycle, type TransitionTable } from './lifecycle.js'

/** Where a concern came from; feedback concerns are opened by a flagged response. */
export const ConcernSource = z.enum(['complaint', 'safeguarding', 'feedback', 'monitoring'])
export type ConcernSource = z.infer<typeof ConcernSource>

export const ConcernSeverity = z.enum(['low', 'medium', 'high', 'safeguarding'])
export type ConcernSeverity = z.infer<typeof ConcernSeverity>

export const ConcernState = z.enum([
  'received',
  'triaged',
  'investigating',
  'upheld',
  'partly_upheld',
  'not_upheld',
  'closed'
])
export type ConcernState = z.infer<typeof ConcernState>

export const ConcernEvent = z.enum([
  'triage',
  'retriage',
  'start_investigation',
  'uphold',
  'partly_uphold',
  'not_uphold',
  'close'
])
export type ConcernEvent = z.infer<typeof ConcernEvent>

export const concernTransitions: TransitionTable<ConcernState, ConcernEvent> = {
  received: { triage: 'triaged' },
  // Severity is data on the concern: re-triage changes it (e.g. escalation to safeguarding found while
  // investigating) without moving the concern on.
  triaged: { retriage: 'triaged', start_investigation: 'investigating' },
  investigating: {
    retriage: 'investigating',
    uphold: 'upheld',
    partly_uphold: 'partly_upheld',
    not_uphold: 'not_upheld'
  },
  upheld: { close: 'closed' },
  partly_upheld: { close: 'closed' },
  not_upheld: { close: 'closed' },
  closed: {}
}

export const concernLifecycle = defineLifecycle('concern', ConcernEvent.options, concernTransitions)

export const transitionConcern = concernLifecycle.transition
export const allowedConcernActions = concernLifecycle.allowedActions

/**
 * An open safeguarding concern blocks any award and suspends a live one until it is closed
 * (src/domain/README.md: Scoring limiters, Concern).
 */
export function isOpenSafeguardingConcern (
  concern: { state: ConcernState; severity: ConcernSeverity | null }
): boolean {
  return concern.severity === 'safeguarding' && concern.state !== 'closed'
}
