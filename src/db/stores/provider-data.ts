// Everything held about one provider and its people, read for an export and erased on request (README: Security and
// privacy, export and erasure). Erasure blanks personal fields where they live and redacts the personal terms
// wherever a copy was written (messages, outbox, webhook bodies, the audit through redact_audit_events).
import { and, eq, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import {
  apiTokens,
  appeals,
  assessments,
  auditEvents,
  awards,
  concerns,
  councils,
  evidence,
  evidenceFiles,
  feedbackHeld,
  feedbackResponses,
  interests,
  notificationMessages,
  notificationPreferences,
  outbox,
  providers,
  users,
  webhookDeliveries
} from '../schema/index.js'

export type ProviderRecord = typeof providers.$inferSelect

export async function findProvider (q: Queryable, providerId: string): Promise<ProviderRecord | undefined> {
  const [row] = await q.select().from(providers).where(eq(providers.id, providerId))
  return row
}

/** Open appeals and concerns about the provider: while any runs, nothing may be exported or erased. */
export async function countOpenCases (q: Queryable, providerId: string): Promise<number> {
  const open = async (table: typeof appeals | typeof concerns) =>
    (await q
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.providerId, providerId), ne(table.state, 'closed')))).length
  return (await open(appeals)) + (await open(concerns))
}

const ids = (rows: Array<{ id: string }>): string[] => rows.map((r) => r.id)
const anyOf = (column: Parameters<typeof inArray>[0], values: string[]): SQL =>
  values.length === 0 ? sql`false` : inArray(column, values)

/** The rows of every table that are about the provider or its people. */
export async function loadProviderData (q: Queryable, provider: ProviderRecord) {
  const [council] = await q
    .select({ id: councils.id, name: councils.name })
    .from(councils)
    .where(eq(councils.id, provider.councilId))
  if (council === undefined) throw new Error(`provider ${provider.id} names a council that is not there`)
  const people = await q.select().from(users).where(eq(users.providerId, provider.id))
  const userIds = ids(people)
  const assessmentRows = await q.select().from(assessments).where(eq(assessments.providerId, provider.id))
  const evidenceRows = await q.select().from(evidence).where(eq(evidence.providerId, provider.id))
  // The files' records only: their content is read a file at a time as the archive is sent (src/use-cases/
  // provider-data.ts), never loaded here.
  const files = await q.select().from(evidenceFiles)
    .where(anyOf(evidenceFiles.evidenceId, ids(evidenceRows)))
    .orderBy(evidenceFiles.createdAt, evidenceFiles.id)
  const awardRows = await q.select().from(awards).where(eq(awards.providerId, provider.id))
  const concernRows = await q.select().from(concerns).where(eq(concerns.providerId, provider.id))
  const appealRows = await q.select().from(appeals).where(eq(appeals.providerId, provider.id))
  const entityIds = [
    provider.id,
    ...userIds,
    ...ids(assessmentRows),
    ...ids(evidenceRows),
    ...ids(awardRows),
    ...ids(concernRows),
    ...ids(appealRows)
  ]
  return {
    council,
    provider,
    users: people,
    tokens: await q
      .select({
        id: apiTokens.id,
        userId: apiTokens.userId,
        prefix: apiTokens.prefix,
        label: apiTokens.label,
        createdAt: apiTokens.createdAt,
        expiresAt: apiTokens.expiresAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt
      })
      .from(apiTokens)
      .where(anyOf(apiTokens.userId, userIds)),
    notificationPreferences: await q
      .select()
      .from(notificationPreferences)
      .where(anyOf(notificationPreferences.userId, userIds)),
    notificationMessages: await q
      .select()
      .from(notificationMessages)
      .where(anyOf(notificationMessages.recipientUserId, userIds)),
    assessments: assessmentRows,
    evidence: evidenceRows,
    files,
    awards: awardRows,
    concerns: concernRows,
    appeals: appealRows,
    // Not exported: single responses are anonymous and never the provider's to read (src/domain/README.md: roles);
    // their comments are read only to erase every copy of them.
    feedbackComments: [
      ...(await q.select({ comment: feedbackResponses.comment }).from(feedbackResponses)
        .where(and(eq(feedbackResponses.providerId, provider.id), isNotNull(feedbackResponses.comment)))),
      ...(await q.select({ comment: feedbackHeld.comment }).from(feedbackHeld)
        .where(and(eq(feedbackHeld.providerId, provider.id), isNotNull(feedbackHeld.comment))))
    ].flatMap((r) => (r.comment === null ? [] : [r.comment])),
    auditEvents: await q
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.councilId, provider.councilId), anyOf(auditEvents.entityId, entityIds)))
      .orderBy(auditEvents.id)
  }
}

