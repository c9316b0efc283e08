// The service's configuration: one zod schema over the environment, validated once at boot.
import { z } from 'zod'

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
  // A postcodes.io-compatible API (self-hosted) to place postcodes; without it the imported reference table is used.
  POSTCODES_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()
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
