// Published awards for publication tests, written as rows (assessment + award + outbox event) so these tests
// do not depend on the assessment workflow's API.
import { and, eq } from 'drizzle-orm'
import { assessments, awards, outbox, postcodeImports, schemeVersions } from '../../src/db/schema/index.js'
import { upsertPostcodeLocations } from '../../src/db/stores/postcodes.js'
import { createDefaultSchemeDocument } from '../../src/domain/scheme/index.js'
import type { AwardState } from '../../src/domain/workflow/index.js'
import type { CouncilFixture, TestApp } from './app.js'

export interface AwardOptions {
  level?: 'gold' | 'silver' | 'bronze'
  status?: AwardState
  validFrom?: string
  validTo?: string
  smallSample?: boolean
}

async function schemeVersionOf (t: TestApp, councilId: string): Promise<string> {
  const [existing] = await t.db.db
    .select({ id: schemeVersions.id })
    .from(schemeVersions)
    .where(eq(schemeVersions.councilId, councilId))
    .limit(1)
  if (existing !== undefined) return existing.id
  const [row] = await t.db.db
    .insert(schemeVersions)
    .values({ councilId, number: 1, status: 'published', document: createDefaultSchemeDocument() })
    .returning()
  return row!.id
}

/** Inserts a decided assessment and its award (active unless told), with the 'award.published' outbox event. */
export async function publishAward (t: TestApp, council: CouncilFixture, providerId: string, o: AwardOptions = {}) {
  const now = t.clock.now
  const [assessment] = await t.db.db
    .insert(assessments)
    .values({
      councilId: council.id,
      providerId,
      kind: 'initial',
      state: 'decided',
      outcome: 'awarded',
      schemeVersionId: await schemeVersionOf(t, council.id),
      decidedAt: now,
      createdAt: now,
      updatedAt: now
    })
    .returning()
  const [award] = await t.db.db
    .insert(awards)
    .values({
      councilId: council.id,
      providerId,
      assessmentId: assessment!.id,
      level: o.level ?? 'gold',
      status: o.status ?? 'active',
      validFrom: o.validFrom ?? '2026-03-02',
      validTo: o.validTo ?? '2027-03-01',
      smallSample: o.smallSample ?? false,
      statusReason: o.status === 'suspended' ? 'safeguarding_investigation: SECRET REASON' : null,
      publishedAt: now,
      createdAt: now,
      updatedAt: now
    })
    .returning()
  await t.db.db.insert(outbox).values({
    councilId: council.id,
    topic: 'award.published',
    dedupeKey: `award:${award!.id}:published`,
    recipientProviderId: providerId,
    payload: { awardId: award!.id, councilId: council.id, providerId, level: award!.level, status: award!.status }
  })
  return award!
}

/** Moves an award to a status as the workflow would: new version and updated_at, reason kept, outbox event. */
export async function setAwardStatus (
  t: TestApp,
  awardId: string,
  status: AwardState,
  reason = 'evidence_lapsed: INS_PL lapsed'
) {
  const [before] = await t.db.db.select().from(awards).where(eq(awards.id, awardId))
  const [after] = await t.db.db
    .update(awards)
    .set({ status, statusReason: reason, updatedAt: t.clock.now, version: before!.version + 1 })
    .where(and(eq(awards.id, awardId)))
    .returning()
  const topic = ['withdrawn', 'revoked', 'expired'].includes(status) ? 'award.withdrawn' : 'award.changed'
  await t.db.db.insert(outbox).values({
    councilId: after!.councilId,
    topic,
    dedupeKey: `award:${awardId}:v${after!.version}`,
    recipientProviderId: after!.providerId,
    payload: { awardId, councilId: after!.councilId, providerId: after!.providerId, level: after!.level, status }
  })
  return after!
}

/** [postcode, latitude, longitude, terminated on] */
export type PlacedPostcode = [string, number, number, string?]

/**
 * Loads postcodes into the reference table as a whole imported edition, so a postcode missing from it is unknown
 * (README: Postcodes and distance search).
 */
export async function importPostcodes (t: TestApp, rows: PlacedPostcode[]): Promise<void> {
  await upsertPostcodeLocations(
    t.db.db,
    rows.map(([postcode, latitude, longitude, terminatedOn]) => ({
      postcode,
      latitude,
      longitude,
      terminatedOn: terminatedOn ?? null
    }))
  )
  await t.db.db
    .insert(postcodeImports)
    .values({ source: 'test', sourceBytes: 1, sourceModified: 'now', finishedAt: new Date('2026-03-01T00:00:00Z') })
}
