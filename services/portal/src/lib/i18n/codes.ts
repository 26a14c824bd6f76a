import type { ErrorCode } from '@rekam/errors'

/**
 * Every code the envelope may carry: @rekam/errors' list (so a new code there fails the type
 * check until both languages have it) and the codes DESIGN.md names for the work under way.
 */
export type ApiErrorCode = ErrorCode | 'STEP_UP_REQUIRED' | 'EMAIL_NOT_VERIFIED' | 'RECORD_FINAL' | 'PRECONDITION_FAILED' | 'MAIL_UNAVAILABLE'

/** auth-service's security event types (GET /api/auth/events, /api/auth/login-history). */
export const EVENT_TYPES = [
  'USER_REGISTERED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'REFRESH_REUSE_DETECTED', 'SESSION_REVOKED',
  'PASSWORD_CHANGED', 'ROLE_CHANGED', 'USER_BLOCKED', 'USER_UNBLOCKED', 'KEY_ROTATED', 'LOGIN_LOCKED',
  'PASSWORD_CHECK_FAILED', 'EMAIL_CHANGED', 'USER_INVITED', 'USER_CREATED', 'PASSWORD_SET', 'LOCKOUT_CLEARED', 'CSRF_REJECTED',
] as const
export type EventType = typeof EVENT_TYPES[number]

export interface CodeMessages {
  errors: Record<ApiErrorCode, string>
  events: Record<EventType, string>
}
