import type { Role } from '@rekam/auth-verify'

/** Which limit ended a session: the reason of its SESSION_EXPIRED event and its revoke reason. */
export type ExpiryReason = 'idle_timeout' | 'absolute_lifetime'

/** The times of a session the limits are measured from. */
export interface SessionTimes {
  createdAt: Date
  lastUsedAt: Date
  /** The absolute end set at sign-in (the role's lifetime then). */
  expiresAt: Date
}

export interface SessionExpiry {
  idleTimeoutSeconds: number
  idleExpiresAt: Date
  absoluteExpiresAt: Date
}

export interface SessionLimitsOptions {
  /** The roles of MFA_REQUIRED_ROLES: their sessions get the staff limits. */
  staffRoles: ReadonlySet<Role>
  /** REFRESH_TOKEN_TTL: a refresh token starts at the session's last use, so its life is the idle limit. */
  idleSeconds: number
  /** SESSION_MAX_LIFETIME. */
  maxSeconds: number
  staffIdleSeconds: number
  staffMaxSeconds: number
  /** The clock, in epoch ms (tests move it instead of waiting). */
  now: () => number
}

/**
 * How long a session may go unused and how long it may live, by its user's role. Staff (the
 * roles that need a second factor) get SESSION_IDLE_TIMEOUT_STAFF and SESSION_MAX_LIFETIME_STAFF,
 * never more than the limits everyone gets; the others keep REFRESH_TOKEN_TTL as idle limit and
 * SESSION_MAX_LIFETIME.
 *
 * The role read when the limits are applied governs, not the role at sign-in: a patient promoted
 * to DOCTOR with a session open gets the staff limits at the next refresh (idle from the last use,
 * absolute from the sign-in). The absolute end stored at sign-in is never extended, so a demoted
 * user's session keeps its shorter end. (An admin's role change ends the user's sessions anyway;
 * this matters for changes made otherwise, such as scripts.)
 */
export function createSessionLimits (options: SessionLimitsOptions) {
  const { staffRoles } = options

  function limitsOf (role: Role): { idleSeconds: number, maxSeconds: number } {
    return staffRoles.has(role)
      ? { idleSeconds: Math.min(options.idleSeconds, options.staffIdleSeconds), maxSeconds: Math.min(options.maxSeconds, options.staffMaxSeconds) }
      : { idleSeconds: options.idleSeconds, maxSeconds: options.maxSeconds }
  }

  function expiry (session: SessionTimes, role: Role): SessionExpiry {
    const { idleSeconds, maxSeconds } = limitsOf(role)
    const absolute = Math.min(session.expiresAt.getTime(), session.createdAt.getTime() + maxSeconds * 1000)
    return {
      idleTimeoutSeconds: idleSeconds,
      // Never past the absolute end: the session is over then, however recently used.
      idleExpiresAt: new Date(Math.min(session.lastUsedAt.getTime() + idleSeconds * 1000, absolute)),
      absoluteExpiresAt: new Date(absolute),
    }
  }

  return {
    now: options.now,
    limitsOf,
    expiry,

    /** The times of a session opened at `at` (epoch ms) by a user of this role. */
    opening (role: Role, at: number): SessionTimes {
      return { createdAt: new Date(at), lastUsedAt: new Date(at), expiresAt: new Date(at + limitsOf(role).maxSeconds * 1000) }
    },

    /** The limit the session has reached at `at`, the one reached first when both; undefined while live. */
    exceeded (session: SessionTimes, role: Role, at = options.now()): ExpiryReason | undefined {
      const { idleExpiresAt, absoluteExpiresAt } = expiry(session, role)
      if (at < idleExpiresAt.getTime()) return undefined
      return idleExpiresAt < absoluteExpiresAt ? 'idle_timeout' : 'absolute_lifetime'
    },

    /** When a refresh token minted at `at` dies: after the idle limit, never past the absolute end. */
    refreshTokenEnd (role: Role, session: Pick<SessionTimes, 'createdAt' | 'expiresAt'>, at: number): number {
      return expiry({ ...session, lastUsedAt: new Date(at) }, role).idleExpiresAt.getTime()
    },
  }
}

export type SessionLimits = ReturnType<typeof createSessionLimits>
