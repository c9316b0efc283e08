// Test helpers for feedback: an assessment row pinned to the council's published scheme (installing the default
// scheme when the council has none), links made through the API, and complete answer sets.
import { and, desc, eq } from 'drizzle-orm'
import { assessments, schemeVersions } from '../../src/db/schema/index.js'
import { createDefaultSchemeDocument } from '../../src/domain/scheme/index.js'
import type { AssessmentState } from '../../src/domain/workflow/index.js'
import type { CouncilFixture, TestApp } from './app.js'

export async function addAssessment (
  h: TestApp,
  council: CouncilFixture,
  providerId: string,
  state: AssessmentState = 'under_review'
): Promise<string> {
  const db = h.db.db
  let [scheme] = await db
    .select({ id: schemeVersions.id })
    .from(schemeVersions)
    .where(and(eq(schemeVersions.councilId, council.id), eq(schemeVersions.status, 'published')))
    .orderBy(desc(schemeVersions.number))
    .limit(1)
  if (scheme === undefined) {
    ;[scheme] = await db
      .insert(schemeVersions)
      .values({
        councilId: council.id,
        number: 1,
        status: 'published',
        document: createDefaultSchemeDocument(),
        publishedAt: h.clock.now
      })
      .returning({ id: schemeVersions.id })
  }
  const [row] = await db
    .insert(assessments)
    .values({
      councilId: council.id,
      providerId,
      kind: 'initial',
      state,
      schemeVersionId: scheme!.id,
      createdAt: h.clock.now
    })
    .returning({ id: assessments.id })
  return row!.id
}

export async function makeLinks (
  h: TestApp,
  council: CouncilFixture,
  assessmentId: string,
  over: Record<string, unknown> = {}
): Promise<string[]> {
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${assessmentId}/feedback-invitations`,
    headers: h.auth(council.coordinator.token),
    payload: { count: 1, respondentType: 'person', ...over }
  })
  if (res.statusCode !== 201) throw new Error(`invitations: ${res.statusCode} ${res.body}`)
  return res.json().items.map((i: { link: string }) => i.link)
}

/** The path of a link (/feedback/qmf_…), for inject. */
export const pathOf = (link: string): string => new URL(link).pathname

/** Every question answered at the best level; the support makes a difference to time and control. */
export const bestAnswers = (): Record<string, string> => ({
  OCC_NOW: 'as_i_want',
  OCC_AFFECT: 'yes',
  OCC_WITHOUT: 'some_not_enough',
  CTL_NOW: 'as_much_as_i_want',
  CTL_AFFECT: 'yes',
  CTL_WITHOUT: 'none',
  SAFE: 'as_safe_as_i_want',
  DIGNITY: 'better_about_myself',
  RELIABLE: 'always',
  CHOICE: 'always',
  CONTINUITY_STAFF: 'always',
  RECOMMEND: 'definitely'
})
