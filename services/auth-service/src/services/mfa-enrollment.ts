import { conflict, mfaCodeInvalid, mfaTicketInvalid, notFound } from '@rekam/errors'
import type { Role } from '@rekam/auth-verify'
import type { MfaFactorRow, MfaTicketRow, UserRow } from '../db/schema.js'
import type { ClientMeta } from '../lib/client-meta.js'
import { originOf } from '../lib/device.js'
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from '../lib/recovery-codes.js'
import { seal, unseal } from '@rekam/server-kit'
import { matchingStep, newTotpSecret, otpauthUri } from '../lib/totp.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { MfaFactorsRepository, MfaFactorSummary } from '../plugins/app/mfa-factors-repository.js'
import type { Notifications } from '../plugins/app/notifications.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { UsersRepository } from '../plugins/app/users-repository.js'
import type { Tokens } from '../schemas/auth.js'
import type { MfaTickets } from './mfa-tickets.js'
import type { SessionManager } from './session-manager.js'

export interface MfaEnrollmentDeps {
  db: AuthDb
  users: UsersRepository
  factors: MfaFactorsRepository
  events: SecurityEventsRepository
  tickets: MfaTickets
  sessionManager: SessionManager
  notifications: Notifications
  totpKey: Buffer
  /** The name authenticator apps show above the code. */
  issuer: string
  requiredRoles: ReadonlySet<Role>
  now: () => number
}

/** Who is enrolling: a signed-in user, or one holding the enrolment ticket a sign-in gave them. */
export type Enroller = { userId: string, sessionId: string } | { ticket: string }

/** A confirmed factor; the recovery codes when it was the user's first; tokens when a ticket signed in. */
export interface Confirmed {
  factor: MfaFactorSummary
  recoveryCodes?: string[]
  signedIn?: { user: UserRow, tokens: Tokens }
}

