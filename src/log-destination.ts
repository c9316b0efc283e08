// Where the process writes its logs and its start-up lines (README: Reliability). Node.js writes to a pipe on
// stdout synchronously, and pino's default destination does too: a log reader that stops reading freezes the
// whole process in a write, shutdown and the forced-exit timer included. When stdout is a pipe or a socket it
// is opened here as a non-blocking socket instead: lines wait in a bounded buffer, and while the reader is too
// far behind (or gone) new lines are dropped and counted, and a line saying how many is written once it reads
// again. A file or a terminal is written as before (pino's own destination). Nothing may touch process.stdout
// once this is in use: Node.js would set the pipe back to blocking.
import { fstatSync } from 'node:fs'
import net from 'node:net'
import type { DestinationStream } from 'pino'

export interface LogDestination extends DestinationStream {
  write: (line: string) => void
  /** lines dropped so far because the reader did not keep up */
  dropped: () => number
}

const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024

/** A non-blocking stdout when it is a pipe or a socket; undefined otherwise. */
export function nonBlockingStdout (maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES): LogDestination | undefined {
  try {
    const stat = fstatSync(1)
    if (!stat.isFIFO() && !stat.isSocket()) return undefined
  } catch {
    return undefined
  }
  const socket = new net.Socket({ fd: 1, readable: false, writable: true })
  socket.unref()
  let gone = false
  let droppedSince = 0
  let droppedTotal = 0
  // EPIPE and the like: the reader has gone; from now on every line is dropped.
  socket.on('error', () => {
    gone = true
  })
  return {
    write: (line: string) => {
      if (gone || socket.destroyed || socket.writableLength > maxBufferedBytes) {
        droppedSince++
        droppedTotal++
        return
      }
      if (droppedSince > 0) {
        const note = { level: 40, time: Date.now(), msg: 'log lines dropped: stdout not read', dropped: droppedSince }
        socket.write(`${JSON.stringify(note)}\n`)
        droppedSince = 0
      }
      socket.write(line)
    },
    dropped: () => droppedTotal
  }
}