export type ProviderData = Awaited<ReturnType<typeof loadProviderData>>

const termArray = (terms: string[]): SQL =>
  terms.length === 0 ? sql`'{}'::text[]` : sql`array[${sql.join(terms.map((t) => sql`${t}`), sql`, `)}]::text[]`

/**
 * Erases in the caller's transaction. Kept: the award rows as published, the answers of feedback responses (anonymous,
 * behind the aggregates), the rows and states of assessments, evidence, concerns and appeals, and every audit row with
 * its shape. Blanked: names, contact details, free text, evidence files, and every copy of them.
 */
export async function eraseProviderData (q: Queryable, data: ProviderData, terms: string[], now: Date): Promise<void> {
  const p = data.provider
  const userIds = ids(data.users)
  const redact = termArray(terms)
  const text = (column: Parameters<typeof sql>[1]) => sql`redact_text(${column}, ${redact})`
  await q
    .update(providers)
    .set({
      name: 'Erased provider',
      description: '',
      contact: {},
      postcode: '',
      latitude: null,
      longitude: null,
      cqcLocationId: null,
      charityNumber: null,
      companyNumber: null,
      status: 'inactive',
      deactivatedAt: p.deactivatedAt ?? now,
      erasedAt: now,
      updatedAt: now,
      version: sql`${providers.version} + 1`
    })
    .where(eq(providers.id, p.id))
  if (userIds.length > 0) {
    await q.update(users).set({ name: 'Erased user', email: null, active: false, updatedAt: now })
      .where(inArray(users.id, userIds))
    await q.update(apiTokens).set({ revokedAt: now })
      .where(and(inArray(apiTokens.userId, userIds), sql`${apiTokens.revokedAt} is null`))
    await q.update(notificationPreferences).set({ phone: null }).where(inArray(notificationPreferences.userId, userIds))
    await q.update(notificationMessages).set({ address: '', subject: '', body: '' })
      .where(inArray(notificationMessages.recipientUserId, userIds))
  }
  await q.update(assessments)
    .set({
      providerComment: null,
      infoRequestNote: null,
      infoResponseNote: null,
      decisionReason: text(assessments.decisionReason),
      scoreSnapshot: sql`redact_json(${assessments.scoreSnapshot}, ${redact})`
    })
    .where(eq(assessments.providerId, p.id))
  await q.delete(evidenceFiles).where(anyOf(evidenceFiles.evidenceId, ids(data.evidence)))
  await q.update(evidence).set({ narrative: null, reviewerNote: null }).where(eq(evidence.providerId, p.id))
  await q.update(awards).set({ statusReason: text(awards.statusReason) }).where(eq(awards.providerId, p.id))
  await q.update(concerns).set({ summary: '[erased]' }).where(eq(concerns.providerId, p.id))
  // The request to join it came from: who asked, and the emails sent to them before they had an account.
  const asked = await q.select({ email: interests.email }).from(interests).where(eq(interests.providerId, p.id))
  await q.update(interests)
    .set({
      businessName: 'Erased provider', contactName: 'Erased user', email: '', phone: null, offer: '', postcode: ''
    })
    .where(eq(interests.providerId, p.id))
  const addresses = asked.map((a) => a.email).filter((a) => a !== '')
  if (addresses.length > 0) {
    await q.update(notificationMessages).set({ address: '', subject: '', body: '' })
      .where(inArray(notificationMessages.address, addresses))
  }
  await q.update(appeals).set({ grounds: '[erased]', outcomeReason: null }).where(eq(appeals.providerId, p.id))
  for (const table of [feedbackResponses, feedbackHeld]) {
    await q.update(table).set({ comment: null }).where(and(eq(table.providerId, p.id), isNotNull(table.comment)))
  }
  await q.update(feedbackResponses).set({ commentStatus: 'erased' })
    .where(and(eq(feedbackResponses.providerId, p.id), isNotNull(feedbackResponses.commentStatus)))
  // Copies written elsewhere in the council: messages to staff, events waiting to be sent, webhook bodies, the audit.
  const council = p.councilId
  await q.update(notificationMessages)
    .set({ subject: text(notificationMessages.subject), body: text(notificationMessages.body) })
    .where(eq(notificationMessages.councilId, council))
  await q.update(outbox).set({ payload: sql`redact_json(${outbox.payload}, ${redact})` })
    .where(or(eq(outbox.councilId, council), eq(outbox.recipientProviderId, p.id)))
  await q.update(webhookDeliveries).set({ body: text(webhookDeliveries.body) })
    .where(eq(webhookDeliveries.councilId, council))
  await q.execute(sql`select redact_audit_events(${council}::uuid, ${redact})`)
}
