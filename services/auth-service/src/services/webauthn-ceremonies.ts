import {
  generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse,
  type AuthenticationResponseJSON, type AuthenticatorTransportFuture, type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON, type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import type { Role } from '@rekam/auth-verify'
import type { MfaFactorRow, UserRow } from '../db/schema.js'
import type { RelyingParty } from '../lib/relying-party.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { ChallengePurpose, NewPasskey, WebauthnRepository } from '../plugins/app/webauthn-repository.js'

/** A ceremony's challenge lives as long as a sign-in ticket: five minutes. */
export const CHALLENGE_SECONDS = 300

export interface WebauthnCeremoniesDeps {
  repository: WebauthnRepository
  rp: RelyingParty
  requiredRoles: ReadonlySet<Role>
  now: () => number
}

/** A verified assertion: the passkey used (its counter already moved) and whether the user was verified. */
export interface Asserted {
  factor: MfaFactorRow
  userVerified: boolean
}

/** The challenge the browser signed, read from clientDataJSON; undefined for anything malformed. */
function signedChallenge (response: unknown): string | undefined {
  const data = (response as { response?: { clientDataJSON?: unknown } } | null)?.response?.clientDataJSON
  if (typeof data !== 'string') return undefined
  try {
    const parsed: unknown = JSON.parse(Buffer.from(data, 'base64url').toString('utf8'))
    const challenge = (parsed as { challenge?: unknown } | null)?.challenge
    return typeof challenge === 'string' ? challenge : undefined
  } catch {
    return undefined
  }
}

const transportsOf = (factor: MfaFactorRow) => (factor.transports ?? []) as AuthenticatorTransportFuture[]
const descriptor = (factor: MfaFactorRow) => ({ id: factor.credentialId!, transports: transportsOf(factor) })

/**
 * WebAuthn registration and assertion through @simplewebauthn/server. Every options call stores
 * its challenge; every verify spends the challenge it signed (found or not, right or wrong), so
 * an assertion cannot be replayed. Staff (MFA_REQUIRED_ROLES) must verify themselves (PIN,
 * biometrics) on the authenticator; others are asked to when it can.
 * @see https://simplewebauthn.dev/docs/packages/server
 */
export function createWebauthnCeremonies ({ repository, rp, requiredRoles, now }: WebauthnCeremoniesDeps) {
  const uvRequired = (user: UserRow) => requiredRoles.has(user.role)
  const expiresAt = () => new Date(now() + CHALLENGE_SECONDS * 1000)

  async function spend (response: unknown, purpose: ChallengePurpose, userId: string | null, tx: AuthDb): Promise<string | undefined> {
    const challenge = signedChallenge(response)
    return challenge !== undefined && await repository.takeChallenge(challenge, purpose, userId, new Date(now()), tx) ? challenge : undefined
  }

  return {
    uvRequired,

    /** Options to create a passkey: discoverable when the authenticator can, none of the user's own again. */
    async registrationOptions (user: UserRow): Promise<PublicKeyCredentialCreationOptionsJSON> {
      const options = await generateRegistrationOptions({
        rpName: rp.name,
        rpID: rp.id,
        // The same handle for every passkey of a user, so an authenticator keeps one per account.
        userID: Buffer.from(user.id.replaceAll('-', ''), 'hex'),
        userName: user.username,
        userDisplayName: user.fullName ?? user.username,
        timeout: CHALLENGE_SECONDS * 1000,
        attestationType: 'none',
        excludeCredentials: (await repository.passkeysOf(user.id)).map(descriptor),
        authenticatorSelection: { residentKey: 'preferred', userVerification: uvRequired(user) ? 'required' : 'preferred' },
      })
      await repository.createChallenge({ challenge: options.challenge, userId: user.id, purpose: 'registration', expiresAt: expiresAt() })
      return options
    },

    /** The new credential of a verified registration response, or undefined when it does not verify. */
    async verifyRegistration (user: UserRow, response: unknown, tx: AuthDb): Promise<Omit<NewPasskey, 'userId' | 'name' | 'confirmedAt'> & { userVerified: boolean } | undefined> {
      const challenge = await spend(response, 'registration', user.id, tx)
      if (challenge === undefined) return undefined
      try {
        const { verified, registrationInfo } = await verifyRegistrationResponse({
          response: response as RegistrationResponseJSON,
          expectedChallenge: challenge,
          expectedOrigin: rp.origins,
          expectedRPID: rp.id,
          requireUserVerification: uvRequired(user),
        })
        if (!verified) return undefined
        const { credential } = registrationInfo
        return {
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey).toString('base64url'),
          signCount: credential.counter,
          transports: credential.transports ?? [],
          backedUp: registrationInfo.credentialBackedUp,
          userVerified: registrationInfo.userVerified,
        }
      } catch {
        // The library throws for every malformed or mismatched response: it proves nothing.
        return undefined
      }
    },

    /**
     * Options to prove a passkey: of this user's (second factor, step-up), or of anyone's with an
     * empty allow list (a passkey sign-in, user verification required). Undefined when the user has no passkey.
     */
    async authenticationOptions (user: UserRow | null): Promise<PublicKeyCredentialRequestOptionsJSON | undefined> {
      const passkeys = user ? await repository.passkeysOf(user.id) : []
      if (user && passkeys.length === 0) return undefined
      const options = await generateAuthenticationOptions({
        rpID: rp.id,
        allowCredentials: passkeys.map(descriptor),
        timeout: CHALLENGE_SECONDS * 1000,
        userVerification: !user || uvRequired(user) ? 'required' : 'preferred',
      })
      await repository.createChallenge({ challenge: options.challenge, userId: user?.id ?? null, purpose: user ? 'authentication' : 'passkey', expiresAt: expiresAt() })
      return options
    },

    /**
     * Verifies an assertion against a challenge of ours and the stored key, in the caller's
     * transaction; moves the counter (a counter that did not move forward is refused, per the
     * library: a cloned authenticator). For a known user the passkey must be theirs.
     */
    async verifyAssertion (response: unknown, expected: { user: UserRow | null, requireUserVerification: boolean }, tx: AuthDb): Promise<Asserted | undefined> {
      const userId = expected.user?.id ?? null
      const challenge = await spend(response, userId ? 'authentication' : 'passkey', userId, tx)
      const credentialId = (response as { id?: unknown } | null)?.id
      if (challenge === undefined || typeof credentialId !== 'string') return undefined
      const factor = await repository.lockByCredentialId(credentialId, tx)
      if (!factor || (userId !== null && factor.userId !== userId)) return undefined
      try {
        const { verified, authenticationInfo } = await verifyAuthenticationResponse({
          response: response as AuthenticationResponseJSON,
          expectedChallenge: challenge,
          expectedOrigin: rp.origins,
          expectedRPID: rp.id,
          credential: { id: credentialId, publicKey: Buffer.from(factor.publicKey ?? '', 'base64url'), counter: factor.signCount ?? 0, transports: transportsOf(factor) },
          requireUserVerification: expected.requireUserVerification,
        })
        if (!verified) return undefined
        const { newCounter, credentialBackedUp, userVerified } = authenticationInfo
        return await repository.use(factor.id, newCounter, credentialBackedUp, new Date(now()), tx) ? { factor, userVerified } : undefined
      } catch {
        return undefined
      }
    },
  }
}

export type WebauthnCeremonies = ReturnType<typeof createWebauthnCeremonies>
