// Who may touch what (src/domain/README.md: roles). Existence of another council's records never leaks: 404, not 403.
import { DomainError } from '../domain/errors.js'
import { isStaffRole, type StaffRole } from '../domain/roles.js'
import type { Actor, Principal } from './context.js'

export const notFound = (what: string) => new DomainError('NOT_FOUND', 'not_found', `${what} not found`)
export const forbidden = (why: string) => new DomainError('FORBIDDEN', 'forbidden', why)

export type StaffPrincipal = Principal & { role: StaffRole; councilId: string }

/** A co-ordinator or reviewer (src/domain/roles.ts). */
export const isStaff = (actor: Actor): actor is Principal & { role: StaffRole } =>
  actor.kind === 'user' && isStaffRole(actor.role)

/** A co-ordinator or reviewer: returns their council. */
export function requireStaff (actor: Actor): StaffPrincipal {
  if (!isStaff(actor) || actor.councilId === null) throw forbidden('Only co-ordinators and reviewers may do this')
  return { ...actor, councilId: actor.councilId }
}

export type ProviderPrincipal = Principal & { role: 'provider'; councilId: string; providerId: string }

/** One of a provider's own people: returns their provider and council. */
export function requireProviderPerson (actor: Actor): ProviderPrincipal {
  if (actor.kind !== 'user' || actor.role !== 'provider' || actor.providerId === null || actor.councilId === null) {
    throw forbidden("Only a provider's own people may do this")
  }
  return { ...actor, role: 'provider', councilId: actor.councilId, providerId: actor.providerId }
}

/** Staff of the record's council, or the provider user the record belongs to. */
export function canAccessProvider (actor: Actor, record: { councilId: string; providerId: string }): boolean {
  if (actor.kind !== 'user') return false
  if (isStaff(actor)) return actor.councilId === record.councilId
  if (actor.role === 'provider') return actor.providerId === record.providerId && actor.councilId === record.councilId
  return false
}

/** Throws 404 when the actor may not see a provider-owned record, so ids of others are not confirmed. */
export function assertProviderAccess<T extends { councilId: string; providerId: string }> (
  actor: Actor,
  record: T | undefined,
  what: string
): T {
  if (record === undefined || !canAccessProvider(actor, record)) throw notFound(what)
  return record
}

/** As assertProviderAccess, except that scheduled jobs (the system) reach every record. */
export function assertActorReaches<T extends { councilId: string; providerId: string }> (
  actor: Actor,
  record: T | undefined,
  what: string
): T {
  if (actor.kind === 'system' && record !== undefined) return record
  return assertProviderAccess(actor, record, what)
}

/** Staff-only access to a council-owned record, 404 across councils. */
export function assertStaffAccess<T extends { councilId: string }> (
  actor: Actor,
  record: T | undefined,
  what: string
): T {
  const staff = requireStaff(actor)
  if (record === undefined || record.councilId !== staff.councilId) throw notFound(what)
  return record
}

/**
 * The provider ids a list is narrowed to: a provider user sees only its own (every provider user has one:
 * users_provider_iff_provider_role), and a filter the caller asked for applies on top.
 */
export function scopedProviderIds (actor: Principal, asked: string | undefined): string[] {
  const own = actor.role === 'provider' ? [actor.providerId ?? ''] : []
  return asked === undefined ? own : [...own, asked]
}
