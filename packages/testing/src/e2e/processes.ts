import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

export interface Teardown {
  teardown (fn: () => unknown): void
}

/**
 * The kernel's range of ephemeral ports, which it hands to every outgoing connection (to
 * PostgreSQL, between the services) and to `listen(0)`.
 */
function ephemeralRange (): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number)
    if (low && high) return [low, high]
  } catch {}
  return [32768, 60999]
}

/** Ports handed out by this process, never twice. */
const handedOut = new Set<number>()

function bindable (port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.unref()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

/**
 * A port nothing listens on right now, on the loopback interface, for a process the test starts
 * and tells where to listen. Chosen at random below the kernel's ephemeral range: a port from that
 * range, once released, can be taken by any outgoing connection before the child listens on it
 * (seen under load, as "port ... already in use" at a service's start).
 */
export async function freePort (): Promise<number> {
  const [low] = ephemeralRange()
  const floor = Math.min(20_000, low - 2000)
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = floor + Math.floor(Math.random() * (low - floor))
    if (handedOut.has(port) || !await bindable(port)) continue
    handedOut.add(port)
    return port
  }
  throw new Error(`no free port between ${floor} and ${low}`)
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers (port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    const done = (answer: boolean) => { socket.destroy(); resolve(answer) }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/**
 * The environment a child starts from: only what a shell login provides. The test runner's own
 * variables (NODE_OPTIONS with its loaders, TAP_*) and a developer's service settings
 * (DATABASE_URL, LOG_LEVEL, ...) stay out, so every child is configured by the test alone.
 */
export function baseEnv (): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'LANG', 'TZ', 'SystemRoot', 'USER']
  return Object.fromEntries(keep.flatMap((k) => process.env[k] !== undefined ? [[k, process.env[k]!]] : []))
}

/**
 * A child process whose stdout and stderr are kept for assertions and error messages. If it
 * exits before `stop()`, that is reported at once on stderr, and `assertRunning` throws with
 * its output. Teardown stops it: `signal` (SIGTERM by default), SIGKILL after `killAfterMs`.
 */
export class ManagedProcess {
  readonly child: ChildProcess
  #output = ''
  #stopping = false
  readonly exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>
  exit: { code: number | null, signal: NodeJS.Signals | null } | undefined

  constructor (t: Teardown, readonly name: string, command: string, args: string[], options: SpawnOptions & { killAfterMs?: number, detached?: boolean } = {}) {
    this.child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => { this.#output += chunk })
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { this.#output += chunk })
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal }
        if (!this.#stopping) process.stderr.write(`\n[e2e] ${name} exited unexpectedly (${signal ?? `code ${code}`}). Its output:\n${this.#output}\n`)
        resolve(this.exit)
      })
      this.child.once('error', (err) => {
        this.#output += `\n[spawn error] ${err.message}`
        this.exit = { code: -1, signal: null }
        resolve(this.exit)
      })
    })
    const killAfterMs = options.killAfterMs ?? 10_000
    t.teardown(() => this.stop('SIGTERM', killAfterMs))
  }

  get output (): string {
    return this.#output
  }

  get running (): boolean {
    return this.exit === undefined
  }

  /** Throws, quoting the process's output, when it is no longer running. */
  assertRunning (): void {
    if (!this.running) {
      throw new Error(`${this.name} exited early (${this.exit!.signal ?? `code ${this.exit!.code}`}). Its output:\n${this.#output.slice(-8000)}`)
    }
  }

  /** Sends a signal as an expected stop (its exit is then not reported as unexpected). */
  signal (signal: NodeJS.Signals): void {
    this.#stopping = true
    this.child.kill(signal)
  }

  /**
   * Sends a signal to the process's whole group, as a terminal sends Ctrl-C's SIGINT to every
   * process of the job in the foreground. The process must have been started `detached` (it then
   * leads a group of its own).
   */
  signalGroup (signal: NodeJS.Signals): void {
    this.#stopping = true
    process.kill(-this.child.pid!, signal)
  }

  /** Stops the process and waits until it is gone; SIGKILL when it does not go in time. */
  async stop (signal: NodeJS.Signals = 'SIGTERM', killAfterMs = 10_000): Promise<void> {
    this.#stopping = true
    if (!this.running) return
    this.child.kill(signal)
    const timer = setTimeout(() => this.child.kill('SIGKILL'), killAfterMs)
    await this.exited
    clearTimeout(timer)
  }

  /** Waits until `check` passes, failing early (with the output) if the process exits. */
  async waitFor (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000, intervalMs = 100): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (true) {
      this.assertRunning()
      if (await check()) return
      if (Date.now() > deadline) {
        throw new Error(`${this.name}: ${what} did not happen within ${timeoutMs / 1000} s. Its output:\n${this.#output.slice(-8000)}`)
      }
      await sleep(intervalMs)
    }
  }

  /** Waits until the output contains `text` (log lines arrive through a pipe, a little later). */
  waitForOutput (text: string, timeoutMs = 5000): Promise<void> {
    return this.waitFor(`output containing ${JSON.stringify(text)}`, () => this.#output.includes(text), timeoutMs, 50)
  }
}
