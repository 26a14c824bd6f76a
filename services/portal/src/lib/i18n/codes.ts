import type { AuthPaths } from '@rekam/client'
import type { ErrorCode } from '@rekam/errors'

/**
 * Every code the envelope may carry: @rekam/errors' list, so a new code there fails the type
 * check until both languages have it.
 */
export type ApiErrorCode = ErrorCode

/**
 * auth-service's security event types, as the client's generated types name them: a new one fails
 * the type check until both languages have a name for it.
 */
export type EventType = NonNullable<NonNullable<AuthPaths['/api/auth/events']['get']['parameters']['query']>['type']>

export interface CodeMessages {
  errors: Record<ApiErrorCode, string>
  events: Record<EventType, string>
}
