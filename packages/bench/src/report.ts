import type { Machine } from './machine.js'
import type { PlanCheck } from './plans.js'
import type { Measurements, ScenarioResult } from './scenarios.js'
import type { TargetResult } from './targets.js'

/** Everything one run produced: what benchmarks.json holds. */
export interface Report {
  profile: { name: string, durationSeconds: number, warmupSeconds: number, probeRate: number, rounds?: number }
  machine: Machine
  pinning: string
  gateway: 'nginx' | 'node'
  bcryptCost: number
  dataset: { users: number, patients: number, doctors: number, records: number, loadSeconds: number }
  plans: PlanCheck[]
  measurements: Measurements
  targets: TargetResult[]
}

/** What each row of the table measures, for the markdown. */
const MEANING: Record<string, string> = {
  'floor-bare': 'A bare Fastify route in a process of the bench that answers a constant: no auth, no database. The ceiling of any route on this machine.',
  'protected-no-db': 'A service route that only verifies the access token (no database work). Compared with the bare route.',
  'floor-record-read-audited': 'Bare Fastify + postgres.js running the statement `GET /api/records/:id` sends (records-service\'s own text: the record, its doctor and patient, and its READ row in the access log), as the record\'s patient: no auth, validation or logging. The record-read target compares the service with this row, so the ratio is our overhead and not the audit row\'s commit.',
  'floor-record-read': 'Bare Fastify + postgres.js running records-service\'s plain record read (the record, its doctor and patient in one join; no audit row). For information, and the base of the drizzle rows below.',
  'floor-record-read-drizzle': 'The same statement built with drizzle by the service\'s own query function (`recordByIdQuery`, on the service\'s drizzle) with a placeholder for the id and turned into SQL once by @rekam/db\'s `defineStatement`, as records-service runs its hot statements (the record read, a patient\'s own list), over @rekam/db\'s client as the services run it (every statement a server-side prepared statement, `DB_PREPARE`), in the same bare route. The target compares this row with the raw floor.',
  'floor-record-read-drizzle-builder': 'The same select built with drizzle\'s query builder on every call (how the services run their other, colder queries), same client. For information: the builder\'s own CPU per call.',
  'floor-record-read-drizzle-prepared': 'The same drizzle query made a prepared statement with `.prepare(name)` (drizzle then asks postgres.js for a server-side prepared statement). For information; the target compares drizzle as the services run it.',
  'record-read': '`GET /api/records/:id` on records-service as the record\'s patient: token verification, the care check (for a patient, the ownership branch), the read and its audit row with its purpose.',
  'gateway-record-read': 'The same record read through the gateway in front of the services (nginx with the committed template, or the launcher\'s Node gateway when nginx is missing).',
  'floor-records-list': 'Bare Fastify + postgres.js running the statement `GET /api/records` sends for a patient with many records (records-service\'s own text: the page, the total and a READ row per record).',
  'records-list': '`GET /api/records` (first page of 20) as a patient with many records, among all the records of the table: profile lookup, page, count, an audit row per record shown.',
  'floor-bcrypt': 'Raw bcryptjs compares per second at the service\'s cost, in a worker-thread pool of the service\'s thread count: the ceiling for logins.',
  login: '`POST /api/auth/login` with the right password, rotating over bench users: lockout check, user lookup, bcrypt compare, a new session and token pair.',
  'login-mfa': '`POST /api/auth/login` with the right password for accounts with a TOTP authenticator: the same work as login, then the factor lookup and a single-use sign-in ticket instead of a session (the code step, /mfa/verify, is not loaded: each TOTP code works once).',
  refresh: '`POST /api/auth/refresh`: each request presents a single-use refresh token and puts the rotated one back into the pool.',
  me: '`GET /api/auth/me`: token verification, the live-session check and the user\'s row.',
  'record-create': '`POST /api/records` as a doctor, for rotating patients: doctor and patient lookups, the insert, version 1, the care row, its audit row, the re-read.',
  'record-update': '`PATCH /api/records/:id` with `If-Match: *` as the author, over 40 of their records: the row locked, the author check, version n+1 written beside the record, its audit row.',
}

const fmt = (value: number | null | undefined, digits = 0) => value === null || value === undefined ? '—' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
/** A ratio reads as the goal does: a percentage against "≥ 50%", a multiple against "≤ 3×". */
const figure = (t: TargetResult) => t.value === null ? 'n/a' : t.unit === 'ratio' ? (t.target.endsWith('%') ? `${fmt(t.value * 100, 0)}%` : `${fmt(t.value, 2)}×`) : `${fmt(t.value, 1)} ${t.unit}`
const problems = (s: ScenarioResult) => s.non2xx + s.errors + s.timeouts

