// Where a webhook may be sent (README: Security and privacy, webhooks): only to public addresses of the internet,
// never into the council's own network. The URL is checked at registration; at every delivery the host name is
// resolved again, every address checked, and the connection made to the checked address itself, so a DNS answer
// that changes after the check (DNS rebinding) cannot redirect it. Addresses are classified by ipaddr.js.
import { lookup as dnsLookup } from 'node:dns/promises'
import type { LookupFunction } from 'node:net'
import ipaddr from 'ipaddr.js'
import { DomainError } from '../domain/errors.js'

export interface ResolvedAddress { address: string; family: number }
/** Name → addresses; injected in tests, the operating system's resolver otherwise. */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>
export const systemResolver: ResolveHost = async (hostname) => await dnsLookup(hostname, { all: true, verbatim: true })

export interface TargetRules {
  /** WEBHOOK_ALLOW_LOOPBACK: development only, this machine's loopback addresses (over http too). */
  allowLoopback: boolean
}

/** A webhook target that passed the checks, and the one address to connect to. */
export interface CheckedTarget { url: URL; address: string; family: 4 | 6; loopback: boolean }

export class TargetRefused extends Error {}

const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR('::/96')

// Names that never leave the machine or the local network (RFC 6761 localhost, RFC 6762 .local, RFC 8375
// home.arpa, the .internal namespace), and single-label names a search domain would complete.
const LOCAL_NAMES = /(^|\.)(localhost|local|localdomain|internal|home\.arpa)$/

/** Why an address may not be a webhook target, or null when it is a public unicast address. */
export function addressProblem (text: string, rules: TargetRules): string | null {
  if (!ipaddr.isValid(text)) return 'is not an IP address'
  const addr = ipaddr.parse(text)
  if (addr instanceof ipaddr.IPv6) {
    const v6 = addr
    const range = v6.range()
    if (range === 'ipv4Mapped') return 'is an IPv4-mapped or IPv4-compatible address'
    if (range === 'loopback') return rules.allowLoopback ? null : 'is a loopback address'
    // ::a.b.c.d (RFC 4291 §2.5.5.1, deprecated), which ipaddr.js counts as unicast
    if (range !== 'unspecified' && v6.match(IPV4_COMPATIBLE)) return 'is an IPv4-mapped or IPv4-compatible address'
    const embedded = embeddedIPv4(v6, range)
    if (embedded !== null) {
      const problem = addressProblem(embedded.toString(), { allowLoopback: false })
      return problem === null ? null : `embeds an IPv4 address that ${problem}`
    }
    return range === 'unicast' ? null : `is a ${range} address`
  }
  const range = addr.range()
  if (range === 'loopback') return rules.allowLoopback ? null : 'is a loopback address'
  return range === 'unicast' ? null : `is a ${range} address`
}

// 6to4 (RFC 3056: 2002:AABB:CCDD::/48) and NAT64 (RFC 6052: 64:ff9b::/96, the last 32 bits) carry an IPv4
// address a gateway will reach; teredo is refused outright (a tunnel the check cannot see through).
function embeddedIPv4 (v6: ipaddr.IPv6, range: string): ipaddr.IPv4 | null {
  const bytes = v6.toByteArray()
  if (range === '6to4') return new ipaddr.IPv4(bytes.slice(2, 6))
  if (range === 'rfc6052') return new ipaddr.IPv4(bytes.slice(12, 16))
  return null
}

const refuse = (message: string) =>
  new DomainError('WEBHOOK_URL_NOT_ALLOWED', 'invalid', `A webhook endpoint ${message}`, {
    errors: [{ path: 'url', message }]
  })

/**
 * The URL as the WHATWG parser reads it (which is also how fetch and the delivery read it: 2130706433, 0x7f000001,
 * 0177.0.0.1 and 127.1 all become 127.0.0.1, [::ffff:127.0.0.1] becomes [::ffff:7f00:1]), checked without DNS.
 * Returns the address literal, or null for a name still to resolve.
 */
export function checkTargetUrl (text: string, rules: TargetRules): { url: URL; literal: string | null } {
  const url = new URL(text)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('must be an https URL')
  if (url.username !== '' || url.password !== '') throw refuse('must not carry a user name or password')
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const literal = ipaddr.isValid(host) ? host : null
  if (literal !== null) {
    const problem = addressProblem(literal, rules)
    if (problem !== null) throw refuse(`must be a public address: ${host} ${problem}`)
  } else {
    const name = host.replace(/\.+$/, '').toLowerCase()
    const local = name === '' || !name.includes('.') || LOCAL_NAMES.test(name)
    if (local && !(rules.allowLoopback && name === 'localhost')) {
      throw refuse(`must be a public host name: ${host} names this machine or a local network`)
    }
  }
  return { url, literal }
}

/** The full check: the URL, then every address its name resolves to. http only to loopback, with the allowance. */
export async function checkTarget (text: string, rules: TargetRules, resolve: ResolveHost): Promise<CheckedTarget> {
  const { url, literal } = checkTargetUrl(text, rules)
  let addresses: ResolvedAddress[]
  try {
    addresses =
      literal !== null ? [{ address: literal, family: literal.includes(':') ? 6 : 4 }] : await resolve(url.hostname)
  } catch {
    throw refuse(`must have a host name that resolves: ${url.hostname} does not`)
  }
  const first = addresses[0]
  if (first === undefined) throw refuse(`must have a host name that resolves: ${url.hostname} does not`)
  for (const a of addresses) {
    const problem = addressProblem(a.address, rules)
    if (problem !== null) {
      throw refuse(`must resolve to public addresses only: ${url.hostname} has ${a.address}, which ${problem}`)
    }
  }
  const loopback = addresses.every((a) => ipaddr.parse(a.address).range() === 'loopback')
  if (url.protocol === 'http:' && !(rules.allowLoopback && loopback)) throw refuse('must be an https URL')
  return { url, address: first.address, family: first.family === 6 ? 6 : 4, loopback }
}

/** A lookup for http(s).request that answers only the checked address, whatever the name resolves to now. */
export function pinnedLookup (target: CheckedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all === true) callback(null, [{ address: target.address, family: target.family }])
    else callback(null, target.address, target.family)
  }
}
