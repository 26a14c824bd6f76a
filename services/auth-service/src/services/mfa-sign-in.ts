import { accountBlocked, mfaCodeInvalid, mfaTicketInvalid } from '@rekam/errors'
import type { Role } from '@rekam/auth-verify'
import type { UserRow } from '../db/schema.js'
import type { ClientMeta } from '../lib/client-meta.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { UsersRepository } from '../plugins/app/users-repository.js'
import type { Tokens } from '../schemas/auth.js'
import type { MfaMethod, MfaProof, MfaProofs } from './mfa-proofs.js'
import { TICKET_SECONDS, type MfaTickets } from './mfa-tickets.js'
import type { PasswordCheck } from './password-check.js'
import type { SessionManager } from './session-manager.js'

export interface MfaSignInDeps {
  db: AuthDb
  users: UsersRepository
  events: SecurityEventsRepository
  passwordCheck: PasswordCheck
  sessionManager: SessionManager
  proofs: MfaProofs
  tickets: MfaTickets
  requiredRoles: ReadonlySet<Role>
  now: () => number
}

/** What a right password earns when it is not enough: a ticket for the second step, no tokens. */
export type SecondStep =
  | { mfaRequired: true, ticket: string, methods: MfaMethod[], expiresIn: number }
  | { mfaEnrollmentRequired: true, ticket: string, methods: MfaMethod[], expiresIn: number }

/** The methods a user who must enrol may set up. */
const ENROLLABLE: MfaMethod[] = ['totp', 'webauthn']

type Outcome = { kind: 'ok', tokens: Tokens } | { kind: 'wrong' } | { kind: 'spent' } | { kind: 'blocked' }

/**
 * The second step of a sign-in. A user with a factor proves it with a ticket; a user whose role
 * requires one and who has none gets an enrolment ticket instead (see mfa-enrollment): no access
 * token exists before the second step.
 */
export function createMfaSignIn (deps: MfaSignInDeps) {
  const { db, users, events, passwordCheck, sessionManager, proofs, tickets, now } = deps

  return {
    /** After a right password: the second step the user owes, or undefined when the password is enough. */
    async secondStep (user: UserRow): Promise<SecondStep | undefined> {
      const methods = await proofs.available(user.id)
      if (methods.length > 0) {
        return { mfaRequired: true, ticket: await tickets.issue(user.id, 'verify', ['pwd']), methods, expiresIn: TICKET_SECONDS }
      }
      if (!deps.requiredRoles.has(user.role)) return undefined
      return { mfaEnrollmentRequired: true, ticket: await tickets.issue(user.id, 'enroll', ['pwd']), methods: ENROLLABLE, expiresIn: TICKET_SECONDS }
    },

    /**
     * Completes a sign-in: the ticket and one proof. A wrong proof counts on the ticket (it dies
     * at the fifth) and on the account's sign-in failures (429 once locked); a right one opens the
     * session with both methods in its amr. Throws 401 MFA_TICKET_INVALID, 403 MFA_CODE_INVALID,
     * 403 ACCOUNT_BLOCKED or 429.
     */
    async verify (ticket: string, method: MfaMethod, proof: MfaProof, meta: ClientMeta): Promise<{ user: UserRow, tokens: Tokens }> {
      const peeked = await tickets.peekLive(ticket, 'verify')
      const user = peeked && await users.findById(peeked.userId)
      if (!user) throw mfaTicketInvalid()
      const ip = meta.ip ?? ''
      if (!user.blocked) await passwordCheck.reserveCode(user, ip, meta)

      const outcome = await db.transaction(async (tx): Promise<Outcome> => {
        const row = await tickets.lockLive(ticket, 'verify', tx)
        if (!row) return { kind: 'spent' }
        if (user.blocked) {
          await tickets.spend(row, tx)
          await events.record({ type: 'LOGIN_FAILED', userId: user.id, reason: 'account_blocked' }, meta, tx)
          return { kind: 'blocked' }
        }
        const amr = await proofs.check(method, user, proof, tx, now())
        if (!amr) {
          await tickets.fail(row, tx)
          await events.record({ type: 'MFA_FAILED', userId: user.id, reason: method }, meta, tx)
          return { kind: 'wrong' }
        }
        await tickets.spend(row, tx)
        await events.record([
          { type: 'MFA_SUCCEEDED', userId: user.id, reason: method },
          ...(method === 'recovery_code' ? [{ type: 'RECOVERY_CODE_USED' as const, userId: user.id }] : []),
        ], meta, tx)
        return { kind: 'ok', tokens: await sessionManager.start(user, meta, tx, [...row.amr, ...amr], method) }
      })

      if (outcome.kind === 'ok') {
        await passwordCheck.settle(user, ip)
        return { user, tokens: outcome.tokens }
      }
      if (outcome.kind === 'blocked') throw accountBlocked()
      if (outcome.kind === 'spent') {
        await passwordCheck.giveBack(user, ip)
        throw mfaTicketInvalid()
      }
      throw mfaCodeInvalid()
    },
  }
}

export type MfaSignIn = ReturnType<typeof createMfaSignIn>
