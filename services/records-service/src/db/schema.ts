import { auditSeals } from '@rekam/db'
import { deniedAccessCounts, patientAccessLog, recordAccessLog } from './schema/access-logs.js'
import { careRelationships, emergencyAccess } from './schema/care.js'
import { doctors } from './schema/doctors.js'
import { patientClaimCodes, patients } from './schema/patients.js'
import { amendmentRequests, medicalRecords, recordVersions } from './schema/records.js'
import { recordSigningKeys } from './schema/signing-keys.js'

/**
 * The records-service schema, one module per area under `schema/`; this index is what the
 * service, its tests and drizzle.config.ts (`schema`) import.
 */
export * from './schema/enums.js'
export * from './schema/patients.js'
export * from './schema/doctors.js'
export * from './schema/records.js'
export * from './schema/signing-keys.js'
export * from './schema/care.js'
export * from './schema/access-logs.js'
export { auditSeals }

export const schema = {
  patients, doctors, medicalRecords, recordVersions, amendmentRequests, recordSigningKeys, recordAccessLog, patientAccessLog, deniedAccessCounts, auditSeals, patientClaimCodes, careRelationships, emergencyAccess,
}
export type RecordsSchema = typeof schema