function table (head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)]
}

function scenarioRows (scenarios: ScenarioResult[]): string[][] {
  return scenarios.map((s) => [
    s.title,
    s.skipped ? 'n/a' : fmt(s.rps),
    fmt(s.p50, 2),
    fmt(s.p99, 2),
    fmt(s.rssMB, 1),
    s.eventLoopUtilization === null ? '—' : `${fmt(s.eventLoopUtilization * 100)}%`,
    s.skipped ? '—' : String(problems(s)),
  ])
}

const pad = (rows: string[][]) => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  return rows.map((r) => r.map((cell, i) => i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)).join('  ')).join('\n')
}
const scenarioTable = (scenarios: ScenarioResult[]) => pad([['scenario', 'req/s', 'p50 ms', 'p99 ms', 'RSS MB', 'loop busy', 'failed'], ...scenarioRows(scenarios)])

/** The console's view: one table of scenarios, one of targets. */
export function consoleReport (report: Report): string {
  const scenarios = scenarioTable(report.measurements.scenarios)
  const targets = pad([['target', 'measure', 'measured', 'goal', ''], ...report.targets.map((t) => [t.name, t.measure, figure(t), t.target, t.verdict])])
  return `\n${scenarios}\n\n${targets}\n`
}

/** The console's view of an `--only` run: its rows alone. */
export function selectedReport (scenarios: ScenarioResult[]): string {
  return `\n${scenarioTable(scenarios)}\n`
}

function saturationLines (report: Report): string[] {
  const { saturation } = report.measurements
  const p99 = (phase: 'idle' | 'loaded', name: string) => fmt(saturation[phase].find((p) => p.name === name)?.p99, 2)
  const loop = (phase: 'idle' | 'loaded', service: 'auth' | 'records') => fmt(saturation.eventLoop[phase][service].eventLoopDelay.p99, 2)
  return table(['', 'idle', `logins saturating hashing (${fmt(saturation.login.rps, 1)} logins/s)`], [
    ['`GET /api/auth/me` p99 (ms)', p99('idle', 'me'), p99('loaded', 'me')],
    ['record read p99 (ms)', p99('idle', 'record-read'), p99('loaded', 'record-read')],
    ['auth-service event-loop delay p99 (ms)', loop('idle', 'auth'), loop('loaded', 'auth')],
    ['records-service event-loop delay p99 (ms)', loop('idle', 'records'), loop('loaded', 'records')],
  ])
}

/** docs/benchmarks.md: how to run, the machine, what each row means, the figures and the targets. */
/** How the compared routes' seconds were measured. */
function roundsNote (rounds: number, warmupSeconds: number): string {
  return rounds > 1
    ? `the routes compared by a ratio (every row above the hashing floor) in ${rounds} rounds, forward then backward, each run after ${warmupSeconds} s of warm-up; the others in one run after ${warmupSeconds} s of warm-up`
    : `each after ${warmupSeconds} s of warm-up`
}

