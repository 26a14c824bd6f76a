import { accountBlocked, currentPasswordIncorrect, invalidCredentials } from '@rekam/errors'
import type { UserRow } from '../db/schema.js'
import type { ClientMeta } from '../lib/client-meta.js'
import { BCRYPT_MAX_BYTES, type Passwords } from '../plugins/app/passwords.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { LoginAttempt, LoginThrottle } from './login-throttle.js'

export interface PasswordCheckDeps {
  passwords: Passwords
  throttle: LoginThrottle
  events: SecurityEventsRepository
}

/** Why a current password is being asked for, recorded with a failed check. */
export type PasswordCheckPurpose = 'email_change' | 'password_change' | 'reauthenticate'

/**
 * The one place a password is compared with an account's: sign-ins and every operation that
 * asks for the current password again. Each comparison first reserves a count on the account's
 * login-failure counters (see login-throttle), so a stolen access token guesses no faster than
 * a sign-in form, and its failures lock the sign-in too.
 */
export function createPasswordCheck ({ passwords, throttle, events }: PasswordCheckDeps) {
  /**
   * Compares under a reservation; the reason of a failure, or null when the password is right.
   * An unknown user or an over-long password costs a full compare too: the answer and its time
   * say nothing. A compare that fails on our side (a full hashing queue) gives its count back.
   */
  async function compare (user: UserRow | undefined, password: string, attempt: LoginAttempt, meta: ClientMeta): Promise<string | null> {
    await throttle.reserve(attempt, meta)
    try {
      // An account whose owner has not set a password yet answers like a wrong password.
      if (!user || user.passwordHash === null || Buffer.byteLength(password) > BCRYPT_MAX_BYTES) {
        await passwords.compareDummy(password)
        return !user ? 'unknown_user' : user.passwordHash === null ? 'no_password_set' : 'password_too_long'
      }
      return await passwords.compare(password, user.passwordHash) ? null : 'wrong_password'
    } catch (err) {
      await throttle.release(attempt).catch(() => {})
      throw err
    }
  }

  return {
    /**
     * A sign-in: the user named (if any) and the password given. Resolves to the user when the
     * password is right and the account usable; throws 429, 401 INVALID_CREDENTIALS or 403.
     */
    async signIn (login: { name: string, ip: string }, user: UserRow | undefined, password: string, meta: ClientMeta, options: { keepCount?: boolean } = {}): Promise<UserRow> {
      const attempt = { names: [login.name], userId: user?.id, ip: login.ip }
      const failure = await compare(user, password, attempt, meta)
      if (failure !== null || !user) {
        await events.record({ type: 'LOGIN_FAILED', userId: user?.id ?? null, reason: failure }, meta)
        throw invalidCredentials()
      }
      if (user.blocked) {
        // The right password of a blocked account is no guess: it does not count.
        await Promise.all([
          throttle.release(attempt),
          events.record({ type: 'LOGIN_FAILED', userId: user.id, reason: 'account_blocked' }, meta),
        ])
        throw accountBlocked()
      }
      // A password a second factor must follow keeps its count: only the whole sign-in clears it.
      if (!options.keepCount) await throttle.succeeded(user, attempt)
      return user
    },

    /** A sign-in whose password kept its count (keepCount) is complete: the account's counts start again. */
    settle: (user: UserRow, ip: string) => throttle.succeeded(user, { names: [user.username, user.email], userId: user.id, ip }),

    /**
     * A second-factor code counts like a password: reserve before checking it (429 when the
     * account is locked), `settle` when right, nothing more when wrong, `giveBack` when it tested
     * nothing (the ticket was already spent).
     */
    reserveCode: (user: UserRow, ip: string, meta: ClientMeta) => throttle.reserve({ names: [user.username, user.email], userId: user.id, ip }, meta),
    /** An attempt whose account is not known yet (a passkey nobody registered) counts on the address alone. */
    reserveAddress: (ip: string, meta: ClientMeta) => throttle.reserve({ names: [], ip }, meta),
    giveBack: (user: UserRow, ip: string) => throttle.release({ names: [user.username, user.email], userId: user.id, ip }),

    /**
     * The signed-in user's current password, asked again before a sensitive change; counted
     * with the account's sign-in failures. Throws 429 or 403 CURRENT_PASSWORD_INCORRECT (not 401:
     * the caller is signed in, and clients read a 401 as "signed out").
     */
    async confirmCurrent (user: UserRow, password: string, meta: ClientMeta, context: { purpose: PasswordCheckPurpose, sessionId?: string | undefined }): Promise<void> {
      const attempt = { names: [user.username, user.email], userId: user.id }
      const failure = await compare(user, password, attempt, meta)
      if (failure !== null) {
        await events.record({ type: 'PASSWORD_CHECK_FAILED', userId: user.id, sessionId: context.sessionId ?? null, reason: context.purpose }, meta)
        throw currentPasswordIncorrect()
      }
      await throttle.succeeded(user, attempt)
    },

    /** An admin's unlock: the account's sign-in failure counts start again (its addresses' stay). */
    unlock: (user: Pick<UserRow, 'id' | 'username' | 'email'>) => throttle.clearAccount(user),
  }
}

export type PasswordCheck = ReturnType<typeof createPasswordCheck>
