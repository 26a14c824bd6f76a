import type { AuditTrail } from '@rekam/db'
import { SEAL_TABLES } from '@rekam/db'

/**
 * auth-service's tamper-evident trail (docs/audit-trail.md): every column of security_events (the
 * client's address and user agent live in security_event_clients, erasable personal data).
 */
export const auditTrails: AuditTrail[] = [{
  table: 'security_events',
  id: 'id',
  at: 'created_at',
  columns: {
    id: 'text',
    type: 'text',
    user_id: 'text',
    actor_user_id: 'text',
    session_id: 'text',
    reason: 'text',
    request_id: 'text',
    created_at: 'timestamptz',
  },
}]

/** The tables the service's role may only read and insert into (db:grant). */
export const auditTables = [...auditTrails.map((trail) => trail.table), ...SEAL_TABLES]
