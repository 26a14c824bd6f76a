/**
 * `pnpm bench`: the built services on real PostgreSQL under autocannon, beside bare floors
 * measured in the same run; prints one table and the targets, writes benchmarks.json and
 * benchmarks.md. Exits 0 whatever the figures are; 1 when the harness itself fails.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureBuilt, repoPath } from '@rekam/testing/e2e'
import { adminUrl, connect, createBenchDatabases } from './databases.js'
import { loadDataset } from './dataset.js'
import { LoadGenerator } from './load-generator.js'
import { describeMachine } from './machine.js'
import { parseOptions, USAGE } from './options.js'
import { pinProcesses } from './pinning.js'
import { checkPlans } from './plans.js'
import { consoleReport, markdownReport, selectedReport, type Report } from './report.js'
import { runScenarios, runSelected } from './scenarios.js'
import { startFloors } from './floors.js'
import { startGateway } from './gateway.js'
import { startServices } from './services.js'
import { Stack } from './stack.js'
import { evaluateTargets } from './targets.js'

const started = performance.now()
const log = (line: string) => process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`)

async function main (): Promise<number> {
  const options = parseOptions(process.argv.slice(2))
  if (options === 'help') {
    log(USAGE)
    return 0
  }
  const { profile } = options
  const bcryptCost = Number(process.env.BCRYPT_COST ?? profile.bcryptCost)
  for (const note of ensureBuilt()) log(`note: ${note}`)

  const admin = connect(adminUrl(), 1)
  const machine = await describeMachine(admin).finally(() => admin.end({ timeout: 5 }))
  const pinning = pinProcesses(options.pin)
  log(`rekam bench (${profile.name}): ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}, PostgreSQL ${machine.postgres}; ${pinning.note}`)

  const stack = new Stack()
  const interrupted = () => { stack.close().finally(() => process.exit(130)) }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    const databases = await createBenchDatabases(options.dbPrefix)
    if (!options.keep) stack.teardown(() => databases.drop())
    log('starting the services (they migrate their databases)')
    const services = await startServices(stack, databases, bcryptCost)
    const auth = connect(databases.auth)
    const records = connect(databases.records)
    stack.teardown(() => Promise.all([auth.end({ timeout: 5 }), records.end({ timeout: 5 })]))
    log(`loading ${profile.patients} patients, ${profile.doctors} doctors, ${profile.records} records`)
    const dataset = await loadDataset(auth, records, profile, bcryptCost)
    log(`  loaded in ${dataset.loadSeconds.toFixed(1)} s`)
    // Autovacuum (which bulk writes wake) and a checkpoint of the dirty pages run now, not in the middle of a scenario.
    const settle = async () => {
      await Promise.all([auth`vacuum analyze`, records`vacuum analyze`])
      await records`checkpoint`.catch(() => log('  (no CHECKPOINT: the bench\'s database user may not run it)'))
    }
    await settle()

    const floors = await startFloors(stack, databases.records)
    const gateway = await startGateway(stack, services)
    const loadgen = new LoadGenerator(stack, pinning.loadCore)
    log('measuring')
    if (options.only) {
      const selected = await runSelected({ profile, services, floors, gateway, loadgen, dataset, settle }, options.only, log)
      process.stdout.write(selectedReport(selected))
      const outDir = resolve(options.outDir ?? mkdtempSync(join(tmpdir(), 'rekam-bench-')))
      mkdirSync(outDir, { recursive: true })
      const report = { profile: profile.name, machine, pinning: pinning.note, dataset: { ...dataset.counts, loadSeconds: dataset.loadSeconds }, scenarios: selected }
      writeFileSync(join(outDir, 'benchmarks-only.json'), `${JSON.stringify(report, null, 2)}\n`)
      log(`results: ${join(outDir, 'benchmarks-only.json')}`)
      return 0
    }
    const measurements = await runScenarios({ profile, services, floors, gateway, loadgen, dataset, settle }, log)
    // After the scenarios, when the access log has rows (and statistics) too.
    await records`analyze record_access_log`
    const plans = await checkPlans(records, { recordId: dataset.heavy[0]!.recordIds[0]!, userId: dataset.heavy[0]!.userId, doctorUserId: dataset.doctors[0]!.userId })

    const report: Report = {
      profile: { name: profile.name, durationSeconds: profile.durationSeconds, warmupSeconds: profile.warmupSeconds, probeRate: profile.probeRate, rounds: profile.rounds },
      machine,
      pinning: pinning.note,
      gateway: gateway.kind,
      bcryptCost,
      dataset: { ...dataset.counts, loadSeconds: dataset.loadSeconds },
      plans,
      measurements,
      targets: evaluateTargets(measurements),
    }
    process.stdout.write(consoleReport(report))
    const outDir = resolve(options.outDir ?? (profile.name === 'full' ? repoPath('docs') : mkdtempSync(join(tmpdir(), 'rekam-bench-'))))
    mkdirSync(outDir, { recursive: true })
    writeFileSync(join(outDir, 'benchmarks.json'), `${JSON.stringify(report, null, 2)}\n`)
    writeFileSync(join(outDir, 'benchmarks.md'), markdownReport(report))
    log(`results: ${join(outDir, 'benchmarks.json')} and benchmarks.md beside it`)
    return 0
  } finally {
    await stack.close()
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`bench failed: ${err.stack ?? err.message}\n`)
    process.exit(1)
  },
)
