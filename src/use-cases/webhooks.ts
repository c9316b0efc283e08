// Webhooks for directories that want pushes (src/domain/README.md: Publication): a co-ordinator registers an
// endpoint and gets its secret once; award events from the outbox fan out to one delivery row per subscription;
// each POST is signed like Stripe's (t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">) and retried with
// exponential back-off for up to a day, every attempt logged for the subscriber.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { awardTopics, type DeliveryStatus, type WebhookAttempt, type WebhookEvent } from '../db/schema/index.js'
import {
  claimDueDeliveries,
  countActiveSubscriptions,
  countDeliveries,
  deactivateSubscription,
  findEventsToFanOut,
  findSubscription,
  insertDelivery,
  insertSubscription,
  listSubscriptions,
  pageDeliveries,
  recordDeliveryAttempt,
  type ClaimedDelivery,
  type Subscription
} from '../db/stores/webhooks.js'
import { DomainError } from '../domain/errors.js'
import { notFound, requireStaff } from './access.js'
import { recordAudit } from './audit.js'
import { fetchPage } from './pagination.js'
import type { Ctx, Deps } from './context.js'
import { getPublicAward } from './publication/native-feed.js'
import { checkTarget, pinnedLookup, type CheckedTarget } from './webhook-targets.js'
import { generateSecret } from './tokens.js'

export const WEBHOOK_EVENTS = awardTopics
export type { WebhookEvent }
export const SIGNATURE_HEADER = 'x-qualitymark-signature'

const GIVE_UP_AFTER_MS = 24 * 3600_000
const FIRST_RETRY_MS = 30_000
const MAX_RETRY_MS = 6 * 3600_000
// A claimed delivery whose instance died is retried once its lease runs out.
const LEASE_MS = 5 * 60_000

/** Wait before the next try after `attempts` failures: 30 s, 1 min, 2 min ... at most 6 h. */
export const retryDelayMs = (attempts: number): number =>
  Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1))

const hmacOf = (secret: string, body: string, unixSeconds: number): Buffer =>
  createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest()

