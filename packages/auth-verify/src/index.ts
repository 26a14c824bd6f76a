export { default as authVerifyPlugin, DEFAULT_ALGORITHMS, type AuthVerifyOptions, type Algorithm } from './plugin.js'
export { ROLES, RoleSchema, AccessTokenClaimsSchema, ACCESS_TOKEN_TYPE, REQUIRED_CLAIMS, isRole, type Role, type AccessTokenClaims } from './claims.js'
export { toAuthError } from './errors.js'
export type { StaticKey } from './static-keys.js'
