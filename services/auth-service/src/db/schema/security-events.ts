import { index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns.js'
import { users } from './users.js'

export const securityEventTypeEnum = pgEnum('security_event_type', [
  'USER_REGISTERED',
  'LOGIN_SUCCEEDED',
  'LOGIN_FAILED',
  'REFRESH_REUSE_DETECTED',
  'SESSION_REVOKED',
  'PASSWORD_CHANGED',
  'ROLE_CHANGED',
  'USER_BLOCKED',
  'USER_UNBLOCKED',
  'KEY_ROTATED',
  'LOGIN_LOCKED',
  'PASSWORD_CHECK_FAILED',
  'EMAIL_CHANGED',
  'USER_INVITED',
  'USER_CREATED',
  'PASSWORD_SET',
  'LOCKOUT_CLEARED',
  'CSRF_REJECTED',
  'MFA_FACTOR_ADDED',
  'MFA_FACTOR_REMOVED',
  'MFA_FACTORS_RESET',
  'MFA_SUCCEEDED',
  'MFA_FAILED',
  'RECOVERY_CODE_USED',
  'RECOVERY_CODES_REGENERATED',
  'STEP_UP',
  'SESSION_EXPIRED',
  'EMAIL_VERIFIED',
  'PASSWORD_RESET_REQUESTED',
  'PASSWORD_RESET',
  'EMAIL_CHANGE_REQUESTED',
  'ACCOUNT_DELETION_REQUESTED',
  'ACCOUNT_DELETION_CANCELLED',
  'ACCOUNT_DELETED',
])

/** What happened to whose account, from where: the audit trail of authentication. */
export const securityEvents = pgTable('security_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  type: securityEventTypeEnum('type').notNull(),
  /** The account concerned, when known (a failed login for an unknown name has none). */
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  /** Who caused it when that is someone else (an admin changing a role). */
  actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
  sessionId: uuid('session_id'),
  reason: text('reason'),
  requestId: text('request_id'),
  createdAt: createdAt(),
}, (t) => [
  index('security_events_created_at_idx').on(t.createdAt.desc()),
  index('security_events_user_created_at_idx').on(t.userId, t.createdAt.desc()),
  index('security_events_type_created_at_idx').on(t.type, t.createdAt.desc()),
])

/**
 * Where a security event came from: the client's address and user agent. Personal data kept
 * beside the event rather than in it: the event is part of the sealed, insert-only trail
 * (docs/audit-trail.md), and account erasure deletes these rows (UU PDP) without touching it.
 */
export const securityEventClients = pgTable('security_event_clients', {
  eventId: uuid('event_id').primaryKey().references(() => securityEvents.id, { onDelete: 'restrict' }),
  ip: text('ip'),
  userAgent: text('user_agent'),
})

/** An event with its client (ip and user agent null once erased or never known). */
export type SecurityEventRow = typeof securityEvents.$inferSelect & { ip: string | null, userAgent: string | null }
export type SecurityEventType = SecurityEventRow['type']
