import type { UserRow } from '../db/schema.js'
import { hashRecoveryCode } from '../lib/recovery-codes.js'
import { unseal } from '@rekam/server-kit'
import { matchingStep } from '../lib/totp.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { MfaFactorsRepository } from '../plugins/app/mfa-factors-repository.js'

/** The ways to prove the second step (the `method` of /mfa/verify and /reauthenticate). */
export type MfaMethod = 'totp' | 'recovery_code' | 'webauthn'

/** What the user sent: a code, or a WebAuthn assertion. */
export interface MfaProof {
  code?: string | undefined
  response?: unknown
}

/**
 * Checks one proof inside the caller's transaction, spending what it uses (the TOTP step, the
 * recovery code); the RFC 8176 methods it proves, or undefined when it proves nothing.
 */
export type ProofCheck = (user: UserRow, proof: MfaProof, tx: AuthDb, at: number) => Promise<string[] | undefined>

export interface MfaProofsDeps {
  factors: MfaFactorsRepository
  /** Seals TOTP secrets at rest. */
  totpKey: Buffer
}

/** The checks of each method; passkeys add theirs with `register`. */
export function createMfaProofs ({ factors, totpKey }: MfaProofsDeps) {
  const checks = new Map<MfaMethod, ProofCheck>()

  /** A TOTP code of any of the user's authenticators, in a step none has accepted before. */
  checks.set('totp', async (user, { code }, tx, at) => {
    if (code === undefined) return undefined
    for (const factor of await factors.activeOfType(user.id, 'totp', tx)) {
      const secret = factor.secretSealed ? unseal<string>(totpKey, factor.secretSealed) : undefined
      const step = secret === undefined ? undefined : matchingStep(secret, code, at)
      if (step !== undefined) return await factors.useStep(factor.id, step, new Date(at), tx) ? ['otp'] : undefined
    }
    return undefined
  })

  /** An unused recovery code: a look-up secret, a one-time code in RFC 8176's terms. */
  checks.set('recovery_code', async (user, { code }, tx, at) => {
    if (code === undefined) return undefined
    return await factors.useRecoveryCode(user.id, hashRecoveryCode(code), new Date(at), tx) ? ['otp'] : undefined
  })

  return {
    register (method: MfaMethod, check: ProofCheck): void {
      checks.set(method, check)
    },

    check (method: MfaMethod, user: UserRow, proof: MfaProof, tx: AuthDb, at: number): Promise<string[] | undefined> {
      const check = checks.get(method)
      return check ? check(user, proof, tx, at) : Promise.resolve(undefined)
    },

    /** The methods the user can sign in with now, in the order a sign-in page offers them. */
    async available (userId: string, tx?: AuthDb): Promise<MfaMethod[]> {
      const active = await factors.listActive(userId, tx)
      if (active.length === 0) return []
      const methods: MfaMethod[] = []
      if (active.some((factor) => factor.type === 'webauthn')) methods.push('webauthn')
      if (active.some((factor) => factor.type === 'totp')) methods.push('totp')
      if (await factors.countUnusedRecoveryCodes(userId, tx) > 0) methods.push('recovery_code')
      return methods
    },
  }
}

export type MfaProofs = ReturnType<typeof createMfaProofs>
