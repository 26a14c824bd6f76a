import { conflict, emailNotVerified, isUniqueViolation } from '@rekam/errors'
import type { UserRow } from '../db/schema.js'
import type { ClientMeta } from '../lib/client-meta.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { Passwords } from '../plugins/app/passwords.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { UsersRepository } from '../plugins/app/users-repository.js'
import type { LoginBody, RegisterBody, Tokens } from '../schemas/auth.js'
import type { Locale } from '../schemas/user.js'
import type { EmailVerification } from './email-verification.js'
import type { PasswordCheck } from './password-check.js'
import type { MfaSignIn, SecondStep } from './mfa-sign-in.js'
import type { SessionManager } from './session-manager.js'

export interface CredentialsDeps {
  db: AuthDb
  passwords: Passwords
  passwordCheck: PasswordCheck
  users: UsersRepository
  events: SecurityEventsRepository
  sessionManager: SessionManager
  mfaSignIn: MfaSignIn
  verification: EmailVerification
}

/** A signed-in user and the first token pair of their new session. */
export interface SignedIn {
  user: UserRow
  tokens: Tokens
}

/** A new account: signed in, or waiting for its address to be verified; and whether the link was mailed. */
export type Registration = (SignedIn | RegisteredUnverified) & { verificationSent: boolean }

/** A new account while EMAIL_VERIFICATION=required: no session until its address is verified. */
export interface RegisteredUnverified {
  user: UserRow
  emailVerificationRequired: true
}

/** Becoming a user and signing in: both prove who someone is and open a session. */
export function createCredentials ({ db, passwords, passwordCheck, users, events, sessionManager, mfaSignIn, verification }: CredentialsDeps) {
  return {
    /**
     * Creates a PATIENT account in the user's language and, in the same transaction, queues the
     * mail with its verification link (when mail is available) and signs it in, unless
     * verification is required: then the account waits for its link, without a session. Throws
     * 400 for a password the policy refuses and 409 CONFLICT for a username or email already taken.
     */
    async register ({ username, email, password, fullName }: RegisterBody, locale: Locale, meta: ClientMeta): Promise<Registration> {
      passwords.assertAcceptable(password, 'body.password', [username, email, fullName ?? ''])
      const passwordHash = await passwords.hash(password)
      try {
        return await db.transaction(async (tx): Promise<Registration> => {
          const user = await users.create({ username, email, passwordHash, fullName: fullName ?? null, locale }, tx)
          await events.record({ type: 'USER_REGISTERED', userId: user.id }, meta, tx)
          const verificationSent = await verification.sendLink(tx, user)
          if (verification.blocks(user)) return { user, emailVerificationRequired: true, verificationSent }
          return { user, tokens: await sessionManager.start(user, meta, tx), verificationSent }
        })
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('A user with that username or email already exists')
        throw err
      }
    },

    /**
     * Signs in by username or email (see password-check for the counting and the refusals: 429,
     * 401 INVALID_CREDENTIALS, 403 ACCOUNT_BLOCKED). A hash made at a lower cost than today's is
     * redone with the password just proven, the only moment it is known. A user with a second
     * factor, or whose role requires one, gets a ticket for the second step instead of tokens;
     * their password's failure count stays until that step succeeds. While verification is
     * required, an unverified address answers 403 EMAIL_NOT_VERIFIED, only to the right password.
     */
    async login (login: LoginBody, meta: ClientMeta): Promise<SignedIn | SecondStep> {
      const name = login.username ?? login.email ?? ''
      const ip = meta.ip ?? ''
      const user = await passwordCheck.signIn({ name, ip }, await users.findByLogin(login), login.password, meta, { keepCount: true })
      if (verification.blocks(user)) {
        await passwordCheck.settle(user, ip)
        await events.record({ type: 'LOGIN_FAILED', userId: user.id, reason: 'email_not_verified' }, meta)
        throw emailNotVerified()
      }
      const current = user.passwordHash !== null && passwords.needsRehash(user.passwordHash)
        ? await users.update(user.id, { passwordHash: await passwords.hash(login.password) }) ?? user
        : user
      const secondStep = await mfaSignIn.secondStep(current)
      if (secondStep) return secondStep
      await passwordCheck.settle(current, ip)
      const tokens = await db.transaction((tx) => sessionManager.start(current, meta, tx))
      return { user: current, tokens }
    },
  }
}

export type Credentials = ReturnType<typeof createCredentials>
