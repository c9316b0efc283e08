// Typed domain errors: pure code returns or throws these; src/http maps `kind` to a status and
// renders RFC 9457 problem+json. Codes are SCREAMING_SNAKE and stable: clients may switch on them.

export type DomainErrorKind =
  | 'invalid' // 422: well-formed input the rules reject
  | 'conflict' // 409: not allowed in the current state, or a concurrent edit
  | 'not_found' // 404
  | 'forbidden' // 403
  | 'gone' // 410: expired or used up
  | 'precondition_failed' // 412: If-Match did not match
  | 'precondition_required' // 428: If-Match missing where it is required

export interface FieldProblem {
  /** JSON pointer-ish path to the field, e.g. "checklist/3/code" or "body.weight" */
  path: string
  message: string
}

export class DomainError extends Error {
  readonly code: string
  readonly kind: DomainErrorKind
  readonly errors: FieldProblem[] | undefined
  readonly details: Record<string, unknown> | undefined

  constructor (
    code: string,
    kind: DomainErrorKind,
    message: string,
    extra: { errors?: FieldProblem[]; details?: Record<string, unknown> } = {}
  ) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.kind = kind
    this.errors = extra.errors
    this.details = extra.details
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError

/** A result type for pure functions that prefer returning errors to throwing them. */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E }
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error })
