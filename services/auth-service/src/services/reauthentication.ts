import { mfaCodeInvalid, validationError } from '@rekam/errors'
import type { UserRow } from '../db/schema.js'
import { assuranceFrom } from '../lib/assurance.js'
import type { ClientMeta } from '../lib/client-meta.js'
import type { AccessTokens } from '../plugins/app/access-tokens.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { SessionsRepository } from '../plugins/app/sessions-repository.js'
import type { MfaMethod, MfaProofs } from './mfa-proofs.js'
import type { PasswordCheck } from './password-check.js'

export interface ReauthenticationDeps {
  db: AuthDb
  passwordCheck: PasswordCheck
  proofs: MfaProofs
  sessions: SessionsRepository
  events: SecurityEventsRepository
  accessTokens: AccessTokens
  now: () => number
}

export interface ReauthenticateInput {
  password?: string | undefined
  method?: MfaMethod | undefined
  code?: string | undefined
  response?: unknown
}

/**
 * Step-up (RFC 9470): the signed-in user proves who they are again, with the password, a second
 * factor or both. The session takes the new proof (amr, acr, a fresh auth_time), so the access
 * token minted now and every refresh after it carry it. Wrong passwords and codes count toward
 * the account lockout like sign-in failures.
 */
export function createReauthentication (deps: ReauthenticationDeps) {
  const { db, passwordCheck, proofs, sessions, events, accessTokens, now } = deps

  return {
    async reauthenticate (user: UserRow, sessionId: string, input: ReauthenticateInput, meta: ClientMeta) {
      if (input.password === undefined && input.method === undefined) {
        throw validationError('Send the password, a second factor (method with code or response), or both', [{ field: 'body', message: 'must have password or method' }])
      }
      const amr: string[] = []
      if (input.password !== undefined) {
        await passwordCheck.confirmCurrent(user, input.password, meta, { purpose: 'reauthenticate', sessionId })
        amr.push('pwd')
      }
      const ip = meta.ip ?? ''
      if (input.method !== undefined) {
        await passwordCheck.reserveCode(user, ip, meta)
        const method = input.method
        const proven = await db.transaction(async (tx) => {
          const methods = await proofs.check(method, user, { code: input.code, response: input.response }, tx, now())
          if (!methods) await events.record({ type: 'MFA_FAILED', userId: user.id, sessionId, reason: `${method} (step-up)` }, meta, tx)
          return methods
        })
        if (!proven) throw mfaCodeInvalid()
        await passwordCheck.settle(user, ip)
        amr.push(...proven)
      }
      const assurance = assuranceFrom(amr, new Date(now()))
      await db.transaction(async (tx) => {
        await sessions.setAssurance(sessionId, assurance, tx)
        await events.record({ type: 'STEP_UP', userId: user.id, sessionId, reason: assurance.amr.join(',') }, meta, tx)
      })
      return { accessToken: accessTokens.sign(user, { id: sessionId, ...assurance }), tokenType: 'Bearer' as const, expiresIn: accessTokens.ttlSeconds }
    },
  }
}

export type Reauthentication = ReturnType<typeof createReauthentication>
