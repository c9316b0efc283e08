// Test fixtures for awards before (or without) the assessment API: a published scheme, a decided assessment
// with its award, and evidence rows — inserted directly, so concern, appeal and job tests set up in one call.
import { and, eq } from 'drizzle-orm'
import type { Database } from '../../src/db/client.js'
import { assessments, awards, evidence, schemeVersions } from '../../src/db/schema/index.js'
import type { StoredEvidenceStatus } from '../../src/domain/evidence/evidence-rules.js'
import { createDefaultSchemeDocument } from '../../src/domain/scheme/default-scheme.js'
import type { AwardState } from '../../src/domain/workflow/index.js'

/** The council's published scheme version 1 (the default scheme), created once. */
export async function ensurePublishedScheme (db: Database, councilId: string): Promise<string> {
  const [found] = await db
    .select({ id: schemeVersions.id })
    .from(schemeVersions)
    .where(and(eq(schemeVersions.councilId, councilId), eq(schemeVersions.status, 'published')))
  if (found !== undefined) return found.id
  const [row] = await db
    .insert(schemeVersions)
    .values({
      councilId,
      number: 1,
      status: 'published',
      document: createDefaultSchemeDocument(),
      publishedAt: new Date('2025-01-01T00:00:00Z')
    })
    .returning()
  return row!.id
}

export interface AwardFixture {
  councilId: string
  providerId: string
  level?: 'gold' | 'silver' | 'bronze'
  computedLevel?: 'gold' | 'silver' | 'bronze'
  status?: AwardState
  validFrom: string
  validTo: string
  /** who proposed and published the decision */
  decidedBy: string
  proposedBy?: string
  decidedAt?: Date
}

/** A decided, awarded assessment and its award; returns both ids. */
export async function insertAward (db: Database, f: AwardFixture): Promise<{ assessmentId: string; awardId: string }> {
  const schemeVersionId = await ensurePublishedScheme(db, f.councilId)
  const level = f.level ?? 'silver'
  const decidedAt = f.decidedAt ?? new Date(`${f.validFrom}T09:00:00Z`)
  const [a] = await db
    .insert(assessments)
    .values({
      councilId: f.councilId,
      providerId: f.providerId,
      kind: 'initial',
      state: 'decided',
      schemeVersionId,
      computedLevel: f.computedLevel ?? level,
      proposedLevel: level,
      proposedBy: f.proposedBy ?? f.decidedBy,
      proposedAt: decidedAt,
      outcome: 'awarded',
      decidedBy: f.decidedBy,
      decidedAt
    })
    .returning()
  const [w] = await db
    .insert(awards)
    .values({
      councilId: f.councilId,
      providerId: f.providerId,
      assessmentId: a!.id,
      level,
      status: f.status ?? 'active',
      validFrom: f.validFrom,
      validTo: f.validTo,
      decidedBy: f.decidedBy,
      publishedAt: decidedAt
    })
    .returning()
  await db.update(assessments).set({ awardId: w!.id }).where(eq(assessments.id, a!.id))
  return { assessmentId: a!.id, awardId: w!.id }
}

export interface EvidenceFixture {
  councilId: string
  providerId: string
  assessmentId: string
  itemCode: string
  expiresOn?: string | null
  issuedOn?: string | null
  status?: StoredEvidenceStatus
  reviewedAt?: Date
}

export async function insertEvidence (db: Database, f: EvidenceFixture): Promise<string> {
  const [row] = await db
    .insert(evidence)
    .values({
      councilId: f.councilId,
      providerId: f.providerId,
      assessmentId: f.assessmentId,
      itemCode: f.itemCode,
      kind: 'document',
      status: f.status ?? 'verified',
      issuedOn: f.issuedOn ?? null,
      expiresOn: f.expiresOn ?? null,
      reviewedAt: f.reviewedAt ?? new Date('2025-01-01T00:00:00Z')
    })
    .returning()
  return row!.id
}

/** The portal tests' mark: gold, published on 1 March 2026 for a year by the council's co-ordinator. */
export const insertGoldAward = async (db: Database, c: { id: string; coordinator: { id: string } }, provider: string) =>
  await insertAward(db, {
    councilId: c.id,
    providerId: provider,
    level: 'gold',
    validFrom: '2026-03-01',
    validTo: '2027-02-28',
    decidedBy: c.coordinator.id
  })

/** Verified evidence for each item code, running out on its date. */
export async function insertExpiringEvidence (
  db: Database,
  piece: Omit<EvidenceFixture, 'itemCode' | 'expiresOn'>,
  expiries: Record<string, string>
): Promise<void> {
  for (const [itemCode, expiresOn] of Object.entries(expiries)) {
    await insertEvidence(db, { ...piece, itemCode, expiresOn })
  }
}
