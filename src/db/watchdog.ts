// A connection to PostgreSQL that gives up on a server that stopped answering (README: Reliability). The
// server bounds its own work (statement_timeout, lock_timeout), but a frozen or vanished server bounds nothing,
// and postgres.js would wait on an open socket for ever. This socket counts the answers it is owed (one
// ReadyForQuery for each Sync, simple Query and the startup message it sends, some answer to a Flush), and when
// it is owed one and nothing at all has arrived for `noAnswerMs`, destroys itself: postgres.js then fails the
// waiting queries (503 to the client) and reconnects. An idle connection owes nothing and is never timed out.
// Plain TCP or a Unix socket only: under TLS the messages cannot be counted, and no watchdog is used.
import net from 'node:net'

const PROTOCOL_3 = 196608
const SYNC = 0x53 // 'S'
const QUERY = 0x51 // 'Q'
const FLUSH = 0x48 // 'H'
const READY_FOR_QUERY = 0x5a // 'Z'

/** Splits a stream of protocol messages into their headers without copying bodies. */
class Framer {
  private readonly header = Buffer.alloc(8)
  private have = 0
  private skip = 0
  constructor (
    private untyped: boolean,
    private readonly onMessage: (type: number, code: number) => void
  ) {}

  push (chunk: Uint8Array): void {
    let i = 0
    while (i < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i)
        this.skip -= n
        i += n
        continue
      }
      const need = this.untyped ? 8 : 5
      const n = Math.min(need - this.have, chunk.length - i)
      this.header.set(chunk.subarray(i, i + n), this.have)
      this.have += n
      i += n
      if (this.have < need) return
      this.have = 0
      if (this.untyped) {
        // the startup message (or a cancel request) has no type byte: length, then protocol or request code
        this.untyped = false
        this.skip = this.header.readUInt32BE(0) - 8
        this.onMessage(0, this.header.readUInt32BE(4))
      } else {
        this.skip = this.header.readUInt32BE(1) - 4
        this.onMessage(this.header.readUInt8(0), 0)
      }
    }
  }
}

export interface SocketTarget {
  host: string[]
  port: number[]
  path?: string | false
}

/** postgres.js's `backoff` (seconds before reconnecting): 0.1, 0.2, 0.4 … never more than 1 (its own grows to 20). */
export const reconnectBackoff = (retries: number): number => Math.min(0.1 * 2 ** retries, 1)

export class DatabaseNoAnswerError extends Error {
  readonly code = 'DATABASE_NO_ANSWER'
}

/** postgres.js's `socket` option: a connected socket to the server, watched as described above. */
export function watchedSocket (noAnswerMs: number, connectTimeoutMs: number) {
  return async (options: SocketTarget): Promise<net.Socket> => {
    const socket = await connect(options, connectTimeoutMs)
    // ReadyForQuery messages owed, and whether a Flush (a statement described before it is bound) awaits any answer
    let owed = 0
    let flushed = false
    const owing = () => owed > 0 || flushed
    const outgoing = new Framer(true, (type, code) => {
      if (type === SYNC || type === QUERY || (type === 0 && code === PROTOCOL_3)) owed++
      else if (type === FLUSH) flushed = true
    })
    const incoming = new Framer(false, (type) => {
      flushed = false
      if (type === READY_FOR_QUERY) owed = Math.max(0, owed - 1)
    })
    const write = socket.write.bind(socket) as (chunk: Uint8Array, ...rest: unknown[]) => boolean
    socket.write = ((chunk: Uint8Array, ...rest: unknown[]) => {
      outgoing.push(chunk)
      if (owing()) socket.setTimeout(noAnswerMs)
      return write(chunk, ...rest)
    }) as typeof socket.write
    socket.on('data', (chunk: Buffer) => {
      incoming.push(chunk)
      if (!owing()) socket.setTimeout(0)
    })
    socket.on('timeout', () => {
      if (owing()) socket.destroy(new DatabaseNoAnswerError(`the database did not answer in ${noAnswerMs} ms`))
    })
    return socket
  }
}

async function connect (options: SocketTarget, timeoutMs: number): Promise<net.Socket> {
  return await new Promise((resolve, reject) => {
    const socket = typeof options.path === 'string'
      ? net.connect(options.path)
      : net.connect(options.port[0] ?? 5432, options.host[0] ?? 'localhost')
    const timer = setTimeout(() => {
      socket.destroy()
      reject(Object.assign(new Error(`no connection to the database in ${timeoutMs} ms`), { code: 'CONNECT_TIMEOUT' }))
    }, timeoutMs)
    socket.once('connect', () => {
      clearTimeout(timer)
      socket.removeListener('error', failed)
      resolve(socket)
    })
    const failed = (error: Error) => {
      clearTimeout(timer)
      reject(error)
    }
    socket.once('error', failed)
  })
}
