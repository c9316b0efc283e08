// What the provider's own pages read (README: For providers): their current assessment with its checklist, the
// scheme it is pinned to, and where they stand today. The same access rules as the API: a provider reaches only
// its own records (anyone else's are not found).
import * as store from '../db/stores/assessments.js'
import { describeStanding, type Standing } from '../domain/scoring/standing-words.js'
import { checkFactualAccuracyComment } from '../domain/workflow/index.js'
import { assertProviderAccess, forbidden } from './access.js'
import { describeAssessment } from './assessments.js'
import { isoDate, type Ctx, type Deps } from './context.js'
import { getDecision, scoreAssessmentOn } from './decisions.js'
import { loadAssessmentBasis } from './evidence.js'
import { loadProvider } from './providers.js'
import { getCurrentPublishedScheme } from './schemes.js'

/** The signed-in provider's own id; anyone else is refused. */
export function ownProviderId (ctx: Ctx): string {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.role !== 'provider' || actor.providerId === null) {
    throw forbidden('Only a provider’s own people may see these pages')
  }
  return actor.providerId
}

/** The provider's latest assessment (open or decided), or undefined before their first. */
async function latestAssessment (deps: Deps, ctx: Ctx) {
  const providerId = ownProviderId(ctx)
  const provider = await loadProvider(deps.db, ctx, providerId)
  const [latest] = await store.pageAssessments(
    deps.db,
    { councilId: provider.councilId, providerIds: [providerId], state: undefined },
    1,
    0
  )
  return { provider, latest }
}

/**
 * The provider's application: its latest assessment with the checklist and scheme, or — before the first one —
 * the current scheme, so the page can say what they will need.
 */
export async function getMyApplication (deps: Deps, ctx: Ctx) {
  const { provider, latest } = await latestAssessment(deps, ctx)
  if (latest === undefined) {
    const scheme = await getCurrentPublishedScheme(deps.db, provider.councilId)
    return { provider, assessment: null, scheme: scheme.document }
  }
  // One read of each: the latest row, its scheme (kept once published) and the provider just read.
  const basis = await loadAssessmentBasis(deps.db, latest, provider)
  const assessment = await describeAssessment(deps, ctx, latest, basis)
  return { provider, assessment, scheme: basis.scheme }
}

export type MyApplication = Awaited<ReturnType<typeof getMyApplication>>

/**
 * The application as the task list shows it, kept until the council's data changes (src/use-cases/
 * council-read-cache.ts: the provider, its assessments, evidence, files and awards are all watched), as the work
 * queue is. Not kept before the first assessment or after a withdrawal: that page shows the current published
 * scheme, and publishing one announces nothing. For pages only; a write reads getMyApplication afresh. The answer
 * may be shared, so callers never change it.
 */
export async function viewMyApplication (deps: Deps, ctx: Ctx): Promise<MyApplication> {
  const providerId = ownProviderId(ctx)
  const councilId = ctx.actor.kind === 'user' ? ctx.actor.councilId : null
  if (deps.councilReads === undefined || councilId === null) return await getMyApplication(deps, ctx)
  return await deps.councilReads.read(councilId, `application ${providerId}`, async () =>
    await getMyApplication(deps, ctx), (mine) => mine.assessment !== null && mine.assessment.state !== 'withdrawn')
}

/** Where the provider stands on its latest assessment today, in words (src/domain/scoring/standing-words.ts). */
export async function getMyStanding (deps: Deps, ctx: Ctx): Promise<Standing | null> {
  const { latest } = await latestAssessment(deps, ctx)
  if (latest === undefined) return null
  const row = assertProviderAccess(ctx.actor, await store.findAssessment(deps.db, latest.id), 'Assessment')
  const { scheme, result } = await scoreAssessmentOn(deps.db, row, isoDate(ctx.now))
  return describeStanding(result, scheme.checklist)
}

/**
 * The decision proposed on (or made about) the provider's latest assessment, its reasons in words, and whether the
 * factual-accuracy window is open today; null before any proposal.
 */
export async function getMyDecision (deps: Deps, ctx: Ctx) {
  const { latest } = await latestAssessment(deps, ctx)
  if (latest === undefined || latest.proposedAt === null) return null
  const decision = await getDecision(deps, ctx, latest.id)
  const { scheme } = await loadAssessmentBasis(deps.db, latest)
  const window = checkFactualAccuracyComment(
    isoDate(latest.proposedAt),
    isoDate(ctx.now),
    scheme.settings.factualAccuracyDays
  )
  return {
    decision,
    version: latest.version,
    standing: decision.score === null ? null : describeStanding(decision.score, scheme.checklist),
    windowOpen: decision.state === 'decision_proposed' && window.ok
  }
}
