// LISTEN on a PostgreSQL server through a connection of its own that says when it is lost. postgres.js's
// `sql.listen` reconnects by itself but never tells its caller that notifications may have been missed
// meanwhile; the same mechanism (a one-connection client with `onnotify`, as `sql.listen` builds inside
// postgres.js) with its `onclose` kept lets a listener fall back to asking the database until it is back.
import postgres from 'postgres'
import { reconnectBackoff } from './watchdog.js'

export interface ChannelListener {
  /** One notification's payload. */
  onNotify: (payload: string) => void
  /** LISTEN is in place, first or again: notifications sent while it was not may have been missed. */
  onListening: () => void
  /** The listening connection is gone: notifications are missed until `onListening`. */
  onLost: () => void
}

export interface Listening {
  stop: () => Promise<void>
}

const RETRY_FIRST_MS = 100
const RETRY_MAX_MS = 2000

/** Listens on `channel`; resolves after the first attempt, then keeps re-listening with capped back-off. */
export async function listenOnServer (url: string, channel: string, listener: ChannelListener): Promise<Listening> {
  let stopped = false
  let listening = false
  let attempt = 0
  let timer: NodeJS.Timeout | undefined
  const lost = () => {
    if (stopped) return
    if (listening) {
      listening = false
      listener.onLost()
    }
    retry()
  }
  // `onnotify` is the connection option `sql.listen` itself uses (postgres.js src/index.js), absent from its types.
  const options: postgres.Options<Record<string, never>> & { onnotify: (ch: string, payload: string) => void } = {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    fetch_types: false,
    connect_timeout: 5,
    // back within a second of the database (postgres.js's own back-off grows to 20 s after a long outage)
    backoff: reconnectBackoff,
    onnotice: () => {},
    onnotify: (ch, payload) => {
      if (ch === channel) listener.onNotify(payload)
    },
    onclose: lost
  }
  const sql = postgres(url, options)
  const subscribe = async () => {
    timer = undefined
    try {
      await sql`listen ${sql(channel)}`
      if (stopped) return
      attempt = 0
      listening = true
      listener.onListening()
    } catch {
      lost()
    }
  }
  function retry () {
    if (stopped || timer !== undefined) return
    timer = setTimeout(subscribe, Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** attempt++))
  }
  await subscribe()
  return {
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await sql.end({ timeout: 1 })
    }
  }
}
