// Sign-in rules (README: Sign-in and sessions): when a session or a sign-in link stops working, and how a browser is
// named in a person's list of sessions. Pure: time comes in as an argument.

export interface SessionPolicy {
  idleMinutes: number
  absoluteHours: number
}

export type SessionState = 'active' | 'idle' | 'expired'

/** A session ends after idleMinutes without a request, and absoluteHours after sign-in however active it is. */
export function sessionState (
  s: { lastSeenAt: Date; expiresAt: Date },
  now: Date,
  policy: SessionPolicy
): SessionState {
  if (now.getTime() >= s.expiresAt.getTime()) return 'expired'
  if (now.getTime() - s.lastSeenAt.getTime() >= policy.idleMinutes * 60_000) return 'idle'
  return 'active'
}

export const sessionExpiry = (start: Date, policy: SessionPolicy): Date =>
  new Date(start.getTime() + policy.absoluteHours * 3_600_000)

/** The earliest last activity a session may have and still be open. */
export const idleCutoff = (now: Date, policy: SessionPolicy): Date =>
  new Date(now.getTime() - policy.idleMinutes * 60_000)

export type LinkState = 'valid' | 'used' | 'expired' | 'unknown'

export function signInLinkState (link: { usedAt: Date | null; expiresAt: Date } | undefined, now: Date): LinkState {
  if (link === undefined) return 'unknown'
  if (link.usedAt !== null) return 'used'
  return now.getTime() < link.expiresAt.getTime() ? 'valid' : 'expired'
}

const browsers: Array<[RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari']
]
const systems: Array<[RegExp, string]> = [
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux']
]

/** "Firefox on Windows" from a User-Agent header: enough to tell sessions apart, nothing more is kept. */
export function deviceLabel (userAgent: string | undefined): string {
  const ua = userAgent ?? ''
  const browser = browsers.find(([re]) => re.test(ua))?.[1]
  const system = systems.find(([re]) => re.test(ua))?.[1]
  if (system === undefined) return browser ?? 'Unknown browser'
  return `${browser ?? 'A browser'} on ${system}`
}