export function signatureOf (secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmacOf(secret, body, unixSeconds).toString('hex')}`
}

/** For subscribers (and tests): checks the header against the body, refusing stale timestamps (replays). */
export function verifySignature (
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300
): boolean {
  const parts = new Map(
    (header ?? '').split(',').map((part) => {
      const [key = '', value] = part.split('=', 2)
      return [key, value]
    })
  )
  const t = Number(parts.get('t'))
  const v1 = parts.get('v1')
  if (!Number.isInteger(t) || v1 === undefined || Math.abs(nowSeconds - t) > toleranceSeconds) return false
  const expected = hmacOf(secret, body, t)
  const given = Buffer.from(v1, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

const targetRules = (deps: Deps) => ({ allowLoopback: deps.config.WEBHOOK_ALLOW_LOOPBACK })

/** Refuses what checkTarget refuses (src/use-cases/webhook-targets.ts), and more than WEBHOOKS_PER_COUNCIL. */
async function assertMayRegister (deps: Deps, councilId: string, url: string): Promise<void> {
  await checkTarget(url, targetRules(deps), deps.resolveHost)
  if ((await countActiveSubscriptions(deps.db, councilId)) >= deps.config.WEBHOOKS_PER_COUNCIL) {
    throw new DomainError(
      'WEBHOOK_LIMIT_REACHED',
      'invalid',
      `A council may hold ${deps.config.WEBHOOKS_PER_COUNCIL} active webhooks; stop one before adding another`,
      { errors: [{ path: 'url', message: `at most ${deps.config.WEBHOOKS_PER_COUNCIL} active webhooks` }] }
    )
  }
}

export interface WebhookInput {
  url: string
  description?: string | undefined
  events?: WebhookEvent[] | undefined
}

/** Registers an endpoint; the secret is returned here once and never again (only its use proves it). */
export async function registerWebhook (deps: Deps, ctx: Ctx, input: WebhookInput) {
  const staff = requireStaff(ctx.actor)
  await assertMayRegister(deps, staff.councilId, input.url)
  const secret = generateSecret('whsec_')
  return await deps.db.transaction(async (tx) => {
    const row = await insertSubscription(tx, {
      councilId: staff.councilId,
      url: input.url,
      description: input.description ?? '',
      secret,
      events: input.events ?? [...WEBHOOK_EVENTS],
      createdBy: staff.userId
    })
    await recordAudit(tx, ctx, {
      councilId: staff.councilId,
      entityType: 'webhook',
      entityId: row.id,
      action: 'register',
      toState: 'active',
      after: { url: input.url, events: row.events }
    })
    return { ...row, secret }
  })
}

/** A subscription of the acting co-ordinator's council. */
export async function getWebhook (deps: Deps, ctx: Ctx, id: string): Promise<Subscription> {
  const staff = requireStaff(ctx.actor)
  const row = await findSubscription(deps.db, staff.councilId, id)
  if (row === undefined) throw notFound('Webhook')
  return row
}

export async function listWebhooks (deps: Deps, ctx: Ctx) {
  return await listSubscriptions(deps.db, requireStaff(ctx.actor).councilId)
}

/** Stops deliveries (pending ones are abandoned); the log stays readable. */
export async function deactivateWebhook (deps: Deps, ctx: Ctx, id: string) {
  const staff = requireStaff(ctx.actor)
  const sub = await getWebhook(deps, ctx, id)
  await deps.db.transaction(async (tx) => {
    await deactivateSubscription(tx, id, ctx.now)
    await recordAudit(tx, ctx, {
      councilId: staff.councilId,
      entityType: 'webhook',
      entityId: id,
      action: 'deactivate',
      fromState: 'active',
      toState: 'inactive'
    })
  })
  return { ...sub, active: false }
}

export async function listWebhookDeliveries (
  deps: Deps,
  ctx: Ctx,
  id: string,
  page: { page: number; perPage: number }
) {
  await getWebhook(deps, ctx, id)
  return await fetchPage(
    page,
    async (limit, offset) => await pageDeliveries(deps.db, id, limit, offset),
    async () => await countDeliveries(deps.db, id)
  )
}

/**
 * Turns new award events into one delivery per active subscription that wants them. Idempotent and safe on
 * several instances: the (subscription, event) pair is unique, a second insert does nothing.
 */
export async function fanOutAwardEvents (deps: Deps, now: Date, limit = 200): Promise<number> {
  const pending = await findEventsToFanOut(deps.db, limit)
  let created = 0
  for (const p of pending) {
    if (p.awardId === undefined) continue
    const council = { ...p.council, version: 0 }
    // The award as published now, public fields only (never the payload's internals, never a reason).
    const data = await getPublicAward(deps.db, council, deps.config.publicBaseUrl, p.awardId).catch(() => null)
    if (data === null) continue
    const id = randomUUID()
    const body = JSON.stringify({
      id,
      event: p.topic,
      occurredAt: p.occurredAt.toISOString(),
      council: { slug: p.council.slug, name: p.council.name },
      data
    })
    const inserted = await insertDelivery(deps.db, {
      id,
      councilId: p.councilId,
      subscriptionId: p.subscriptionId,
      outboxId: p.outboxId,
      event: p.topic,
      body,
      nextAttemptAt: now,
      createdAt: now
    })
    if (inserted) created++
  }
  return created
}

/** One signed POST to the checked address: no redirect followed, no other address tried, the body not read. */
async function post (deps: Deps, d: ClaimedDelivery, now: Date, timeoutMs: number): Promise<WebhookAttempt> {
  const started = performance.now()
  const attempt = (status: number | null, error: string | null): WebhookAttempt => ({
    at: now.toISOString(),
    status,
    error,
    durationMs: Math.round(performance.now() - started)
  })
  try {
    const target = await checkTarget(d.url, targetRules(deps), deps.resolveHost)
    const status = await sendTo(target, d.body, timeoutMs, {
      'content-type': 'application/json',
      'user-agent': 'QualityMark-Webhooks/1',
      'x-qualitymark-event': d.event,
      'x-qualitymark-delivery': d.id,
      [SIGNATURE_HEADER]: signatureOf(d.secret, d.body, Math.floor(now.getTime() / 1000))
    })
    return attempt(status, status >= 200 && status < 300 ? null : `HTTP ${status}`)
  } catch (err) {
    return attempt(null, err instanceof Error ? err.message.slice(0, 300) : 'request failed')
  }
}

async function sendTo (target: CheckedTarget, body: string, timeoutMs: number, headers: Record<string, string>) {
  const { url } = target
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest
  return await new Promise<number>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: pinnedLookup(target),
        signal: AbortSignal.timeout(timeoutMs)
      },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

export interface DeliveryRun {
  fannedOut: number
  delivered: number
  retrying: number
  failed: number
}

/**
 * One run of the delivery worker (the scheduler calls it every few seconds on every instance): fan out new
 * events, then send what is due. A 2xx is delivered; anything else waits retryDelayMs(attempts), and after a
 * day of failures the delivery is marked failed.
 */
export async function deliverWebhooks (
  deps: Deps,
  now: Date,
  opts: { batch?: number; timeoutMs?: number } = {}
): Promise<DeliveryRun> {
  const run: DeliveryRun = { fannedOut: await fanOutAwardEvents(deps, now), delivered: 0, retrying: 0, failed: 0 }
  const claimed = await claimDueDeliveries(deps.db, now, opts.batch ?? 20, new Date(now.getTime() + LEASE_MS))
  await Promise.all(
    claimed.map(async (d) => {
      const attempt = d.subscriptionActive
        ? await post(deps, d, now, opts.timeoutMs ?? 10_000)
        : { at: now.toISOString(), status: null, error: 'subscription deactivated', durationMs: 0 }
      const ok = attempt.error === null
      const next = new Date(now.getTime() + retryDelayMs(d.attempts))
      const giveUp = !ok && (!d.subscriptionActive || next.getTime() - d.createdAt.getTime() > GIVE_UP_AFTER_MS)
      const status: DeliveryStatus = ok ? 'delivered' : giveUp ? 'failed' : 'pending'
      const outcome = {
        status,
        deliveredAt: ok ? now : null,
        nextAttemptAt: ok || giveUp ? now : next
      }
      await recordDeliveryAttempt(deps.db, d.id, outcome, attempt)
      if (ok) run.delivered++
      else if (giveUp) run.failed++
      else run.retrying++
    })
  )
  return run
}