/** Enrolling, listing and removing second factors, and the recovery codes that back them up. */
export function createMfaEnrollment (deps: MfaEnrollmentDeps) {
  const { db, users, factors, events, tickets, sessionManager, notifications, totpKey, now } = deps

  /** The user behind an enroller: the bearer's, or the live enrolment ticket's (401 MFA_TICKET_INVALID otherwise). */
  async function userOf (enroller: Enroller, tx?: AuthDb): Promise<UserRow> {
    const userId = 'ticket' in enroller ? (await tickets.peekLive(enroller.ticket, 'enroll'))?.userId : enroller.userId
    const user = userId ? await users.findById(userId, tx) : undefined
    if (!user) throw 'ticket' in enroller ? mfaTicketInvalid() : notFound('User not found')
    return user
  }

  /** A fresh set of recovery codes (shown once; only hashes are kept), voiding the old. */
  async function newRecoveryCodes (userId: string, tx: AuthDb): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
    await factors.replaceRecoveryCodes(userId, codes.map(hashRecoveryCode), tx)
    return codes
  }

  /**
   * What follows a factor becoming active, in its transaction: the event; the recovery codes
   * when it is the account's first; with an enrolment ticket, the ticket spent and the session
   * opened with the password and the methods this factor proved.
   */
  async function welcome (user: UserRow, enroller: Enroller, ticket: MfaTicketRow | undefined, factorId: string,
    method: MfaFactorRow['type'], amr: string[], meta: ClientMeta, tx: AuthDb): Promise<Confirmed> {
    const active = await factors.listActive(user.id, tx)
    const factor = active.find((f) => f.id === factorId)!
    await events.record({ type: 'MFA_FACTOR_ADDED', userId: user.id, reason: method, sessionId: 'sessionId' in enroller ? enroller.sessionId : null }, meta, tx)
    await notifications.notify(tx, user, 'MFA_FACTOR_ADDED', { factor: factor.name, ...originOf(meta) })
    const recoveryCodes = active.length === 1 ? await newRecoveryCodes(user.id, tx) : undefined
    let signedIn: Confirmed['signedIn']
    if (ticket) {
      await tickets.spend(ticket, tx)
      signedIn = { user, tokens: await sessionManager.start(user, meta, tx, [...ticket.amr, ...amr], method) }
    }
    return { factor, ...(recoveryCodes ? { recoveryCodes } : {}), ...(signedIn ? { signedIn } : {}) }
  }

  return {
    userOf,
    welcome,

    /** Starts a TOTP enrolment: the secret, once, and the URI of its QR code. */
    async startTotp (enroller: Enroller, name: string | undefined): Promise<{ factorId: string, secret: string, otpauthUri: string }> {
      const user = await userOf(enroller)
      const secret = newTotpSecret()
      const factor = await factors.createPendingTotp({ userId: user.id, name: name ?? 'Authenticator app', secretSealed: seal(totpKey, secret) })
      return { factorId: factor.id, secret, otpauthUri: otpauthUri(secret, user.username, deps.issuer) }
    },

    /**
     * Confirms a TOTP enrolment with its first code. The first factor of an account brings its
     * recovery codes; with an enrolment ticket it also opens the session (password and this code).
     */
    async confirmTotp (enroller: Enroller, factorId: string, code: string, meta: ClientMeta): Promise<Confirmed> {
      const user = await userOf(enroller)
      const result = await db.transaction(async (tx) => {
        const ticket = 'ticket' in enroller ? await tickets.lockLive(enroller.ticket, 'enroll', tx) : undefined
        if ('ticket' in enroller && !ticket) return { error: mfaTicketInvalid() }
        const factor = await factors.lockOwn(factorId, user.id, tx)
        if (!factor || factor.type !== 'totp') return { error: notFound('No such factor') }
        if (factor.confirmedAt) return { error: conflict('This factor is already confirmed') }
        const secret = factor.secretSealed ? unseal<string>(totpKey, factor.secretSealed) : undefined
        const step = secret === undefined ? undefined : matchingStep(secret, code, now())
        if (step === undefined || !await factors.useStep(factor.id, step, new Date(now()), tx)) {
          if (ticket) await tickets.fail(ticket, tx)
          return { error: mfaCodeInvalid() }
        }
        await factors.confirm(factor.id, new Date(now()), tx)
        return { confirmed: await welcome(user, enroller, ticket, factor.id, 'totp', ['otp'], meta, tx) }
      })
      if ('error' in result) throw result.error
      return result.confirmed
    },

    /** Demo mode only: a confirmed TOTP factor with a secret everyone knows (the README's demo table). */
    async addKnownTotp (userId: string, name: string, secret: string, tx: AuthDb): Promise<void> {
      const factor = await factors.createPendingTotp({ userId, name, secretSealed: seal(totpKey, secret) }, tx)
      await factors.confirm(factor.id, new Date(now()), tx)
    },

    /** The user's factors (no secrets) and how many recovery codes are left. */
    async list (userId: string): Promise<{ factors: MfaFactorSummary[], recoveryCodesLeft: number }> {
      const [active, left] = await Promise.all([factors.listActive(userId), factors.countUnusedRecoveryCodes(userId)])
      return { factors: active, recoveryCodesLeft: left }
    },

    /**
     * Removes one of the user's factors: 404 when not theirs, 409 when it is the last one and
     * their role requires a second factor. Removing the last factor voids the recovery codes.
     */
    async remove (user: UserRow, factorId: string, sessionId: string, meta: ClientMeta): Promise<void> {
      const result = await db.transaction(async (tx) => {
        const factor = await factors.lockOwn(factorId, user.id, tx)
        if (!factor) return notFound('No such factor')
        const active = await factors.countActive(user.id, tx)
        if (factor.confirmedAt && active === 1 && deps.requiredRoles.has(user.role)) {
          return conflict('Your role requires a second factor: add another before removing your last one')
        }
        await factors.remove(factor.id, user.id, tx)
        if (factor.confirmedAt && active === 1) await factors.replaceRecoveryCodes(user.id, [], tx)
        await events.record({ type: 'MFA_FACTOR_REMOVED', userId: user.id, sessionId, reason: factor.type }, meta, tx)
        if (factor.confirmedAt) await notifications.notify(tx, user, 'MFA_FACTOR_REMOVED', { factor: factor.name, ...originOf(meta) })
        return undefined
      })
      if (result) throw result
    },

    /** A new set of recovery codes (the old set stops working); 409 for a user without a factor. */
    async regenerateRecoveryCodes (userId: string, sessionId: string, meta: ClientMeta): Promise<string[]> {
      return db.transaction(async (tx) => {
        if (await factors.countActive(userId, tx) === 0) throw conflict('Add a second factor first: recovery codes back one up')
        const codes = await newRecoveryCodes(userId, tx)
        await events.record({ type: 'RECOVERY_CODES_REGENERATED', userId, sessionId }, meta, tx)
        return codes
      })
    },

    /**
     * An admin's reset: every factor and recovery code goes; the user enrols again at the next
     * sign-in, and is told (without the admin's address: it was not their device).
     */
    async reset (userId: string, actorUserId: string, meta: ClientMeta): Promise<number> {
      return db.transaction(async (tx) => {
        const removed = await factors.removeAll(userId, tx)
        await events.record({ type: 'MFA_FACTORS_RESET', userId, actorUserId, reason: `${removed} factor(s)` }, meta, tx)
        const user = await users.findById(userId, tx)
        if (removed > 0 && user) await notifications.notify(tx, user, 'MFA_FACTOR_REMOVED', {})
        return removed
      })
    },
  }
}

export type MfaEnrollment = ReturnType<typeof createMfaEnrollment>
