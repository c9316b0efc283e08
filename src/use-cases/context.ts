// What every use case receives: who is acting, when, and the dependencies built once in app.ts.
import type { Logger } from 'pino'
import type { Config } from '../config.js'
import type { Database } from '../db/client.js'
import type { AuditActorRole, UserRole } from '../db/schema/index.js'
import type { ResolveHost } from './webhook-targets.js'
import type { Channels } from './notification-channels.js'
import type { CouncilReadCache } from './council-read-cache.js'

export interface Principal {
  kind: 'user'
  userId: string
  role: UserRole
  councilId: string | null
  providerId: string | null
  /** what authenticated it: an API token's id, or `session:<id>` for a signed-in browser */
  tokenId: string
}

/** The principal a user acts as, however they authenticated (bearer token or session): one set of rules for both. */
export const principalOf = (
  user: { id: string; role: UserRole; councilId: string | null; providerId: string | null },
  tokenId: string
): Principal => ({
  kind: 'user',
  userId: user.id,
  role: user.role,
  councilId: user.councilId,
  providerId: user.providerId,
  tokenId
})

/** Scheduled jobs act as the system; feedback forms as an anonymous respondent; public forms as the public. */
export type Actor =
  | Principal
  | { kind: 'system' }
  | { kind: 'respondent'; councilId: string }
  | { kind: 'public'; councilId: string }

export interface Deps {
  db: Database
  config: Config
  /** The only source of "now" outside tests' control: use cases pass it into the pure domain. */
  clock: () => Date
  log: Logger
  /** Host name → addresses, for webhook targets (src/use-cases/webhook-targets.ts); injected in tests. */
  resolveHost: ResolveHost
  /** where messages to people go (README: notifications) */
  channels: Channels
  /**
   * Staff reads kept per council until its data changes, the work queue and the provider list
   * (src/use-cases/council-read-cache.ts); none: every read goes to the database.
   */
  councilReads?: CouncilReadCache | undefined
}

export interface Ctx {
  actor: Actor
  requestId?: string | undefined
  now: Date
}

export const systemCtx = (now: Date): Ctx => ({ actor: { kind: 'system' }, now })

export function actorRole (actor: Actor): AuditActorRole {
  return actor.kind === 'user' ? actor.role : actor.kind
}

export function actorUserId (actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null
}

/** ISO calendar date (UTC) of an instant: the domain reasons in dates. */
export const isoDate = (d: Date): string => d.toISOString().slice(0, 10)
