/**
 * The record queries on a table of 100,000 records (and as many access-log rows) use indexes:
 * EXPLAIN shows no Seq Scan on medical_records, record_access_log or care_relationships, planned for the values and
 * as the generic plan a prepared statement may settle on. The statements are records-service's
 * own (`@rekam/records-service/statements`): the audited read and list the routes send, the
 * plain read and the access-log page.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { createTestDatabase } from '@rekam/testing'
import { repoPath } from '@rekam/testing/e2e'
import type postgres from 'postgres'
import { connect } from '../src/databases.js'
import { loadDataset } from '../src/dataset.js'
import { checkPlans } from '../src/plans.js'

/** Applies a service's committed drizzle migrations, in the journal's order. */
async function migrate (sql: postgres.Sql, service: string) {
  const dir = repoPath('services', service, 'migrations')
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> }
  for (const { tag } of journal.entries) {
    for (const statement of readFileSync(join(dir, `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim()) await sql.unsafe(statement)
    }
  }
}

async function database (service: string) {
  const { url } = await createTestDatabase(t, 'postgres')
  const sql = connect(url!)
  t.teardown(() => sql.end({ timeout: 5 }))
  await migrate(sql, service)
  return { sql, url: url! }
}

const [{ sql: auth }, { sql: records }] = await Promise.all([database('auth-service'), database('records-service')])
const profile = { name: 'full', patients: 10_000, doctors: 100, records: 100_000, heavyPatients: 3, heavyRecords: 30, durationSeconds: 0, rounds: 1, warmupSeconds: 0, bcryptCost: 4, probeRate: 0 } as const
const dataset = await loadDataset(auth, records, profile, profile.bcryptCost)
// One access-log row per record, then fresh statistics for it too.
await records`insert into record_access_log (record_id, actor_user_id, actor_role, action, purpose) select id, gen_random_uuid(), 'PATIENT', 'READ', 'PATIENT' from medical_records`
await records`analyze record_access_log`

t.test('the data is as large as the issue asks', async (t) => {
  const [row] = await records`select (select count(*) from medical_records)::int as records, (select count(*) from record_access_log)::int as log`
  t.ok(row!.records >= 100_000, `${row!.records} records`)
  t.ok(row!.log >= 100_000, `${row!.log} access-log rows`)
})

for (const [who, patientId] of [['a patient with many records', dataset.heavy[0]!.patientId], ['a patient with few', dataset.patientIds[0]!]] as const) {
  t.test(`no Seq Scan on the growing tables, for ${who}`, async (t) => {
    const [patient] = await records<Array<{ userId: string, recordId: string | null, doctorUserId: string | null }>>`
      select patients.user_id as "userId", r.id as "recordId", d.user_id as "doctorUserId" from patients
      left join lateral (select id, doctor_id from medical_records where patient_id = patients.id limit 1) r on true
      left join doctors d on d.id = r.doctor_id where patients.id = ${patientId}`
    const checks = await checkPlans(records, { recordId: patient!.recordId ?? dataset.heavy[0]!.recordIds[0]!, userId: patient!.userId, doctorUserId: patient!.doctorUserId ?? dataset.doctors[0]!.userId })
    t.equal(checks.length, 10, 'five queries, each planned two ways')
    for (const check of checks) {
      t.strictSame(check.seqScans, [], `${check.query} (${check.mode}): ${check.scans.join('; ')}`)
      t.ok(check.scans.some((scan) => / using (medical_records|record_access_log)_/.test(scan)), `${check.query} (${check.mode}) reads its table through an index: ${check.scans.join('; ')}`)
    }
  })
}
