import { accountBlocked, emailNotVerified, invalidCredentials } from '@rekam/errors'
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server'
import type { UserRow } from '../db/schema.js'
import type { ClientMeta } from '../lib/client-meta.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { UsersRepository } from '../plugins/app/users-repository.js'
import type { WebauthnRepository } from '../plugins/app/webauthn-repository.js'
import type { Tokens } from '../schemas/auth.js'
import type { PasswordCheck } from './password-check.js'
import type { SessionManager } from './session-manager.js'
import type { WebauthnCeremonies } from './webauthn-ceremonies.js'

export interface PasskeySignInDeps {
  db: AuthDb
  users: UsersRepository
  events: SecurityEventsRepository
  passwordCheck: PasswordCheck
  sessionManager: SessionManager
  ceremonies: WebauthnCeremonies
  repository: WebauthnRepository
  /** EMAIL_VERIFICATION=required: an unverified address gets no session, whatever proves the user. */
  emailVerificationRequired: boolean
}

/** A passkey with user verification is two factors in one (RFC 8176 hwk + user): aal2, phishing-resistant. */
const PASSKEY_AMR = ['hwk', 'user']

type Outcome = { kind: 'ok', tokens: Tokens } | { kind: 'wrong' } | { kind: 'blocked' } | { kind: 'unverified' }

/**
 * Signing in with a passkey alone: the browser offers the user's discoverable credentials, the
 * assertion names one, its owner is the user. Counted like a password attempt (login-throttle):
 * per account when the credential is known, per client address always, so guessing is no faster
 * than at the password form. While verification is required, an unverified address answers 403
 * EMAIL_NOT_VERIFIED as a right password does: recorded, not counted as a failure, and the
 * assertion spent (it cannot be replayed once the address is verified).
 */
export function createPasskeySignIn ({ db, users, events, passwordCheck, sessionManager, ceremonies, repository, emailVerificationRequired }: PasskeySignInDeps) {
  /** The user a credential id belongs to, read without a lock (to count the attempt on their account). */
  async function ownerOf (response: unknown): Promise<UserRow | undefined> {
    const credentialId = (response as { id?: unknown } | null)?.id
    if (typeof credentialId !== 'string') return undefined
    const userId = await repository.ownerOf(credentialId)
    return userId ? users.findById(userId) : undefined
  }

  return {
    options: async (): Promise<PublicKeyCredentialRequestOptionsJSON> => (await ceremonies.authenticationOptions(null))!,

    /** Throws 401 INVALID_CREDENTIALS (unknown passkey or bad assertion alike), 403 ACCOUNT_BLOCKED, 403 EMAIL_NOT_VERIFIED or 429. */
    async verify (response: unknown, meta: ClientMeta): Promise<{ user: UserRow, tokens: Tokens }> {
      const ip = meta.ip ?? ''
      const owner = await ownerOf(response)
      if (owner) await passwordCheck.reserveCode(owner, ip, meta)
      else await passwordCheck.reserveAddress(ip, meta)

      const outcome = await db.transaction(async (tx): Promise<Outcome> => {
        const asserted = await ceremonies.verifyAssertion(response, { user: null, requireUserVerification: true }, tx)
        if (!asserted || !owner || asserted.factor.userId !== owner.id) {
          await events.record({ type: 'LOGIN_FAILED', userId: owner?.id ?? null, reason: 'passkey' }, meta, tx)
          return { kind: 'wrong' }
        }
        if (owner.blocked) {
          await events.record({ type: 'LOGIN_FAILED', userId: owner.id, reason: 'account_blocked' }, meta, tx)
          return { kind: 'blocked' }
        }
        if (emailVerificationRequired && owner.emailVerifiedAt === null) {
          await events.record({ type: 'LOGIN_FAILED', userId: owner.id, reason: 'email_not_verified' }, meta, tx)
          return { kind: 'unverified' }
        }
        return { kind: 'ok', tokens: await sessionManager.start(owner, meta, tx, PASSKEY_AMR, 'passkey') }
      })

      if (outcome.kind === 'ok') {
        await passwordCheck.settle(owner!, ip)
        return { user: owner!, tokens: outcome.tokens }
      }
      if (outcome.kind === 'unverified') {
        // The passkey proved the user: as with a right password, their count starts again.
        await passwordCheck.settle(owner!, ip)
        throw emailNotVerified()
      }
      if (outcome.kind === 'blocked') {
        // A valid passkey of a blocked account is no guess: it does not count.
        await passwordCheck.giveBack(owner!, ip)
        throw accountBlocked()
      }
      throw invalidCredentials()
    },
  }
}

export type PasskeySignIn = ReturnType<typeof createPasskeySignIn>
