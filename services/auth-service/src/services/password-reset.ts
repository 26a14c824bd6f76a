import { accountBlocked, conflict, emailTokenInvalid, mfaCodeInvalid, secondFactorRequired } from '@rekam/errors'
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server'
import type { UserRow } from '../db/schema.js'
import type { ClientMeta } from '../lib/client-meta.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { EmailTokens } from './email-tokens.js'
import type { Notifications } from '../plugins/app/notifications.js'
import type { Passwords } from '../plugins/app/passwords.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { UsersRepository } from '../plugins/app/users-repository.js'
import type { ResetFactor } from '../schemas/password-reset.js'
import type { MfaProofs } from './mfa-proofs.js'
import type { PasswordCheck } from './password-check.js'
import type { SessionManager } from './session-manager.js'
import type { WebauthnCeremonies } from './webauthn-ceremonies.js'

export interface PasswordResetDeps {
  db: AuthDb
  users: UsersRepository
  events: SecurityEventsRepository
  emailTokens: EmailTokens
  notifications: Notifications
  passwords: Passwords
  passwordCheck: PasswordCheck
  proofs: MfaProofs
  ceremonies: WebauthnCeremonies
  sessionManager: SessionManager
  now: () => number
}

const PURPOSE = 'PASSWORD_RESET'

/** A factor as the proofs registry takes it. */
const proofOf = (factor: ResetFactor) => factor.type === 'webauthn' ? { response: factor.response } : { code: factor.code }

type Outcome = 'reset' | 'wrong_factor'

/**
 * The second half of a password reset: the link's token and a new password, plus a second factor
 * when the account has one (a mailbox alone must not take over an account the user protected with
 * more: ASVS 6.4.3, supabase/auth#2091). The token is only looked at until everything else is
 * right, so a weak password, a missing or a wrong factor leave it usable until it expires.
 */
export function createPasswordReset (deps: PasswordResetDeps) {
  const { db, users, events, emailTokens, notifications, passwords, passwordCheck, proofs, sessionManager, now } = deps

  /** The account of a live token; 400 EMAIL_TOKEN_INVALID for any other token, 403 ACCOUNT_BLOCKED. */
  async function ownerOf (token: string): Promise<UserRow> {
    const row = await emailTokens.peek(token, PURPOSE)
    const user = row && await users.findById(row.userId)
    // A link mailed to an address the account no longer has is void.
    if (!user || user.deletedAt || user.email !== row.email) throw emailTokenInvalid()
    if (user.blocked) throw accountBlocked()
    return user
  }

  /** Stores the password and ends what the old one opened, in the caller's transaction; false when the token was spent meanwhile. */
  async function reset (user: UserRow, token: string, passwordHash: string, factor: ResetFactor | undefined, meta: ClientMeta, tx: AuthDb): Promise<boolean> {
    if (!await emailTokens.consume(tx, token, PURPOSE)) return false
    await users.update(user.id, { passwordHash }, tx)
    // The link proves the mailbox too: an address not yet verified is, now.
    const verified = !user.emailVerifiedAt && await users.markEmailVerified(tx, user.id, user.email, new Date(now()))
    await emailTokens.voidAll(tx, user.id, PURPOSE)
    await sessionManager.endSessions(user.id, 'password_reset', meta, { tx })
    await events.record([
      ...(verified ? [{ type: 'EMAIL_VERIFIED' as const, userId: user.id, reason: 'password_reset' }] : []),
      { type: 'PASSWORD_RESET', userId: user.id, reason: factor?.type ?? null },
      ...(factor?.type === 'recovery_code' ? [{ type: 'RECOVERY_CODE_USED' as const, userId: user.id }] : []),
    ], meta, tx)
    await notifications.notify(tx, user, 'PASSWORD_RESET', meta.ip ? { ip: meta.ip } : {})
    return true
  }

  return {
    /**
     * Sets the new password (policy-checked as at registration). An account with a second factor
     * needs `factor`: 403 SECOND_FACTOR_REQUIRED without one (its methods in the details), 403
     * MFA_CODE_INVALID for a wrong one, which counts toward the account's lockout like a failed
     * second step (429 once locked). Success, in one transaction: password stored, token used and
     * the account's other reset tokens void, every session ended, PASSWORD_RESET recorded and a
     * notice mailed; then the account's sign-in failure counts start again. Signs nothing in.
     */
    async confirm (token: string, newPassword: string, factor: ResetFactor | undefined, meta: ClientMeta): Promise<void> {
      const user = await ownerOf(token)
      passwords.assertAcceptable(newPassword, 'body.newPassword', [user.username, user.email, user.fullName ?? ''])
      const methods = await proofs.available(user.id)
      if (methods.length > 0 && !factor) throw secondFactorRequired(methods)
      const ip = meta.ip ?? ''
      // A factor of an account without one proves nothing and is not asked for: it is ignored.
      const checked = methods.length > 0 ? factor : undefined
      if (checked) await passwordCheck.reserveCode(user, ip, meta)
      let outcome: Outcome
      try {
        const passwordHash = await passwords.hash(newPassword)
        outcome = await db.transaction(async (tx): Promise<Outcome> => {
          if (checked && !await proofs.check(checked.type, user, proofOf(checked), tx, now())) {
            await events.record({ type: 'MFA_FAILED', userId: user.id, reason: `${checked.type} (password reset)` }, meta, tx)
            return 'wrong_factor'
          }
          // Spent by a concurrent reset: nothing of this one stays, the factor's use included.
          if (!await reset(user, token, passwordHash, checked, meta, tx)) throw emailTokenInvalid()
          return 'reset'
        })
      } catch (err) {
        if (checked) await passwordCheck.giveBack(user, ip)
        throw err
      }
      if (outcome === 'wrong_factor') throw mfaCodeInvalid()
      // The new password starts with a clean slate, whatever locked the old one.
      if (checked) await passwordCheck.settle(user, ip)
      else await passwordCheck.unlock(user)
    },

    /**
     * The WebAuthn options for a reset's passkey factor: a challenge for one of the token's
     * account's passkeys (then `confirm` with factor webauthn). 400 EMAIL_TOKEN_INVALID, 409 when
     * the account has no passkey.
     */
    async passkeyOptions (token: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
      const options = await deps.ceremonies.authenticationOptions(await ownerOf(token))
      if (!options) throw conflict('No passkey is registered for this account')
      return options
    },
  }
}

export type PasswordReset = ReturnType<typeof createPasswordReset>