export function markdownReport (report: Report): string {
  const { machine, dataset } = report
  const plansOk = report.plans.every((p) => p.seqScans.length === 0)
  return [
    '# Benchmarks',
    '',
    '`pnpm bench` measures the built services on real PostgreSQL and, in the same run and under the same',
    'conditions, the floors they are compared with. This file is written by a full run; CI runs',
    '`pnpm bench --quick` (seconds-long runs on small data) only to keep the harness working, and does not',
    'judge its figures.',
    '',
    '## How to run',
    '',
    '```sh',
    'pnpm build          # the bench runs services/*/dist',
    'pnpm bench          # full run: writes docs/benchmarks.json and docs/benchmarks.md',
    'pnpm bench --quick  # a short run on small data; writes to a temporary folder',
    'pnpm bench --only record-read,floor-record-read-audited  # those rows alone, full data (a before/after of one route)',
    '```',
    '',
    'It needs a PostgreSQL server it may create databases on (`BENCH_DATABASE_URL` or `DATABASE_URL`,',
    'default `postgres://postgres@127.0.0.1:5432/postgres`). It creates `rekam_bench_auth` and',
    '`rekam_bench_records`, lets the services migrate them, loads the data straight into the tables,',
    'and drops both at the end (`--keep` keeps them). Run it on an otherwise idle machine.',
    '',
    '## Machine and run',
    '',
    ...table(['', ''], [
      ['date', machine.date],
      ['CPU', `${machine.cpuModel}, ${machine.cores} cores`],
      ['memory', `${machine.memoryGiB} GiB`],
      ['OS', machine.os],
      ['Node.js', machine.node],
      ['PostgreSQL', machine.postgres],
      ['load average at start', String(machine.loadAverage)],
      ['pinning', report.pinning],
      ['data', `${fmt(dataset.users)} users, ${fmt(dataset.patients)} patients, ${fmt(dataset.doctors)} doctors, ${fmt(dataset.records)} records (loaded in ${fmt(dataset.loadSeconds, 1)} s)`],
      ['run', `${report.profile.name}: ${report.profile.durationSeconds} s per scenario (the hashing floor and login ${report.profile.durationSeconds * 2} s), ${roundsNote(report.profile.rounds ?? 1, report.profile.warmupSeconds)}`],
      ['services', `NODE_ENV=production, LOG_LEVEL=warn, bcrypt cost ${report.bcryptCost} in ${report.measurements.bcrypt.threads} hashing thread(s), auth rate limits raised for one client address`],
      ['gateway', report.gateway === 'nginx' ? 'nginx with gateway/templates/default.conf.template' : 'the launcher\'s Node gateway (nginx was not installed)'],
    ]),
    '',
    'Why the pinning: each ratio compares two rows that must have had the same CPU. The services, the',
    'floors and nginx all run on the same core(s), one at a time, and the load generator (autocannon,',
    'itself a Node process about as busy as the server it drives) on a core of its own, so it takes',
    'no CPU from what it measures. PostgreSQL is shared by both sides of every database ratio alike.',
    'On two cores this leaves one core to the process under test: absolute figures are per core.',
    '',
    '## Scenarios',
    '',
    'Throughput counts 2xx answers per second; p50 and p99 are the latencies of every answer, from',
    'the load generator (autocannon, closed loop); RSS is the process under test right after its',
    'scenario; "loop busy" is its event-loop utilisation over the measured seconds, from inside the',
    'process (near 100%: its own JavaScript is the bound; lower: it waits on PostgreSQL or on hashing',
    'threads); "failed" counts non-2xx answers, errors and timeouts. A route measured in rounds has its',
    'answers summed over them, and its p50, p99 and loop use averaged.',
    '',
    ...table(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'RSS MB', 'loop busy', 'failed', 'connections'], scenarioRows(report.measurements.scenarios).map((row, i) => [...row, fmt(report.measurements.scenarios[i]!.connections)])),
    '',
    'What each row means:',
    '',
    ...report.measurements.scenarios.map((s) => `- **${s.title}**: ${MEANING[s.id] ?? ''}${s.skipped ? ` Not measured: ${s.skipped}.` : ''}`),
    '',
    '## Targets',
    '',
    'Each ratio compares two rows of the table above, measured in this run; the routes compared share alternating rounds (see "run" above), so drift during the run weighs on both sides alike.',
    '',
    ...table(['target', 'measure', 'measured', 'goal', 'verdict'], report.targets.map((t) => [t.name, t.measure, figure(t), t.target, t.note ? `${t.verdict} (${t.note})` : t.verdict])),
    '',
    'What bounds each figure, what was changed for it and what was tried: [performance.md](performance.md).',
    'Ratios move by several points from run to run on a shared virtual machine; compare runs, not digits.',
    '',
    '## While logins saturate password hashing',
    '',
    `\`GET /api/auth/me\` and one record read are sent at ${report.profile.probeRate} requests per second each`,
    '(open loop: latency counts from when each request was due), first alone, then while logins keep every',
    'hashing thread busy. The event-loop delay is measured inside each service by a module the bench',
    'preloads (`perf_hooks.monitorEventLoopDelay`, 1 ms resolution), over the same windows.',
    '',
    ...saturationLines(report),
    '',
    '## Query plans',
    '',
    `EXPLAIN of the record queries on the loaded data, as planned for the values and as generic plans: ${plansOk ? 'no Seq Scan on medical_records or record_access_log.' : '**a Seq Scan on a growing table** (see below).'}`,
    '',
    ...table(['query', 'plan', 'scans'], report.plans.map((p) => [p.query, p.mode, p.scans.join('; ')])),
    '',
    'The floors and the plans run records-service\'s own statements (`@rekam/records-service/statements`), not copies.',
    '',
  ].join('\n')
}
