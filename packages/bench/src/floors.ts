import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { baseEnv, type Teardown } from '@rekam/testing/e2e'
import { PRELOAD, statsReader, twoPorts, type StatsReader } from './probe.js'
import { PACKAGE_DIR, child, startScript, type Server } from './stack.js'

/** The bare Fastify floors (src/children/floor-server.ts) on the records database, with the same probe as the services. */
export async function startFloors (t: Teardown, recordsDatabase: string): Promise<Server & { stats: StatsReader }> {
  const [port, probePort] = await twoPorts()
  const env = { DATABASE_URL: recordsDatabase, POOL_SIZE: process.env.DB_POOL_SIZE ?? '10', BENCH_PROBE_PORT: String(probePort) }
  const proc = await startScript(t, 'floors', 'floor-server.ts', port, env, [`--import=${PRELOAD}`])
  return { url: `http://127.0.0.1:${port}`, pid: proc.child.pid!, stats: statsReader(probePort) }
}

export interface BcryptFloor {
  threads: number
  compares: number
  seconds: number
  perSecond: number
}

/** Raw bcryptjs compares per second in a worker-thread pool (src/children/bcrypt-floor.ts). */
export async function measureBcrypt (hash: string, password: string, seconds: number, warmupSeconds: number): Promise<BcryptFloor> {
  const threads = process.env.PASSWORD_HASH_THREADS
  const { stdout } = await promisify(execFile)(process.execPath, ['--import=tsx', child('bcrypt-floor.ts')], {
    cwd: PACKAGE_DIR,
    env: {
      ...baseEnv(),
      BENCH_HASH: hash,
      BENCH_PASSWORD: password,
      BENCH_SECONDS: String(seconds),
      BENCH_WARMUP_SECONDS: String(warmupSeconds),
      ...(threads ? { PASSWORD_HASH_THREADS: threads } : {}),
    },
  })
  return JSON.parse(stdout) as BcryptFloor
}
