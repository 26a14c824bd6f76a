import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { serviceUnavailable } from '@rekam/errors'
import { packageRoot, runsFromSources } from '@rekam/server-kit/startup'
import { Piscina } from 'piscina'
import type { BcryptTask } from '../workers/bcrypt.js'

export interface PasswordHasherOptions {
  cost: number
  /** Worker threads hashing in parallel; defaults to the cores available. */
  threads?: number | undefined
  /** Hashes that may wait for a free thread; past that, callers get 503 at once. */
  maxQueue: number
  /** How long a thread beyond the first may sit idle before it exits; one minute by default. */
  idleTimeoutMs?: number | undefined
}

// The worker is TypeScript in development (run through the same loader) and JavaScript once built;
// a file of its own in both, beside a bundled dist/server.js too.
const workerFile = pathToFileURL(join(packageRoot(import.meta.url), runsFromSources(import.meta.url) ? 'src/workers/bcrypt.ts' : 'dist/workers/bcrypt.js')).href

/**
 * Node 20 loads an ES module worker through `require` where it can (piscina tries that first),
 * and a thread terminated while doing so aborts the whole process (an assertion in
 * CreateRequiredModuleFacade, seen when apps are built and closed in quick succession). With
 * require(esm) off in the threads, piscina loads the file with `import()` instead. The threads
 * take the process's other flags but V8's (heap sizes: a thread refuses them, and they hold for
 * the whole process anyway).
 */
const V8_FLAG = /^--(max-old-space-size|max-semi-space-size|stack-size)\b/
const workerExecArgv = (process.features as { require_module?: boolean }).require_module
  ? [...process.execArgv.filter((arg) => !V8_FLAG.test(arg)), '--no-experimental-require-module']
  : undefined

const isQueueFull = (err: unknown) => err instanceof Error && err.message === 'Task queue is at limit'

/**
 * bcrypt in a pool of worker threads. bcryptjs's async mode still runs on the event loop in slices
 * (about 100 ms each at cost 12), which stalls every other request; here hashing never touches the
 * loop. The queue is bounded: when every thread is busy and the queue is full, the caller gets
 * 503 SERVICE_UNAVAILABLE with Retry-After instead of waiting without limit.
 */
export function createPasswordHasher (opts: PasswordHasherOptions) {
  const threads = opts.threads ?? availableParallelism()
  const pool = new Piscina<BcryptTask, string | boolean>({
    filename: workerFile,
    ...(workerExecArgv ? { execArgv: workerExecArgv } : {}),
    // One thread stays ready; each other is a V8 isolate of its own (~11 MB resident) that exits
    // after a minute without hashing and is started again on demand. (With minThreads equal to
    // maxThreads, piscina never lets an idle thread go.)
    minThreads: 1,
    maxThreads: threads,
    maxQueue: opts.maxQueue,
    idleTimeout: opts.idleTimeoutMs ?? 60_000,
  })

  async function run<T extends string | boolean> (task: BcryptTask): Promise<T> {
    try {
      return await pool.run(task) as T
    } catch (err) {
      if (isQueueFull(err)) throw serviceUnavailable('Too many sign-ins are being checked right now; try again shortly', 1)
      throw err
    }
  }

  return {
    threads,
    hash: (password: string, cost = opts.cost) => run<string>({ op: 'hash', password, cost }),
    compare: (password: string, hash: string) => run<boolean>({ op: 'compare', password, hash }),
    /** Hashes waiting for a thread, for metrics. */
    get queued (): number {
      return pool.queueSize
    },
    /** Threads alive now (idle ones included). */
    get running (): number {
      return pool.threads.length
    },
    close: () => pool.destroy(),
  }
}

export type PasswordHasher = ReturnType<typeof createPasswordHasher>
