// The what-if scorer (README: Scheme versions and scoring): a co-ordinator scores a hypothetical provider against any
// version of their council's scheme — drafts too, to see what new thresholds would do — with the engine's own
// explanation.
import { DomainError, type FieldProblem } from '../domain/errors.js'
import { normaliseFeedbackAnswers } from '../domain/feedback/index.js'
import type { CqcRating } from '../domain/scheme/enums.js'
import {
  scoreAssessment,
  type ConcernInput,
  type EvidenceState,
  type ProviderProfile,
  type ScoringResult
} from '../domain/scoring/index.js'
import { findAssessment } from '../db/stores/assessments.js'
import { notFound, requireStaff } from './access.js'
import { isoDate, type Ctx, type Deps } from './context.js'
import { scoreAssessmentOn } from './decisions.js'
import { getCurrentPublishedScheme, getSchemeVersion } from './schemes.js'

/** A hypothetical provider to score (the API's WhatIfInput schema is declared against this). */
export interface WhatIfInput {
  profile: ProviderProfile
  evidence: Record<string, EvidenceState>
  responses: Array<{ answers: Record<string, string | null> }>
  concerns: ConcernInput[]
  cqcRating: CqcRating | null
  decisionDate?: string | undefined
}

export async function scoreWhatIf (deps: Deps, ctx: Ctx, versionId: string, input: WhatIfInput) {
  requireStaff(ctx.actor)
  const version = await getSchemeVersion(deps, ctx, versionId)
  const scheme = version.document
  const problems: FieldProblem[] = []
  // Evidence for an item this version does not have would be silently ignored by the engine: name it instead.
  const codes = new Set(scheme.checklist.map((item) => item.code))
  for (const code of Object.keys(input.evidence).sort()) {
    if (!codes.has(code)) {
      problems.push({
        path: `body.evidence.${code}`,
        message: `not a checklist item of scheme version ${version.number}`
      })
    }
  }
  // Answers go through the same normalisation as a real response (conditional *_WITHOUT questions,
  // src/domain/README.md).
  const responses = input.responses.map(({ answers }, index) => {
    const normalised = normaliseFeedbackAnswers(scheme.instrument, answers)
    if (normalised.ok) return { answers: normalised.value }
    for (const p of normalised.error.errors ?? []) {
      problems.push({ path: `body.responses.${index}.answers${p.path === '' ? '' : `.${p.path}`}`, message: p.message })
    }
    return { answers: {} }
  })
  if (problems.length > 0) {
    throw new DomainError(
      'WHAT_IF_INPUT_INVALID',
      'invalid',
      `The hypothetical input does not fit scheme version ${version.number}: ${problems.map((p) => p.path).join(', ')}`,
      { errors: problems }
    )
  }
  const result: ScoringResult = scoreAssessment({
    scheme,
    profile: input.profile,
    evidence: input.evidence,
    responses,
    concerns: input.concerns,
    cqcRating: input.cqcRating,
    decisionDate: input.decisionDate ?? isoDate(ctx.now)
  })
  return { schemeVersion: { id: version.id, number: version.number, status: version.status }, result }
}

/**
 * A real assessment scored today under a version of the scheme (a draft, typically) beside the version in force:
 * what its level would be were the draft published. Nothing is saved.
 */
export async function compareAssessmentUnder (deps: Deps, ctx: Ctx, versionId: string, assessmentId: string) {
  const staff = requireStaff(ctx.actor)
  const [version, inForce, assessment] = await Promise.all([
    getSchemeVersion(deps, ctx, versionId),
    getCurrentPublishedScheme(deps.db, staff.councilId),
    findAssessment(deps.db, assessmentId)
  ])
  if (assessment === undefined || assessment.councilId !== staff.councilId) throw notFound('Assessment')
  const today = isoDate(ctx.now)
  const [under, now] = await Promise.all([
    scoreAssessmentOn(deps.db, assessment, today, [], version.document),
    scoreAssessmentOn(deps.db, assessment, today, [], inForce.document)
  ])
  const summary = (v: typeof version) => ({ id: v.id, number: v.number, status: v.status })
  return {
    assessment,
    version: { ...summary(version), result: under.result },
    inForce: { ...summary(inForce), result: now.result }
  }
}
