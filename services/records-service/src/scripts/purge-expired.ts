import { parseArgs } from 'node:util'
import { loadConfig, startOrExit } from '@rekam/server-kit/startup'
import { ConfigSchema } from '../config.js'
import { openRecordsDatabase } from '../plugins/app/db.js'
import { purgeExpired } from '../services/retention.js'

/**
 * records:purge-expired [--confirm] [--now <ISO date>]: the records, versions and amendment
 * requests of patients whose last visit is more than RETENTION_YEARS ago. A dry run by default
 * (it prints what would go, by patient id); `--confirm` deletes them in one transaction. `--now`
 * replaces today (to see what a later run would purge, and for tests). Access logs stay.
 */
await startOrExit('records-service', async () => {
  const { values } = parseArgs({ options: { confirm: { type: 'boolean', default: false }, now: { type: 'string' } } })
  const now = values.now === undefined ? new Date() : new Date(values.now)
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be a date (2026-01-31 or an ISO date-time), not ${values.now}`)
  const config = loadConfig(ConfigSchema, process.env)
  const database = openRecordsDatabase(config)
  try {
    await database.migrate()
    const report = await purgeExpired(database.db, { now, years: config.RETENTION_YEARS, confirm: values.confirm })
    console.log(`records-service: RETENTION_YEARS=${config.RETENTION_YEARS}: records whose patient's last visit is before ${report.cutoff} are past retention`)
    for (const p of report.patients) console.log(`  patient ${p.patientId}: last visit ${p.lastVisit}, ${p.records} record(s)`)
    const totals = `${report.patients.length} patient(s): ${report.records} record(s), ${report.versions} version(s), ${report.amendmentRequests} amendment request(s)`
    console.log(report.deleted
      ? `records-service: deleted ${totals}; the access logs are kept`
      : values.confirm ? 'records-service: nothing is past retention' : `records-service: dry run, nothing deleted: ${totals} would go; run again with --confirm to delete them`)
  } finally {
    await database.close()
  }
})
