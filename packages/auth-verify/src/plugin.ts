/// <reference types="@fastify/jwt" preserve="true" />
import fastifyJwt from '@fastify/jwt'
import { forbidden, serviceUnavailable, tokenInvalid, tokenRevoked, unauthorized } from '@rekam/errors'
import { createVerifier } from 'fast-jwt'
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { authorizationHeader } from './authorization-header.js'
import { withAssurance } from './assurance.js'
import { ACCESS_TOKEN_TYPE, AccessTokenPayloadSchema, REQUIRED_CLAIMS, type AccessTokenClaims, type AccessTokenPayload, type Role } from './claims.js'
import { toAuthError, withBearerChallenge } from './errors.js'
import { createJwksKeyResolver, type JwksOptions } from './jwks-keys.js'
import { requireAuthLevel, type AuthLevelRequirement } from './require-auth-level.js'
import { createRevocationFollower, type RevocationFeedOptions, type RevocationStatus } from './revocations.js'
import { createStaticKeyResolver, type StaticKey } from './static-keys.js'
import { VerifiedTokens } from './verified-tokens.js'

export type Algorithm = 'RS256' | 'ES256' | 'EdDSA'

export interface AuthVerifyOptions {
  /** Expected `iss` claim. */
  issuer: string
  /** Expected `aud` claim. */
  audience: string
  /** Public keys by `kid` (the current key and any previous one still valid), or a function returning the current list... */
  keys?: StaticKey[] | (() => StaticKey[])
  /** ...or the issuer's JWKS endpoint. Exactly one of the two. */
  jwks?: JwksOptions
  /** Accepted signature algorithms; never `none` and never HMAC (a public key is no secret). */
  algorithms?: Algorithm[]
  /** Clock skew tolerated on `exp`/`nbf`, in seconds. */
  clockToleranceSeconds?: number
  /** Strict mode: follow auth-service's revocation feed and refuse revoked tokens at once. */
  revocations?: RevocationFeedOptions
  /**
   * Tokens remembered after a full verification (default 1000), so a token used again costs a
   * lookup; 0 verifies every request in full. Revocations are checked on every request either way.
   */
  verifiedTokensCacheSize?: number
  /**
   * The clock of the verified-tokens memory, the `iat` and `auth_time` checks, `requireAuthLevel`
   * and the JWKS key cache, in ms since the epoch (default Date.now): tests move it instead of sleeping. Signature, `exp` and `nbf` are
   * checked by fast-jwt on the real clock.
   */
  now?: () => number
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessTokenPayload
    user: AccessTokenClaims
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest/preHandler hook: 401 unless the request carries a valid access token. */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>
    /** preHandler hook: 403 unless the authenticated user has one of the roles. */
    authorize: (...roles: Role[]) => preHandlerAsyncHookHandler
    /**
     * preHandler hook (after `authenticate`): 401 STEP_UP_REQUIRED with the RFC 9470 challenge
     * unless the sign-in is at least `acr` and at most `maxAgeSeconds` old, on the plugin's clock.
     */
    requireAuthLevel: (requirement: AuthLevelRequirement) => preHandlerAsyncHookHandler
    /** Verifies a token outside a request (introspection); rejects like `authenticate`. */
    verifyAccessToken: (token: string) => Promise<AccessTokenClaims>
    /** Strict mode's view of the revocation feed; undefined when strict mode is off. */
    revocationStatus: () => RevocationStatus | undefined
  }
}

const claimsCheck = TypeCompiler.Compile(AccessTokenPayloadSchema)

export const DEFAULT_ALGORITHMS: Algorithm[] = ['RS256', 'ES256', 'EdDSA']

/** A remembered token is verified in full again after this long (keys withdrawn meanwhile take effect). */
const RECHECK_AFTER_MS = 1000

/** Bearer tokens are base64url segments; anything else is refused before parsing. */
const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/i

/**
 * Verifies rekam access tokens: signature by `kid`, algorithm allow-list, `typ: at+jwt`,
 * `iss`, `aud`, `exp`/`nbf`/`iat` with a small skew, required claims; one Authorization header. A token that passed is
 * remembered (src/verified-tokens.ts) until it expires, verified in full again each second, so
 * a token used many times costs a lookup; revocations are checked on every request.
 * @see https://github.com/fastify/fastify-jwt
 */
