// The co-ordinator's portal in tests: a co-ordinator signed in through the pages, and the queue's records made
// directly in the database (each state the work queue reads), so a test sets up a whole queue in one call.
import { assessments, appeals, concerns, notificationMessages } from '../../src/db/schema/index.js'
import type { AssessmentState } from '../../src/domain/workflow/index.js'
import type { CouncilFixture, TestApp } from './app.js'
import { ensurePublishedScheme, insertAward, insertEvidence } from './awards.js'
import { browserClient, setEmail, signInByEmail, type BrowserClient } from './sign-in.js'

/** A browser client signed in as the council's co-ordinator (their email set to `email`). */
export async function signedInStaff (
  h: TestApp,
  person: { id: string },
  email: string
): Promise<BrowserClient> {
  await setEmail(h, person.id, email)
  const b = browserClient(h)
  const account = await signInByEmail(h, b, email)
  if (account.statusCode !== 200) throw new Error(`sign-in ended with ${account.statusCode}`)
  return b
}

const day = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000)
  .toISOString().slice(0, 10)

export async function insertAssessment (
  h: TestApp,
  c: CouncilFixture,
  providerId: string,
  state: AssessmentState,
  over: Partial<typeof assessments.$inferInsert> = {}
): Promise<string> {
  const schemeVersionId = await ensurePublishedScheme(h.db.db, c.id)
  const [row] = await h.db.db.insert(assessments).values({
    councilId: c.id, providerId, kind: 'initial', state, schemeVersionId, ...over
  }).returning()
  return row!.id
}

/** One record of every section of the queue for one provider, dated from `today`. */
export async function fillQueue (h: TestApp, c: CouncilFixture, providerId: string, today: string) {
  const at = (days: number) => new Date(`${day(today, days)}T09:00:00Z`)
  const submitted = await insertAssessment(h, c, providerId, 'submitted', { updatedAt: at(-3) })
  const answered = await insertAssessment(h, c, providerId, 'under_review', {
    infoRequestNote: 'Which days?', infoResponseNote: 'Mondays', updatedAt: at(-2)
  })
  const ready = await insertAssessment(h, c, providerId, 'ready_for_decision', { updatedAt: at(-1) })
  const proposed = await insertAssessment(h, c, providerId, 'decision_proposed', {
    factualAccuracyEndsOn: day(today, 4), proposedLevel: 'silver'
  })
  const { assessmentId, awardId } = await insertAward(h.db.db, {
    councilId: c.id, providerId, validFrom: day(today, -330), validTo: day(today, 35), decidedBy: c.coordinator.id
  })
  const evidence = await insertEvidence(h.db.db, {
    councilId: c.id, providerId, assessmentId, itemCode: 'INS_PL', expiresOn: day(today, 5)
  })
  const [concern] = await h.db.db.insert(concerns).values({
    councilId: c.id, providerId, source: 'safeguarding', summary: 'Worried', raisedOn: today, createdAt: at(-1)
  }).returning()
  const [appeal] = await h.db.db.insert(appeals).values({
    councilId: c.id,
    providerId,
    subjectType: 'decision',
    assessmentId,
    grounds: 'Unfair',
    decisionMakerIds: [],
    lodgedAt: at(-6)
  }).returning()
  await h.db.db.insert(notificationMessages).values({
    councilId: c.id,
    kind: 'award_published',
    channel: 'email',
    address: 'x@example.com',
    subject: 's',
    body: 'b',
    status: 'failed',
    attempts: 5,
    createdAt: at(-7)
  })
  return { submitted, answered, ready, proposed, awardId, evidence, concern: concern!.id, appeal: appeal!.id }
}
