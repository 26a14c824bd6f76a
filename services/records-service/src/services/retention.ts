import { asc, count, inArray, sql } from 'drizzle-orm'
import { amendmentRequests, medicalRecords, recordVersions } from '../db/schema.js'
import type { RecordsDb } from '../plugins/app/db.js'

/** A patient whose records are past retention: their id (never a name), last visit and how many records. */
export interface ExpiredPatient {
  patientId: string
  lastVisit: string
  records: number
}

export interface PurgeReport {
  /** Visits before this date are past retention (now − RETENTION_YEARS, UTC). */
  cutoff: string
  patients: ExpiredPatient[]
  records: number
  versions: number
  amendmentRequests: number
  /** Whether they were deleted (false: a dry run, nothing changed). */
  deleted: boolean
}

/** The first visit date still kept: `now` less `years`, as a UTC date (29 February falls to the 28th in common years). */
export function retentionCutoff (now: Date, years: number): string {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), 1))
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate()
  cutoff.setUTCDate(Math.min(now.getUTCDate(), lastDay))
  return cutoff.toISOString().slice(0, 10)
}

/**
 * The records (with their versions and amendment requests) of every patient whose last visit
 * is older than `years` before `now` (Permenkes 24/2022 keeps a record at least 25 years after
 * the last visit), and with `confirm` their deletion: one transaction, the expired records
 * locked first so a visit written meanwhile keeps its patient. The access logs stay (they name
 * ids only, and record who read what for as long as the trail is kept). The service itself never
 * deletes a record: only this operator's command does.
 */
export async function purgeExpired (db: RecordsDb, options: { now: Date, years: number, confirm: boolean }): Promise<PurgeReport> {
  const cutoff = retentionCutoff(options.now, options.years)
  const expiredPatients = db.select({ patientId: medicalRecords.patientId }).from(medicalRecords)
    .groupBy(medicalRecords.patientId).having(sql`max(${medicalRecords.visitDate}) < ${cutoff}`)
  return db.transaction(async (tx) => {
    const locked = await tx.select({ id: medicalRecords.id }).from(medicalRecords)
      .where(inArray(medicalRecords.patientId, expiredPatients)).for('update')
    const recordIds = tx.select({ id: medicalRecords.id }).from(medicalRecords).where(inArray(medicalRecords.patientId, expiredPatients))
    // As text: both drivers then give the date as written (YYYY-MM-DD).
    const lastVisit = sql<string>`max(${medicalRecords.visitDate})::text`
    const patients = await tx.select({ patientId: medicalRecords.patientId, lastVisit, records: count() })
      .from(medicalRecords).where(inArray(medicalRecords.patientId, expiredPatients))
      .groupBy(medicalRecords.patientId).orderBy(asc(lastVisit), asc(medicalRecords.patientId))
    const [versions] = await tx.select({ n: count() }).from(recordVersions).where(inArray(recordVersions.recordId, recordIds))
    const [requests] = await tx.select({ n: count() }).from(amendmentRequests).where(inArray(amendmentRequests.recordId, recordIds))
    if (options.confirm && locked.length > 0) {
      await tx.delete(amendmentRequests).where(inArray(amendmentRequests.recordId, recordIds))
      await tx.delete(recordVersions).where(inArray(recordVersions.recordId, recordIds))
      await tx.delete(medicalRecords).where(inArray(medicalRecords.patientId, expiredPatients))
    }
    return {
      cutoff,
      patients,
      records: locked.length,
      versions: versions?.n ?? 0,
      amendmentRequests: requests?.n ?? 0,
      deleted: options.confirm && locked.length > 0,
    }
  })
}
