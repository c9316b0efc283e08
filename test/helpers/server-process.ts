// The real process as `npm start` runs it (src/server.ts in a child Node.js), for tests of what only a process
// shows: its exit code, its output, what it does on SIGTERM, whether a database fault takes it down.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process'

export interface ServerProcess {
  child: ChildProcess
  /** http://127.0.0.1:<port>, once it printed where it listens */
  url: string
  /** stdout and stderr so far (empty when stdout is not a pipe this helper reads) */
  output: () => string
  /** resolves with the exit code (null after a signal) when the process ends */
  exited: Promise<number | null>
  /** true once the process has ended */
  hasExited: () => boolean
}

export interface ServerProcessOptions {
  /** how the child's stdout is connected; 'pipe' (default) is read by this helper */
  stdout?: 'pipe' | 'ignore' | number
  /** resolve as soon as the process is spawned, without waiting for it to listen (url is then '') */
  noWait?: boolean
  startTimeoutMs?: number
}

export async function startServerProcess (
  env: Record<string, string>,
  opts: ServerProcessOptions = {}
): Promise<ServerProcess> {
  const server = new URL('../../src/server.ts', import.meta.url).pathname
  const stdio: StdioOptions = ['ignore', opts.stdout ?? 'pipe', 'pipe']
  const child = spawn(process.execPath, [...process.execArgv, server], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS_INTERVAL_SECONDS: '0', ...env },
    stdio
  })
  let out = ''
  const collect = (d: Buffer) => {
    out += d.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr!.on('data', collect)
  let ended = false
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      ended = true
      resolve(code)
    })
  )
  const started: ServerProcess = { child, url: '', output: () => out, exited, hasExited: () => ended }
  if (opts.noWait === true) return started
  const timeoutMs = opts.startTimeoutMs ?? 120_000
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in ${timeoutMs} ms:\n${out}`)), timeoutMs)
    const check = () => {
      const m = /running at (http:\/\/\S+)/.exec(out)
      if (m !== null && /API docs/.test(out)) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout?.on('data', check)
    child.stderr!.on('data', check)
    exited.then(
      (code) => {
        clearTimeout(timer)
        reject(new Error(`exited ${code}:\n${out}`))
      },
      () => {}
    )
  })
  return { ...started, url }
}

/** SIGTERM, then the exit code. */
export async function stopServerProcess (s: ServerProcess): Promise<number | null> {
  if (!s.hasExited()) s.child.kill('SIGTERM')
  return await s.exited
}

/** Polls `ok` every 50 ms until it holds; throws after `timeoutMs` naming `what`. */
export async function until (what: string, ok: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const started = performance.now()
  while (!(await ok().catch(() => false))) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
