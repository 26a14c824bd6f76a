import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Teardown } from '@rekam/testing/e2e'
import type { PhaseResult, PhaseSpec } from './load-spec.js'

const SCRIPT = fileURLToPath(new URL('./children/loadgen.ts', import.meta.url))
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))

type Answer = { id: number, result: PhaseResult } | { id: number, error: string } | { id: number, measuring: true }

interface Waiting {
  resolve (r: PhaseResult): void
  reject (e: Error): void
  measuring? (): void
}

/** The load-generator child (on `core` under taskset when given), driven over IPC. */
export class LoadGenerator {
  readonly #child: ChildProcess
  readonly #waiting = new Map<number, Waiting>()
  #next = 0

  constructor (t: Teardown, core: string | undefined) {
    const node = [process.execPath, '--import=tsx', SCRIPT]
    const [command, ...args] = core ? ['taskset', '-c', core, ...node] : node
    this.#child = spawn(command!, args, { cwd: PACKAGE_DIR, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    this.#child.on('message', (answer: Answer) => {
      const waiting = this.#waiting.get(answer.id)
      if ('measuring' in answer) {
        waiting?.measuring?.()
        return
      }
      this.#waiting.delete(answer.id)
      if ('error' in answer) waiting?.reject(new Error(`load generator: ${answer.error}`))
      else waiting?.resolve(answer.result)
    })
    this.#child.on('exit', (code, signal) => {
      for (const { reject } of this.#waiting.values()) reject(new Error(`the load generator exited (${signal ?? `code ${code}`})`))
      this.#waiting.clear()
    })
    t.teardown(() => new Promise<void>((resolve) => {
      if (this.#child.exitCode !== null || this.#child.signalCode !== null) return resolve()
      this.#child.once('exit', () => resolve())
      this.#child.disconnect()
    }))
  }

  /** Runs a phase; `measuring` is called when its warm-up is over and the measured part starts. */
  run (phase: PhaseSpec, measuring?: () => void): Promise<PhaseResult> {
    const id = this.#next++
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject, ...(measuring ? { measuring } : {}) })
      this.#child.send({ id, phase })
    })
  }
}
