import { FormatRegistry, Type, type Static } from '@sinclair/typebox'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// TypeBox's own checker knows no formats until they are registered.
if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (value) => UUID.test(value))

export const ROLES = ['PATIENT', 'DOCTOR', 'ADMIN'] as const
export const RoleSchema = Type.Union(ROLES.map((role) => Type.Literal(role)))
export type Role = Static<typeof RoleSchema>

/** The claims of a rekam access token (DESIGN.md, "Tokens"). */
export const AccessTokenClaimsSchema = Type.Object({
  iss: Type.String(),
  aud: Type.Union([Type.String(), Type.Array(Type.String())]),
  sub: Type.String({ format: 'uuid' }),
  role: RoleSchema,
  username: Type.String(),
  sid: Type.String({ format: 'uuid' }),
  jti: Type.String(),
  iat: Type.Integer(),
  exp: Type.Integer(),
  nbf: Type.Optional(Type.Integer()),
})
export type AccessTokenClaims = Static<typeof AccessTokenClaimsSchema>

/** Header `typ` of access tokens (RFC 9068). */
export const ACCESS_TOKEN_TYPE = 'at+jwt'

/** A token missing any of these is rejected, whatever its signature. */
export const REQUIRED_CLAIMS = ['iss', 'aud', 'sub', 'role', 'username', 'sid', 'jti', 'iat', 'exp']
