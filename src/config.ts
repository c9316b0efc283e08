// The service's configuration: one zod schema over the environment, validated once at boot.
import ipaddr from 'ipaddr.js'
import { z } from 'zod'

// Fastify's trustProxy (README: Security and privacy): off; a number of proxy hops; or the proxies' addresses and
// CIDR ranges (comma-separated; proxy-addr's names loopback, linklocal, uniquelocal too).
const proxyNames = ['loopback', 'linklocal', 'uniquelocal']
const isAddressOrRange = (s: string) => proxyNames.includes(s) || ipaddr.isValid(s) || isCidr(s)
function isCidr (s: string): boolean {
  try {
    ipaddr.parseCIDR(s)
    return true
  } catch {
    return false
  }
}
const trustProxy = z
  .string()
  .transform((v, ctx): false | number | string[] => {
    if (v === 'false') return false
    if (/^\d+$/.test(v)) return Number(v) === 0 ? false : Number(v)
    const list = v.split(',').map((s) => s.trim())
    if (list.every(isAddressOrRange)) return list
    ctx.addIssue({ code: 'custom', message: 'must be false, a hop count, or comma-separated addresses/CIDR ranges' })
    return z.NEVER
  })

const booleanish = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  // With no DATABASE_URL the service runs on embedded PostgreSQL (PGlite) under DATA_DIR.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  // A streaming replica the public feeds read from (falling back to the primary); README: Configuration.
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  // How far the replica may be behind a change this instance has heard of before the primary answers instead.
  DATABASE_READ_MAX_LAG_MS: z.coerce.number().int().min(0).default(1000),
  // Every query on a server is answered or failed within this (statement, lock and connect timeouts, a server
  // that stops answering): the request then gets a 503 with Retry-After (README: Reliability).
  DATABASE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  DATABASE_WATCHDOG: booleanish.default(false),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  // Load the demo council when the embedded database is empty (never with DATABASE_URL).
  DEMO: booleanish.default(true),
  // Requests per minute per client, and failed authentications per minute per client.
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(10),
  // Load shedding (@fastify/under-pressure): answer 503 while the event loop lags more than this (0 = off).
  // Default: 1000 ms on a real server; off on the embedded database, which runs in-process and
  // blocks the event loop by design while it works.
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1_048_576),
  // Scheduled monitoring jobs run inside the service every this many seconds (0 = off).
  JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  // Webhook deliveries to directories are attempted this often (0 = off).
  WEBHOOK_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(10),
  // Notifications (README: notifications): GOV.UK Notify if its key and email template are set, else SMTP, else
  // messages are kept for the demo mailbox page.
  NOTIFY_API_KEY: z
    .string()
    .regex(/^[\w-]+-[0-9a-f-]{36}-[0-9a-f-]{36}$/, 'must be a GOV.UK Notify API key (name-serviceid-secret)')
    .optional(),
  NOTIFY_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default(
    'https://api.notifications.service.gov.uk'
  ),
  NOTIFY_EMAIL_TEMPLATE_ID: z.uuid().optional(),
  NOTIFY_SMS_TEMPLATE_ID: z.uuid().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Quality Mark <quality.mark@localhost>'),
  // A postcodes.io-compatible API (self-hosted) to place postcodes; without it the imported reference table is used.
  POSTCODES_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  // Development only: allow webhook endpoints on this machine (127.0.0.0/8, ::1, localhost), over http too.
  WEBHOOK_ALLOW_LOOPBACK: booleanish.default(false),
  // Active webhook subscriptions a council may hold.
  WEBHOOKS_PER_COUNCIL: z.coerce.number().int().min(1).max(1000).default(10),
  // Requests come through this many proxies, or from these proxy addresses: req.ip is the client they name.
  TRUST_PROXY: trustProxy.default(false),
  // Link answers are held until this many have arrived for an assessment, then released together (at least 3).
  FEEDBACK_RELEASE_BATCH: z.coerce.number().int().min(3).max(100).default(3),
  // An API token issued without an expiry expires after this many days.
  TOKEN_DEFAULT_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // Sign-in and sessions (README: Sign-in and sessions): a session ends after this long unused, and after
  // SESSION_ABSOLUTE_HOURS however active; a sign-in link works once, for SIGN_IN_LINK_MINUTES.
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(168).default(12),
  SIGN_IN_LINK_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
  // Sign-in links sent to one address per hour, and sign-in requests per client per minute.
  SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(5),
  SIGN_IN_REQUESTS_PER_CLIENT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  // Requests to join the scheme (the public form, README: For providers) sent per client per minute.
  JOIN_REQUESTS_PER_CLIENT_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  // Development only: allow councils' OpenID providers on plain http (a local test issuer).
  OIDC_ALLOW_HTTP: booleanish.default(false)
}).refine((c) => c.DATABASE_READ_URL === undefined || c.DATABASE_URL !== undefined, {
  path: ['DATABASE_READ_URL'],
  message: 'needs DATABASE_URL: the replica is read only, the primary takes every change'
})

export type Config = Readonly<
  Omit<z.infer<typeof configSchema>, 'MAX_EVENT_LOOP_DELAY_MS'> & {
    MAX_EVENT_LOOP_DELAY_MS: number
    publicBaseUrl: string
  }
>

export class ConfigError extends Error {}

/** Parse the environment; throws ConfigError naming every bad variable and why. */
export function loadConfig (env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(stripEmpty(env))
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const c = parsed.data
  const publicBaseUrl = (
    c.PUBLIC_BASE_URL ?? `http://${c.HOST === '0.0.0.0' ? 'localhost' : c.HOST}:${c.PORT}`
  ).replace(/\/$/, '')
  const MAX_EVENT_LOOP_DELAY_MS = c.MAX_EVENT_LOOP_DELAY_MS ?? (c.DATABASE_URL === undefined ? 0 : 1000)
  return Object.freeze({ ...c, MAX_EVENT_LOOP_DELAY_MS, publicBaseUrl })
}

// An exported-but-empty variable (FOO=) means "not set", as shells and .env files intend.
function stripEmpty (env: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
}
