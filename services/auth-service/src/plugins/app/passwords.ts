import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'
import bcrypt from 'bcryptjs'
import { validationError } from '@rekam/errors'
import { createPasswordHasher, type PasswordHasherOptions } from '../../services/password-hasher.js'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

/** bcrypt reads only the first 72 bytes; longer passwords are refused, not silently cut. */
export const BCRYPT_MAX_BYTES = 72

/** zxcvbn's scale: 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3

let estimator: ZxcvbnFactory | undefined
/**
 * The strength estimator and its dictionaries of common passwords, names and words: built on the
 * first check (some 40 ms), once per process, since they never change.
 */
const strength = () => (estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs }))

export function createPasswords (opts: PasswordHasherOptions) {
  const { cost } = opts
  const hasher = createPasswordHasher(opts)

  // A real hash at the configured cost, so an unknown user costs a login as much as a known one.
  let dummyHash: Promise<string> | undefined

  /** Throws 400 VALIDATION_ERROR when the password cannot be hashed faithfully. */
  function assertHashable (password: string, field: string) {
    if (Buffer.byteLength(password, 'utf8') > BCRYPT_MAX_BYTES) {
      throw validationError(`${field} must be at most ${BCRYPT_MAX_BYTES} bytes`, [
        { field, message: `must be at most ${BCRYPT_MAX_BYTES} bytes in UTF-8` },
      ])
    }
  }

  return {
    assertHashable,
    /**
     * The policy for a new password (register, change-password): hashable, and not among the
     * passwords attackers try first — common passwords, keyboard walks, or the user's own name.
     */
    assertAcceptable (password: string, field: string, userInputs: string[]) {
      assertHashable(password, field)
      const result = strength().check(password, userInputs)
      if (result.score < MIN_PASSWORD_SCORE) {
        const hint = result.feedback.warning ?? result.feedback.suggestions[0]
        throw validationError(`${field} is too easy to guess`, [
          { field, message: `is too easy to guess${hint ? ` (${hint})` : ''}; a few unrelated words make a strong password` },
        ])
      }
    },
    hash (password: string): Promise<string> {
      return hasher.hash(password)
    },
    compare (password: string, hash: string): Promise<boolean> {
      return hasher.compare(password, hash)
    },
    /** Spends the same time as a real compare and always fails. */
    async compareDummy (password: string): Promise<false> {
      dummyHash ??= hasher.hash('rekam-timing-equaliser')
      await hasher.compare(password, await dummyHash)
      return false
    },
    /** True when the hash was made at a lower cost and should be redone at the current one. */
    needsRehash (hash: string): boolean {
      return bcrypt.getRounds(hash) < cost
    },
    hasher,
    close: () => hasher.close(),
  }
}

export type Passwords = ReturnType<typeof createPasswords>

declare module 'fastify' {
  interface FastifyInstance {
    passwords: Passwords
  }
}

/**
 * Password hashing behind one decorator, with bcryptjs inside.
 * @see https://github.com/fastify/demo/blob/main/src/plugins/app/password-manager.ts
 */
async function passwordsPlugin (fastify: FastifyInstance) {
  const { BCRYPT_COST, PASSWORD_HASH_THREADS, PASSWORD_HASH_QUEUE } = fastify.config
  const passwords = createPasswords({ cost: BCRYPT_COST, threads: PASSWORD_HASH_THREADS, maxQueue: PASSWORD_HASH_QUEUE })
  fastify.addHook('onClose', () => passwords.close())
  fastify.decorate('passwords', passwords)
}

export default fp(passwordsPlugin, { name: 'passwords', dependencies: ['@fastify/env'] })
