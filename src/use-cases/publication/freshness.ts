// Push-based freshness of the public feeds (README: Publication, freshness). The version triggers announce
// every new publication version (NOTIFY on PUBLICATION_CHANNEL, delivered at commit); while this instance
// listens it keeps each council's version in memory and drops it when a newer one is announced, so a cached
// page costs no query. While the listener is down every request reads the version from the database again,
// and when it is back everything known is dropped once, since announcements may have been missed meanwhile.
// With a read replica, a version is taken from it only once it has caught up with what was announced, or
// while it is behind by less than `maxLagMs`: the version (and so the ETag) is always the one of the data served.
import type { Queryable } from '../../db/client.js'
import type { ChannelListener } from '../../db/listener.js'
import { DomainError } from '../../domain/errors.js'
import { loadPublicCouncil, type PublicCouncil } from './listings.js'

export const PUBLICATION_CHANNEL = 'publication_version'

/** After a replica fails, the primary answers alone for this long before the replica is tried again. */
const REPLICA_REST_MS = 5000

/** A council's public view: its version, and a database holding data at least as new as that version. */
export interface PublicSource {
  council: PublicCouncil
  db: Queryable
}

export interface PublicationFreshness extends ChannelListener {
  /** The council of a public URL: from memory while listening and nothing newer was announced, else read. */
  source: (slug: string) => Promise<PublicSource>
  /** The council of a public URL when it is known in memory now (listening, nothing newer announced), else none. */
  held: (slug: string) => PublicSource | undefined
  /** Runs a read on the source's database, or on the primary if a replica fails (the primary is never older). */
  read: <T>(source: PublicSource, fn: (db: Queryable) => Promise<T>) => Promise<T>
}

export interface FreshnessOptions {
  primary: Queryable
  replica?: Queryable | undefined
  /** How far behind the announced version a replica may answer (bounded staleness), in milliseconds. */
  maxLagMs?: number
  /** Monotonic milliseconds (performance.now), injectable for tests. */
  now?: () => number
}

interface Announced {
  version: number
  at: number
}

export function publicationFreshness (opts: FreshnessOptions): PublicationFreshness {
  const { primary, replica } = opts
  const maxLagMs = opts.maxLagMs ?? 1000
  const now = opts.now ?? (() => performance.now())
  let listening = false
  // Bumped whenever listening starts or stops: a read begun before cannot be remembered after.
  let epoch = 0
  const known = new Map<string, PublicSource>()
  const announced = new Map<string, Announced>()
  let replicaRestsUntil = -Infinity

  const forgetAll = () => {
    known.clear()
    announced.clear()
    epoch++
  }
  const announce = (councilId: string, version: number): Announced => {
    const a = announced.get(councilId)
    if (a !== undefined && a.version >= version) return a
    const newer = { version, at: now() }
    announced.set(councilId, newer)
    return newer
  }
  const replicaFailed = () => {
    replicaRestsUntil = now() + REPLICA_REST_MS
    for (const [slug, s] of known) if (s.db !== primary) known.delete(slug)
  }
  const usableReplica = () => (replica !== undefined && listening && now() >= replicaRestsUntil ? replica : undefined)
  const fromPrimary = async (slug: string): Promise<PublicSource> => ({
    council: await loadPublicCouncil(primary, slug),
    db: primary
  })

  /** Reads the version where it may be read; `remember` says whether it is as new as anything announced. */
  async function readSource (slug: string): Promise<{ source: PublicSource; remember: boolean }> {
    const fromReplica = usableReplica()
    if (fromReplica === undefined) return { source: await fromPrimary(slug), remember: true }
    let council: PublicCouncil
    try {
      council = await loadPublicCouncil(fromReplica, slug)
    } catch (err) {
      if (!(err instanceof DomainError)) replicaFailed() // a council not replicated yet is asked of the primary
      return { source: await fromPrimary(slug), remember: true }
    }
    // Nothing heard of this council since listening began: learn the primary's version to compare with.
    const a = announced.get(council.id) ?? announce(council.id, (await loadPublicCouncil(primary, slug)).version)
    if (council.version >= a.version) return { source: { council, db: fromReplica }, remember: true }
    if (now() - a.at <= maxLagMs) return { source: { council, db: fromReplica }, remember: false }
    return { source: await fromPrimary(slug), remember: true }
  }

  return {
    onNotify: (payload) => {
      const [councilId, version] = payload.split(' ')
      if (councilId === undefined || version === undefined) return
      const newest = announce(councilId, Number(version)).version
      for (const [slug, s] of known) if (s.council.id === councilId && s.council.version < newest) known.delete(slug)
    },
    onListening: () => {
      forgetAll()
      listening = true
    },
    onLost: () => {
      listening = false
      forgetAll()
    },
    held: (slug) => (listening ? known.get(slug) : undefined),
    source: async (slug) => {
      const held = listening ? known.get(slug) : undefined
      if (held !== undefined) return held
      const began = epoch
      const { source, remember } = await readSource(slug)
      const newest = announced.get(source.council.id)?.version ?? 0
      if (remember && listening && began === epoch && source.council.version >= newest) known.set(slug, source)
      return source
    },
    read: async (source, fn) => {
      if (source.db === primary) return await fn(primary)
      try {
        return await fn(source.db)
      } catch (err) {
        if (err instanceof DomainError) throw err
        replicaFailed()
        return await fn(primary)
      }
    }
  }
}