async function authVerifyPlugin (fastify: FastifyInstance, opts: AuthVerifyOptions) {
  const algorithms = opts.algorithms ?? DEFAULT_ALGORITHMS
  if (Boolean(opts.keys) === Boolean(opts.jwks)) throw new Error('@rekam/auth-verify needs exactly one of `keys` or `jwks`')
  const now = opts.now ?? Date.now
  const resolveKey = opts.keys ? createStaticKeyResolver(opts.keys) : createJwksKeyResolver(opts.jwks!, now)

  const clockTolerance = (opts.clockToleranceSeconds ?? 5) * 1000
  const cacheSize = opts.verifiedTokensCacheSize ?? 1000
  const verified = cacheSize > 0
    ? new VerifiedTokens({ max: cacheSize, clockToleranceMs: clockTolerance, recheckAfterMs: RECHECK_AFTER_MS })
    : undefined
  const verifyOptions = {
    algorithms,
    allowedIss: opts.issuer,
    allowedAud: opts.audience,
    checkTyp: ACCESS_TOKEN_TYPE,
    requiredClaims: REQUIRED_CLAIMS,
    clockTolerance,
    // Verified tokens are remembered below, by this plugin, before any decoding.
    cache: false,
  }
  // The signature proves who issued the claims, not that they have the expected shape. fast-jwt
  // checks exp and nbf but not iat: a token issued in the future (beyond the skew) comes from a
  // signer with a wrong clock or was postdated to outlive its lifetime, so it is refused here,
  // before the verified-tokens memory can keep it. Older tokens get their assurance defaults here.
  const checkShape = (payload: unknown): AccessTokenClaims => {
    if (!claimsCheck.Check(payload)) throw tokenInvalid()
    if (payload.iat * 1000 > now() + clockTolerance) throw tokenInvalid('The access token was issued in the future')
    return withAssurance(payload, now(), clockTolerance)
  }

  await fastify.register(fastifyJwt, {
    secret: async (_request: FastifyRequest, token: unknown) => resolveKey(token),
    decode: { complete: true },
    verify: verifyOptions,
    formatUser: checkShape,
  } as Parameters<typeof fastifyJwt>[1])

  const standalone = createVerifier({ ...verifyOptions, key: async (decoded: unknown) => resolveKey(decoded) } as Parameters<typeof createVerifier>[0])
  fastify.decorate('verifyAccessToken', async function verifyAccessToken (token: string) {
    const remembered = verified?.get(token, now())
    if (remembered) return remembered
    let claims: AccessTokenClaims
    try {
      claims = checkShape(await standalone(token))
    } catch (error) {
      throw toAuthError(error)
    }
    verified?.remember(token, claims, now())
    return claims
  })

  const follower = opts.revocations ? createRevocationFollower(opts.revocations, fastify.log) : undefined
  if (follower) {
    // Load what is already revoked before serving (a restart recovers the state), then follow.
    fastify.addHook('onReady', async () => follower.start())
    fastify.addHook('onClose', async () => follower.stop())
  }
  fastify.decorate('revocationStatus', () => follower?.status())

  fastify.decorate('authenticate', async function authenticate (request: FastifyRequest, _reply: FastifyReply) {
    try {
      await verifyRequest(request)
    } catch (error) {
      throw withBearerChallenge(error)
    }
  })

  async function verifyRequest (request: FastifyRequest) {
    const header = authorizationHeader(request)
    if (!header) throw unauthorized('A bearer access token is required')
    const token = BEARER.exec(header)?.[1]
    if (token === undefined) throw tokenInvalid('The Authorization header must be "Bearer <access token>"')
    const remembered = verified?.get(token, now())
    if (remembered) {
      request.user = remembered
    } else {
      try {
        await request.jwtVerify()
      } catch (error) {
        throw toAuthError(error)
      }
      verified?.remember(token, request.user, now())
    }
    if (follower) {
      if (follower.isStale()) throw serviceUnavailable('Token revocations cannot be checked right now')
      if (follower.isRevoked(request.user)) throw tokenRevoked()
    }
  }

  fastify.decorate('authorize', function authorize (...roles: Role[]): preHandlerAsyncHookHandler {
    return async function authorizeHook (request: FastifyRequest) {
      if (!request.user) throw unauthorized('A bearer access token is required')
      if (!roles.includes(request.user.role)) throw forbidden()
    }
  })

  fastify.decorate('requireAuthLevel', (requirement: AuthLevelRequirement) => requireAuthLevel(requirement, { now }))
}

export default fp(authVerifyPlugin, { name: '@rekam/auth-verify', fastify: '5.x' })
