import { forbidden } from '@rekam/errors'

/** Why an access was refused, as a DENIED audit row names it. */
export type RefusalReason = 'ROLE' | 'NOT_OWNER' | 'NOT_IN_CARE' | 'NOT_AUTHOR' | 'NO_DOCTOR_PROFILE'

/** What a refused request was aimed at, when it is not the route's own target (see refusal-audit.ts). */
export interface RefusalTarget {
  target: 'RECORD' | 'PATIENT'
  id: string
}

export interface Refusal {
  refusalReason: RefusalReason
  refusalTarget?: RefusalTarget
}

/**
 * A 403 that says why, for its DENIED row: the refusal-audit plugin reads the reason (and a
 * target, when the route's own is not the one refused) from the error. A 403 thrown without
 * one (the role guard, `fastify.authorize`) is logged with reason ROLE.
 */
export function refused (reason: RefusalReason, message: string, target?: RefusalTarget) {
  return Object.assign(forbidden(message), { refusalReason: reason }, target ? { refusalTarget: target } : {})
}
