// Admins set each council's single sign-on for staff (README: Sign-in and sessions). The client secret is
// write-only: it is never answered back or written to the audit trail.
import {
  findCouncilSso,
  upsertCouncilSso,
  type CouncilSsoRow,
  type CouncilSsoValues
} from '../db/stores/council-sso.js'
import { forbidden, notFound } from './access.js'
import { getCouncil } from './admin.js'
import { recordAudit } from './audit.js'
import type { Ctx, Deps } from './context.js'

export type CouncilSsoInput = Omit<CouncilSsoValues, 'userClaim' | 'enabled'> & {
  userClaim?: string | undefined
  enabled?: boolean | undefined
}
export type CouncilSsoView = Omit<CouncilSsoRow, 'clientSecret'>

const view = ({ clientSecret: _secret, ...rest }: CouncilSsoRow): CouncilSsoView => rest

export async function setCouncilSso (deps: Deps, ctx: Ctx, councilId: string, input: CouncilSsoInput) {
  if (ctx.actor.kind !== 'user' || ctx.actor.role !== 'admin') throw forbidden('Only an admin may do this')
  await getCouncil(deps, ctx, councilId)
  const values = { ...input, userClaim: input.userClaim ?? 'email', enabled: input.enabled ?? true }
  return await deps.db.transaction(async (tx) => {
    const before = await findCouncilSso(tx, councilId)
    const after = await upsertCouncilSso(tx, councilId, values, ctx.now)
    await recordAudit(tx, ctx, {
      councilId,
      entityType: 'council_sso',
      entityId: councilId,
      action: before === undefined ? 'create' : 'update',
      before: before === undefined ? null : view(before),
      after: view(after)
    })
    return view(after)
  })
}

export async function getCouncilSso (deps: Deps, ctx: Ctx, councilId: string): Promise<CouncilSsoView> {
  if (ctx.actor.kind !== 'user' || ctx.actor.role !== 'admin') throw forbidden('Only an admin may do this')
  const row = await findCouncilSso(deps.db, councilId)
  if (row === undefined) throw notFound('Single sign-on for this council')
  return view(row)
}
