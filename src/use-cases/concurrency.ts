// Optimistic concurrency: every editable row has a version; clients send it back in If-Match.
import { DomainError } from '../domain/errors.js'

export const etagOf = (version: number) => `"v${version}"`

/** Parses `If-Match: "v7"` (or W/"v7", or a bare 7). Missing → undefined. Garbage → 412. */
export function parseIfMatch (header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined
  const m = /^(?:W\/)?"?v?(\d+)"?$/.exec(header.trim())
  if (m === null) {
    throw new DomainError(
      'IF_MATCH_INVALID',
      'precondition_failed',
      `If-Match ${header} is not an ETag this service issued`
    )
  }
  return Number(m[1])
}

export function requireIfMatch (header: string | undefined): number {
  const v = parseIfMatch(header)
  if (v === undefined) {
    throw new DomainError(
      'IF_MATCH_REQUIRED',
      'precondition_required',
      'Send If-Match with the ETag you read, so a concurrent change is not overwritten'
    )
  }
  return v
}

export function assertVersion (current: number, expected: number | undefined, what: string): void {
  if (expected !== undefined && current !== expected) {
    throw new DomainError(
      'VERSION_MISMATCH',
      'precondition_failed',
      `${what} has changed since you read it (now ${etagOf(current)}, you sent ${etagOf(expected)}); read it again`
    )
  }
}
