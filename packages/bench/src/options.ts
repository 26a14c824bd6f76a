import { parseArgs } from 'node:util'

/** How much data is loaded and how long each scenario runs. */
export interface Profile {
  name: 'full' | 'quick'
  patients: number
  doctors: number
  /** Every record, the heavy patients' included. */
  records: number
  /** Patients with `heavyRecords` records each: the "my records" list reads one of them. */
  heavyPatients: number
  heavyRecords: number
  /** Seconds measured per scenario, after `warmupSeconds` that are not. */
  durationSeconds: number
  /**
   * Rounds the compared routes share their seconds in (forward, backward, …): drift during the
   * block then weighs on both sides of each ratio alike.
   */
  rounds: number
  warmupSeconds: number
  /** bcrypt cost of the bench users, unless BCRYPT_COST says otherwise (the service's default is 12). */
  bcryptCost: number
  /** Requests per second of each latency probe (`GET /api/auth/me`, a record read) in the saturation check. */
  probeRate: number
}

/** The sizes: at least 10,000 patients and users, 100 doctors, 100,000 records. */
const FULL: Profile = {
  name: 'full',
  patients: 10_000,
  doctors: 100,
  records: 100_000,
  heavyPatients: 10,
  heavyRecords: 30,
  durationSeconds: 10,
  rounds: 2,
  warmupSeconds: 2,
  bcryptCost: 12,
  probeRate: 50,
}

/** Seconds-long runs on small data, so CI runs the whole harness in well under a minute. */
const QUICK: Profile = {
  name: 'quick',
  patients: 200,
  doctors: 10,
  records: 2000,
  heavyPatients: 2,
  heavyRecords: 30,
  // Long enough that the slowest route (a record update, a new version each time) answers
  // on a machine busy with another CI run: with 0.15 s it answered nothing there.
  durationSeconds: 0.25,
  // Two rounds, as the full run: CI keeps the alternating path working too.
  rounds: 2,
  warmupSeconds: 0.1,
  // Cost 4: a run of a second or two still signs in often enough to measure something.
  bcryptCost: 4,
  probeRate: 20,
}

export interface BenchOptions {
  profile: Profile
  /** Keep the bench databases after the run (they are dropped by default). */
  keep: boolean
  /** Where benchmarks.json (and, for a full run, benchmarks.md) are written. */
  outDir: string | undefined
  /** Prefix of the two database names: `<prefix>_auth`, `<prefix>_records`. */
  dbPrefix: string
  /** Pin the services and the load generator to separate cores (when taskset exists). */
  pin: boolean
  /** Only these scenarios of the compared block (ids), nothing else; undefined runs everything. */
  only: string[] | undefined
}

const USAGE = `pnpm bench [--quick] [--keep] [--out <dir>] [--db-prefix <name>] [--no-pin] [--only <ids>]

  --quick           seconds-long runs on small data (what CI runs); never writes docs/
  --keep            keep the bench databases after the run
  --out <dir>       write benchmarks.json (and benchmarks.md) there; default docs/ for a full run,
                    a temporary folder for --quick
  --db-prefix <s>   database names <s>_auth and <s>_records (default rekam_bench)
  --no-pin          do not pin the services and the load generator to separate cores
  --only <ids>      only these scenarios of the compared block, comma-separated (e.g.
                    record-read,floor-record-read-audited): a short before/after comparison of one
                    route; prints their rows and writes benchmarks-only.json (a temporary folder
                    unless --out), never docs/
Environment: BENCH_DATABASE_URL or DATABASE_URL (a server the bench may create databases on;
default postgres://postgres@127.0.0.1:5432/postgres), BCRYPT_COST (default 12; 4 with --quick), and the services' own PASSWORD_HASH_THREADS,
PASSWORD_HASH_QUEUE, DB_POOL_SIZE, REDIS_URL and AUDIT_SEAL_INTERVAL, passed on to them when set.`

export function parseOptions (argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      out: { type: 'string' },
      'db-prefix': { type: 'string', default: 'rekam_bench' },
      'no-pin': { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    // pnpm passes a lone `--` through when run as `pnpm bench -- --quick`.
    allowPositionals: true,
  })
  if (values.help) return 'help'
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(values['db-prefix'])) throw new Error('--db-prefix must be a lower-case SQL identifier of at most 41 characters')
  return {
    profile: values.quick ? QUICK : FULL,
    keep: values.keep,
    outDir: values.out,
    dbPrefix: values['db-prefix'],
    pin: !values['no-pin'],
    only: values.only === undefined ? undefined : values.only.split(',').map((id) => id.trim()).filter(Boolean),
  }
}

export { USAGE }
