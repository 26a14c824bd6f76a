import { FormatRegistry, Type, type Static } from '@sinclair/typebox'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// TypeBox's own checker knows no formats until they are registered.
if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (value) => UUID.test(value))

export const ROLES = ['PATIENT', 'DOCTOR', 'ADMIN'] as const
export const RoleSchema = Type.Union(ROLES.map((role) => Type.Literal(role)))
export type Role = Static<typeof RoleSchema>

/** Assurance levels, weakest first: the order is what `requireAuthLevel` compares. */
export const ACR_VALUES = ['urn:rekam:aal1', 'urn:rekam:aal2'] as const
export const AcrSchema = Type.Union(ACR_VALUES.map((acr) => Type.Literal(acr)))
export type Acr = Static<typeof AcrSchema>

/** RFC 8176 method references (`pwd`, `otp`, `hwk`, `user`, ...): at least one, none empty. */
export const AmrSchema = Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })

const identity = {
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
}

/**
 * The claims of a rekam access token as it is signed (DESIGN.md, "Tokens"). `amr`, `acr` and
 * `auth_time` are optional only so that tokens issued before they existed still verify; the
 * plugin requires all three or none (src/assurance.ts).
 */
export const AccessTokenPayloadSchema = Type.Object({
  ...identity,
  amr: Type.Optional(AmrSchema),
  acr: Type.Optional(AcrSchema),
  auth_time: Type.Optional(Type.Integer()),
})
export type AccessTokenPayload = Static<typeof AccessTokenPayloadSchema>

/** The claims on `request.user`: the assurance claims always present (defaults for older tokens). */
export const AccessTokenClaimsSchema = Type.Object({
  ...identity,
  amr: AmrSchema,
  acr: AcrSchema,
  auth_time: Type.Integer(),
})
export type AccessTokenClaims = Static<typeof AccessTokenClaimsSchema>

/** Header `typ` of access tokens (RFC 9068). */
export const ACCESS_TOKEN_TYPE = 'at+jwt'

/** A token missing any of these is rejected, whatever its signature. */
export const REQUIRED_CLAIMS = ['iss', 'aud', 'sub', 'role', 'username', 'sid', 'jti', 'iat', 'exp']
