import { unwrap } from '@rekam/client'
import { rekam } from '../../lib/rekam.js'

/** records-service's trails: the record and patient access logs. */
export async function verifyRecordsTrails () {
  return unwrap(await rekam.records.GET('/api/audit/verify'))
}

/** auth-service's trail: the security events. */
export async function verifyAuthTrails () {
  return unwrap(await rekam.auth.GET('/api/auth/audit/verify'))
}

/** Both services answer the same shape. */
export type Verification = Awaited<ReturnType<typeof verifyRecordsTrails>>

/** A service's verification, or why it could not be had. */
export type Outcome = { report: Verification } | { error: unknown }
