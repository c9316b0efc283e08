// Session limits, link states and device labels (README: Sign-in and sessions).
import t from 'tap'
import {
  deviceLabel,
  idleCutoff,
  sessionExpiry,
  sessionState,
  signInLinkState
} from '../../../src/domain/sign-in/index.js'

const policy = { idleMinutes: 30, absoluteHours: 12 }
const start = new Date('2026-03-02T10:00:00Z')
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000)

t.test('a session is idle after 30 minutes unused and expired 12 hours after sign-in', async (t) => {
  const s = { lastSeenAt: start, expiresAt: sessionExpiry(start, policy) }
  t.equal(sessionState(s, at(29), policy), 'active')
  t.equal(sessionState(s, at(30), policy), 'idle')
  const busy = { lastSeenAt: at(12 * 60 - 1), expiresAt: s.expiresAt }
  t.equal(sessionState(busy, at(12 * 60 - 1), policy), 'active')
  t.equal(sessionState(busy, at(12 * 60), policy), 'expired', 'activity never extends past the absolute limit')
  t.same(idleCutoff(at(30), policy), start)
})

t.test('a sign-in link is valid once, until it expires', async (t) => {
  const expiresAt = at(15)
  t.equal(signInLinkState(undefined, start), 'unknown')
  t.equal(signInLinkState({ usedAt: null, expiresAt }, at(14)), 'valid')
  t.equal(signInLinkState({ usedAt: null, expiresAt }, at(15)), 'expired')
  t.equal(signInLinkState({ usedAt: at(1), expiresAt }, at(2)), 'used')
})

t.test('browsers are named by browser and system only', async (t) => {
  const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36'
  t.equal(deviceLabel(chrome), 'Chrome on Linux')
  t.equal(deviceLabel('Mozilla/5.0 (Windows NT 10.0; rv:140.0) Gecko/20100101 Firefox/140.0'), 'Firefox on Windows')
  t.equal(deviceLabel('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1'), 'Safari on iOS')
  t.equal(deviceLabel('curl/8.0'), 'Unknown browser')
  t.equal(deviceLabel(undefined), 'Unknown browser')
  t.equal(deviceLabel('Firefox/140.0'), 'Firefox')
  t.equal(deviceLabel('Something (Android 14)'), 'A browser on Android')
})
