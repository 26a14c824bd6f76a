export { default as authVerifyPlugin, DEFAULT_ALGORITHMS, type AuthVerifyOptions, type Algorithm } from './plugin.js'
export {
  ROLES, RoleSchema, ACR_VALUES, AcrSchema, AmrSchema, AccessTokenClaimsSchema, AccessTokenPayloadSchema, ACCESS_TOKEN_TYPE, REQUIRED_CLAIMS,
  type Role, type Acr, type AccessTokenClaims, type AccessTokenPayload,
} from './claims.js'
export { requireAuthLevel, type AuthLevelRequirement, type AuthLevelOptions } from './require-auth-level.js'
export { toAuthError, withBearerChallenge } from './errors.js'
export type { StaticKey } from './static-keys.js'
export type { JwksOptions } from './jwks-keys.js'
export { jwkThumbprint, toPublicJwk, type PublicJwk } from './jwk.js'
export type { RevocationFeedOptions, RevocationStatus } from './revocations.js'
