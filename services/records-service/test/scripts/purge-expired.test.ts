import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { count, eq, inArray } from 'drizzle-orm'
import { loadConfig } from '@rekam/server-kit'
import { repoPath, scriptArgs } from '@rekam/testing/e2e'
import t from 'tap'
import { ConfigSchema } from '../../src/config.js'
import { amendmentRequests, medicalRecords, recordAccessLog, recordVersions } from '../../src/db/schema.js'
import { purgeExpired, retentionCutoff } from '../../src/services/retention.js'
import { buildStaticStack, doctorWithProfile, patientWithProfile, writeRecord } from '../helper.js'

const stack = await buildStaticStack(t)
const app = stack.records
const doctor = await doctorWithProfile(stack, 'dr. Archive')
// "Today" for the purge: records are kept 25 years after the patient's last visit.
const NOW = new Date('2026-06-15T10:00:00.000Z')
const recent = await patientWithProfile(stack, 'Visited 24 Years Ago')
const old = await patientWithProfile(stack, 'Visited 26 Years Ago')
const returning = await patientWithProfile(stack, 'Old And New Visits')
const kept24 = await writeRecord(stack, doctor, recent.patientId, { visitDate: '2002-06-15' })
const gone26 = await writeRecord(stack, doctor, old.patientId, { visitDate: '2000-06-14' })
const gone26b = await writeRecord(stack, doctor, old.patientId, { visitDate: '1999-02-01' })
const oldButReturned = await writeRecord(stack, doctor, returning.patientId, { visitDate: '1998-03-03' })
await writeRecord(stack, doctor, returning.patientId, { visitDate: '2025-12-01' })
// A second version and an amendment request on a record that goes.
await app.inject({ method: 'PATCH', url: `/api/records/${gone26.id}`, headers: doctor.headers, payload: { notes: 'Follow-up' } })
await app.db.insert(amendmentRequests).values({ recordId: gone26.id, patientId: old.patientId, requestedByUserId: old.userId, text: 'Please correct the date' })

const countOf = async (ids: string[]) => ({
  records: (await app.db.select({ n: count() }).from(medicalRecords).where(inArray(medicalRecords.id, ids)))[0]?.n,
  versions: (await app.db.select({ n: count() }).from(recordVersions).where(inArray(recordVersions.recordId, ids)))[0]?.n,
  requests: (await app.db.select({ n: count() }).from(amendmentRequests).where(inArray(amendmentRequests.recordId, ids)))[0]?.n,
  accessLog: (await app.db.select({ n: count() }).from(recordAccessLog).where(inArray(recordAccessLog.recordId, ids)))[0]?.n,
})
const expired = { cutoff: '2001-06-15', patients: [{ patientId: old.patientId, lastVisit: '2000-06-14', records: 2 }], records: 2, versions: 3, amendmentRequests: 1 }

t.test('RETENTION_YEARS: 25 by default, never lower', async (t) => {
  const env = { NODE_ENV: 'test', DATA_DIR: 'memory://' }
  t.equal(loadConfig(ConfigSchema, env).RETENTION_YEARS, 25)
  t.equal(loadConfig(ConfigSchema, { ...env, RETENTION_YEARS: '30' }).RETENTION_YEARS, 30)
  t.throws(() => loadConfig(ConfigSchema, { ...env, RETENTION_YEARS: '24' }), /RETENTION_YEARS/)
  t.equal(retentionCutoff(new Date('2028-02-29T12:00:00Z'), 25), '2003-02-28', 'a leap day falls to the 28th')
})

t.test('a dry run reports who would go and deletes nothing', async (t) => {
  const before = await countOf([gone26.id, gone26b.id])
  t.strictSame(await purgeExpired(app.db, { now: NOW, years: 25, confirm: false }), { ...expired, deleted: false })
  t.strictSame(await countOf([gone26.id, gone26b.id]), before)
  t.strictSame(before, { records: 2, versions: 3, requests: 1, accessLog: 3 })
})

t.test('the command: a dry run by default, --confirm deletes; 24 years kept, 26 purged, access logs kept', async (t) => {
  const url = app.config.DATABASE_URL
  if (!url) {
    t.comment('the command is run against PostgreSQL (REKAM_TEST_DB=postgres)')
    return
  }
  // The script's build when this test runs compiled (what the image runs), its source through tsx otherwise.
  const script = scriptArgs(import.meta.url, repoPath('services', 'records-service'), 'purge-expired')
  const run = (...args: string[]) => promisify(execFile)(process.execPath, [...script, ...args], {
    env: { ...process.env, NODE_ENV: 'test', DATA_DIR: 'memory://', DATABASE_URL: url, RETENTION_YEARS: '25' },
  })
  const dry = await run('--now', NOW.toISOString())
  t.match(dry.stdout, `patient ${old.patientId}: last visit 2000-06-14, 2 record(s)`)
  t.match(dry.stdout, 'dry run, nothing deleted: 1 patient(s): 2 record(s), 3 version(s), 1 amendment request(s) would go')
  t.notMatch(dry.stdout, /Visited|Archive/, 'ids only, no names')
  t.equal((await countOf([gone26.id])).records, 1)

  const done = await run('--confirm', '--now', NOW.toISOString())
  t.match(done.stdout, 'deleted 1 patient(s): 2 record(s), 3 version(s), 1 amendment request(s); the access logs are kept')
  t.strictSame(await countOf([gone26.id, gone26b.id]), { records: 0, versions: 0, requests: 0, accessLog: 3 }, 'gone, but who read or changed them stays')
  t.strictSame((await countOf([kept24.id])).records, 1, 'a patient last seen 24 years ago is kept')
  t.strictSame((await countOf([oldButReturned.id])).records, 1, 'an old record of a patient who came back is kept')
  t.match((await run('--confirm', '--now', NOW.toISOString())).stdout, 'nothing is past retention')
})

t.test('in process: --confirm in one transaction', async (t) => {
  // Two years on, the patient last seen in 2002 is past retention too.
  const later = await purgeExpired(app.db, { now: new Date('2028-06-16T00:00:00Z'), years: 25, confirm: true })
  t.match(later, { cutoff: '2003-06-16', records: app.config.DATABASE_URL ? 1 : 3, deleted: true })
  t.strictSame(await app.db.select({ id: medicalRecords.id }).from(medicalRecords).where(eq(medicalRecords.patientId, recent.patientId)), [])
  t.equal((await countOf([oldButReturned.id])).records, 1)
})
