// Keeping the mark, as the provider's own pages read it (README: For providers): their live award with what the
// public badge and verification page say of it, the evidence to renew by the scheme's reminder windows, an open
// renewal, the concerns they may see, their appeals and what they may appeal today — the API's use cases and rules.
import { findLiveAwardIds } from '../db/stores/awards.js'
import { renewalWindow } from '../domain/evidence/provider-words.js'
import { acceptsEvidence } from '../domain/evidence/evidence-rules.js'
import type { AppealSubject, AwardState } from '../domain/workflow/index.js'
import { checkAppealable, listAppeals } from './appeals.js'
import { getAward, listAwards } from './awards.js'
import { listConcerns } from './concerns.js'
import { isoDate, type Ctx, type Deps } from './context.js'
import { getMyApplication, ownProviderId } from './provider-portal.js'
import { loadAwardTruth } from './publication/award-truth.js'
import { isCurrentMark } from './publication/public-award.js'

const ALL = { page: 1, perPage: 100 }
const CLOSED_ASSESSMENT = ['decided', 'withdrawn']

/** The provider's live award (active, renewal due or suspended) with its public truth; null when there is none. */
export async function getMyAward (deps: Deps, ctx: Ctx) {
  const [live] = await findLiveAwardIds(deps.db, ownProviderId(ctx))
  if (live === undefined) return null
  const [award, truth] = await Promise.all([getAward(deps, ctx, live.id), loadAwardTruth(deps.db, live.id)])
  return { award, listing: truth.listing, council: truth.council, current: isCurrentMark(truth.listing) }
}

/** The provider's newest award in any state (an ended one too), or undefined before their first. */
export async function getMyLatestAward (deps: Deps, ctx: Ctx) {
  return (await listAwards(deps, ctx, { page: 1, perPage: 1 })).items[0]
}

export type MyAward = NonNullable<Awaited<ReturnType<typeof getMyAward>>>

const SUBJECT_OF: Partial<Record<AwardState, AppealSubject>> = {
  active: 'downgrade',
  renewal_due: 'downgrade',
  suspended: 'suspension',
  revoked: 'revocation'
}

/** What can be appealed: the latest decision, and the latest award's level, suspension or revocation. */
function appealTargets (decidedId: string | null, award: { id: string; status: AwardState } | undefined) {
  const targets: Array<{ subjectType: AppealSubject; assessmentId?: string; awardId?: string }> = []
  if (decidedId !== null) targets.push({ subjectType: 'decision', assessmentId: decidedId })
  const subjectType = award === undefined ? undefined : SUBJECT_OF[award.status]
  if (award !== undefined && subjectType !== undefined) targets.push({ subjectType, awardId: award.id })
  return targets
}

/** Each target with its last day to appeal, or why it cannot be appealed now (the same checks as lodging). */
export async function listMyAppealTargets (deps: Deps, ctx: Ctx) {
  const [app, latest] = await Promise.all([getMyApplication(deps, ctx), getMyLatestAward(deps, ctx)])
  const a = app.assessment
  const decidedId = a !== null && a.state === 'decided' ? a.id : null
  const targets = appealTargets(decidedId, latest)
  return await Promise.all(targets.map(async (t) => ({ ...t, check: await checkAppealable(deps, ctx, t) })))
}

export type AppealTarget = Awaited<ReturnType<typeof listMyAppealTargets>>[number]

/** Everything the "keeping your mark" page shows, for the signed-in provider only. */
export async function getMyKeeping (deps: Deps, ctx: Ctx) {
  const today = isoDate(ctx.now)
  const [app, award, concerns, appeals, targets] = await Promise.all([
    getMyApplication(deps, ctx),
    getMyAward(deps, ctx),
    listConcerns(deps, ctx, ALL),
    listAppeals(deps, ctx, ALL),
    listMyAppealTargets(deps, ctx)
  ])
  const a = app.assessment
  const titles = new Map(app.scheme.checklist.map((i) => [i.code, i.title]))
  const renewing = (a?.checklist ?? []).flatMap((e) => {
    const window = e.status === 'verified'
      ? renewalWindow(e.expiresOn, today, app.scheme.settings.evidenceReminderDays)
      : null
    return window === null || e.expiresOn === null
      ? []
      : [{ code: e.code, title: titles.get(e.code) ?? e.code, expiresOn: e.expiresOn, window }]
  }).sort((x, y) => x.expiresOn.localeCompare(y.expiresOn))
  const renewal = a !== null && a.kind === 'renewal' && !CLOSED_ASSESSMENT.includes(a.state) ? a : null
  // Evidence goes to an open assessment, or — between assessments — to the one behind a live mark, for what runs
  // out (src/domain/evidence/evidence-rules.ts).
  const canSend = a !== null && acceptsEvidence(a.state, a.keeping)
  const { renewalLeadDays } = app.scheme.settings
  return {
    award, renewing, renewal, canSend, renewalLeadDays, concerns: concerns.items, appeals: appeals.items, targets
  }
}

export type MyKeeping = Awaited<ReturnType<typeof getMyKeeping>>
