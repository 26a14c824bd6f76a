import type { AccessTokenClaims, Role } from '@rekam/auth-verify'

/** Who is reading or changing, as the audit trail names them. */
export interface Actor {
  userId: string
  role: Role
  requestId: string
}

export const actorOf = (user: AccessTokenClaims, requestId: string): Actor => ({ userId: user.sub, role: user.role, requestId })
