import type { AuditTrail } from '@rekam/db'
import { SEAL_TABLES } from '@rekam/db'

/** The columns both access logs seal: every column of the row (the logs are insert-only). */
const logColumns = (target: 'record_id' | 'patient_id') => ({
  id: 'text',
  [target]: 'text',
  actor_user_id: 'text',
  actor_role: 'text',
  action: 'text',
  request_id: 'text',
  at: 'timestamptz',
  purpose: 'text',
  outcome: 'text',
  reason: 'text',
  denied_window: 'timestamptz',
}) as const

/** records-service's tamper-evident trails (docs/audit-trail.md). */
export const auditTrails: AuditTrail[] = [
  { table: 'record_access_log', id: 'id', at: 'at', columns: logColumns('record_id') },
  { table: 'patient_access_log', id: 'id', at: 'at', columns: logColumns('patient_id') },
]

/** The tables the service's role may only read and insert into (db:grant). */
export const auditTables = [...auditTrails.map((trail) => trail.table), ...SEAL_TABLES]
