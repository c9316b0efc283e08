// Reads kept per council until the council's data changes (README: For co-ordinators, speed). The work queue
// costs eleven section queries and a page of the provider list three; a co-ordinator reloads them far more often
// than anything in them changes. Only reads of watched tables may be kept here: triggers on assessments, evidence,
// awards, concerns, appeals, providers, notification messages and interests announce each change on
// WORK_QUEUE_CHANNEL with the council's id (drizzle/0017), and PostgreSQL delivers a NOTIFY when its transaction
// commits, so once it is heard every later read sees the change. A read is remembered only if nothing was
// announced for its council while it ran (its snapshot may be older than the change), and only while this
// instance listens: when the listener is lost everything is dropped and every read goes to the database until it
// is back. A write through this instance drops everything before its answer is sent (`changed`), so the person
// who acted sees it at once even before the announcement arrives; other instances hear it within milliseconds.
// Entries also expire after `ttlMs`.
import type { ChannelListener } from '../db/listener.js'

export const WORK_QUEUE_CHANNEL = 'work_queue'

export interface CouncilReadCache extends ChannelListener {
  /**
   * `load`'s answer for this council and key: from memory when nothing changed since, else read and kept — unless
   * `keep` says this answer is not one to keep (it rests on something no trigger watches).
   */
  read: <T>(councilId: string, key: string, load: () => Promise<T>, keep?: (value: T) => boolean) => Promise<T>
  /** Something was written through this instance: forget everything (the announcement may come later). */
  changed: () => void
}

export interface CouncilReadCacheOptions {
  /** entries kept at most, the least recently stored dropped first */
  maxEntries?: number
  ttlMs?: number
  /** Monotonic milliseconds (performance.now), injectable for tests. */
  now?: () => number
}

interface Entry {
  value: unknown
  councilId: string
  generation: number
  epoch: number
  at: number
}

export function councilReadCache (opts: CouncilReadCacheOptions = {}): CouncilReadCache {
  const maxEntries = opts.maxEntries ?? 1000
  const ttlMs = opts.ttlMs ?? 60_000
  const now = opts.now ?? (() => performance.now())
  let listening = false
  // Bumped when listening starts or stops and on a local write: a read begun before is not remembered after.
  let epoch = 0
  const generations = new Map<string, number>()
  const entries = new Map<string, Entry>()
  const generationOf = (councilId: string) => generations.get(councilId) ?? 0
  const forgetAll = () => {
    entries.clear()
    epoch++
  }
  const current = (e: Entry) =>
    e.epoch === epoch && e.generation === generationOf(e.councilId) && now() - e.at < ttlMs

  return {
    onNotify: (payload) => {
      const councilId = payload.trim()
      if (councilId !== '') generations.set(councilId, generationOf(councilId) + 1)
    },
    onListening: () => {
      forgetAll()
      listening = true
    },
    onLost: () => {
      listening = false
      forgetAll()
    },
    changed: forgetAll,
    read: async <T>(councilId: string, key: string, load: () => Promise<T>, keep?: (value: T) => boolean) => {
      const at = `${councilId} ${key}`
      const held = listening ? entries.get(at) : undefined
      if (held !== undefined && current(held)) return held.value as T
      const began = { epoch, generation: generationOf(councilId), at: now() }
      const value = await load()
      const unchanged = began.epoch === epoch && began.generation === generationOf(councilId)
      if (listening && unchanged && (keep === undefined || keep(value))) {
        entries.delete(at)
        entries.set(at, { value, councilId, generation: began.generation, epoch, at: began.at })
        const oldest = entries.keys().next()
        if (entries.size > maxEntries && oldest.done !== true) entries.delete(oldest.value)
      }
      return value
    }
  }
}
