/**
 * The hashing floor: raw bcryptjs compares per second in a piscina pool of worker threads,
 * nothing else. Run by the bench with the service's cost and thread count (PASSWORD_HASH_THREADS, or
 * the cores this process may use, as the service's own default); prints one JSON line.
 */
import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'

const { BENCH_HASH: hash, BENCH_PASSWORD: password } = process.env
if (!hash || !password) throw new Error('BENCH_HASH and BENCH_PASSWORD are required')
const threads = Number(process.env.PASSWORD_HASH_THREADS || availableParallelism())
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 1)

const pool = new Piscina({ filename: new URL('./bcrypt-worker.mjs', import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 60_000 })

/** Keeps twice as many compares in flight as there are threads until `forSeconds` have passed. */
async function run (forSeconds: number) {
  const started = performance.now()
  const deadline = started + forSeconds * 1000
  let compares = 0
  await Promise.all(Array.from({ length: threads * 2 }, async () => {
    while (performance.now() < deadline) {
      if (!await pool.run({ password, hash })) throw new Error('the bench password does not match its hash')
      compares++
    }
  }))
  return { compares, seconds: (performance.now() - started) / 1000 }
}

await run(warmupSeconds)
const { compares, seconds: elapsed } = await run(seconds)
await pool.destroy()
process.stdout.write(`${JSON.stringify({ threads, compares, seconds: elapsed, perSecond: compares / elapsed })}\n`)
