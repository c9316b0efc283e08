// When to try a message again: 1 minute doubling to at most 1 hour, for up to a day, then it is marked failed for
// staff to see (README: notifications). Errors a channel calls permanent (a bad address) are not retried.

export const FIRST_RETRY_SECONDS = 60
export const MAX_RETRY_SECONDS = 3600
export const GIVE_UP_AFTER_SECONDS = 86_400

export type AttemptOutcome = { kind: 'sent' } | { kind: 'failed'; permanent: boolean }

export type NextStep =
  | { status: 'sent' }
  | { status: 'pending'; retryAt: Date }
  | { status: 'failed' }

/** The message's next status after attempt number `attempts` (1 = the first), first queued at `queuedAt`. */
export function nextStep (outcome: AttemptOutcome, attempts: number, queuedAt: Date, now: Date): NextStep {
  if (outcome.kind === 'sent') return { status: 'sent' }
  if (outcome.permanent) return { status: 'failed' }
  const delay = Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1))
  const retryAt = new Date(now.getTime() + delay * 1000)
  if (retryAt.getTime() - queuedAt.getTime() > GIVE_UP_AFTER_SECONDS * 1000) return { status: 'failed' }
  return { status: 'pending', retryAt }
}
