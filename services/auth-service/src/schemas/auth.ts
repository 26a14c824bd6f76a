import { validationError } from '@rekam/errors'
import { EmailSchema, StrictObject, Type, type Static } from '@rekam/schemas'
import type { FastifySchemaValidationError } from 'fastify/types/schema.js'
import { FullNameSchema, LocaleSchema, UserSchema, UsernameSchema } from './user.js'

/** Length in characters; the 72-byte bcrypt limit is checked in bytes by the password manager. */
export const PasswordSchema = Type.String({ minLength: 8, maxLength: 72 })

/** Any password a user may type at login: never rejected for policy, only for size. */
const LoginPasswordSchema = Type.String({ minLength: 1, maxLength: 1024 })

export const RefreshTokenValueSchema = Type.String({ minLength: 20, maxLength: 256 })

/** The shape of a refresh token (43 base64url characters), for the documents' examples. */
const EXAMPLE_REFRESH_TOKEN = 'mQ3vT8xK2pL9sN4wR7yB1cF6hJ0dG5eA8uZ3iO2kV7q'

/** The name of the refresh cookie of browser sessions (DESIGN.md "Browser delivery"). */
export const REFRESH_COOKIE = '__Host-rekam-refresh'

const tokenDelivery = (description: string) => Type.Union([Type.Literal('body'), Type.Literal('cookie')], { description })

export const TokenDeliverySchema = tokenDelivery(
  `Where the refresh token goes. body (the default): in the answer's tokens. cookie (browsers): only in the HttpOnly cookie ${REFRESH_COOKIE} (HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age = refreshExpiresIn), never in the body; refresh and logout then read it from the cookie, and such requests must pass the CSRF checks (see POST /api/auth/refresh).`,
)
export type TokenDelivery = Static<typeof TokenDeliverySchema>

export const RegisterBodySchema = StrictObject({
  username: UsernameSchema,
  email: EmailSchema,
  password: PasswordSchema,
  fullName: Type.Optional(FullNameSchema),
  tokenDelivery: Type.Optional(TokenDeliverySchema),
}, {
  examples: [
    { username: 'andi.wijaya', email: 'andi.wijaya@example.com', password: 'correct-horse-battery', fullName: 'Andi Wijaya' },
    { username: 'rina.putri', email: 'rina.putri@example.com', password: 'velvet harbor quartz nineteen', fullName: 'Rina Putri', tokenDelivery: 'cookie' },
  ],
})
export type RegisterBody = Static<typeof RegisterBodySchema>

export const LoginBodySchema = StrictObject({
  username: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
  email: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
  password: LoginPasswordSchema,
  tokenDelivery: Type.Optional(TokenDeliverySchema),
}, {
  description: 'Give either username or email (not both).',
  oneOf: [{ required: ['username'] }, { required: ['email'] }],
  // A demo account (DESIGN.md): in demo mode the example signs in.
  examples: [{ email: 'andi@rekam.local', password: 'patient-demo-123' }, { email: 'andi@rekam.local', password: 'patient-demo-123', tokenDelivery: 'cookie' }],
})
export type LoginBody = Static<typeof LoginBodySchema>

/**
 * The login body's validation message: a missing or doubled name or a missing password says
 * what to send (the details still list the schema's findings); other faults keep their own.
 */
export function loginValidationError (errors: FastifySchemaValidationError[], dataVar: string): Error {
  const shape = errors.some((e) => e.keyword === 'oneOf' || (e.keyword === 'required' && e.instancePath === ''))
  return shape
    ? validationError('Give username or email (not both), and password')
    : new Error(`${dataVar}${errors[0]?.message ? ` ${errors[0].message}` : ''}`)
}

const PresentedRefreshTokenSchema = Type.Optional(Type.String({
  minLength: 20,
  maxLength: 256,
  description: `The refresh token. Left out, it is read from the ${REFRESH_COOKIE} cookie (cookie delivery), and the request must pass the CSRF checks; with neither, 401 REFRESH_TOKEN_INVALID.`,
}))

export const RefreshBodySchema = StrictObject({
  refreshToken: PresentedRefreshTokenSchema,
  tokenDelivery: Type.Optional(tokenDelivery(
    'Where the new refresh token goes: by default where the presented one came from. A token that came by cookie is always answered by cookie (a script must never read it out of the HttpOnly cookie); a body token moves to the cookie with "cookie".',
  )),
}, { examples: [{ refreshToken: EXAMPLE_REFRESH_TOKEN }, {}] })
export type RefreshBody = Static<typeof RefreshBodySchema>

export const LogoutBodySchema = StrictObject({
  refreshToken: PresentedRefreshTokenSchema,
  scope: Type.Optional(Type.Union([Type.Literal('current'), Type.Literal('others'), Type.Literal('all')], {
    description: 'current (default): this session; others: every other session of the user; all: every session',
  })),
}, { examples: [{ refreshToken: EXAMPLE_REFRESH_TOKEN, scope: 'current' }, { scope: 'current' }] })
export type LogoutBody = Static<typeof LogoutBodySchema>

export const TokensSchema = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  /** Seconds until the access token expires. */
  expiresIn: Type.Integer(),
  /** Seconds until the refresh token expires. */
  refreshExpiresIn: Type.Integer(),
})
export type Tokens = Static<typeof TokensSchema>

const EXAMPLE_ACCESS_TOKEN = 'eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl'

/** A token pair as answered: without refreshToken when it went into the cookie (tokenDelivery "cookie"). */
export const DeliveredTokensSchema = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.Optional(Type.String({ description: `Only with tokenDelivery "body" (the default); with "cookie" it is in the ${REFRESH_COOKIE} cookie instead, and absent here.` })),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
  refreshExpiresIn: Type.Integer({ description: 'Seconds until the refresh token expires (the cookie\'s Max-Age with cookie delivery)' }),
}, {
  examples: [
    { accessToken: EXAMPLE_ACCESS_TOKEN, refreshToken: EXAMPLE_REFRESH_TOKEN, tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 604800 },
    { accessToken: EXAMPLE_ACCESS_TOKEN, tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 604800 },
  ],
})
export type DeliveredTokens = Static<typeof DeliveredTokensSchema>

export const AuthResultSchema = Type.Object({ user: UserSchema, tokens: DeliveredTokensSchema })

/**
 * What registration answers: the user and tokens, or (EMAIL_VERIFICATION=required) the user and
 * emailVerificationRequired without tokens. One object: the User schema may appear once per answer.
 */
export const RegisterResultSchema = Type.Object({
  user: UserSchema,
  tokens: Type.Optional(DeliveredTokensSchema),
  verificationSent: Type.Boolean({ description: 'A link to verify the address is on its way (false when no mail server is configured)' }),
  emailVerificationRequired: Type.Optional(Type.Literal(true, { description: 'No tokens: open the link mailed to the address (POST /api/auth/email/verify), then sign in.' })),
})

export const EmailTokenBodySchema = StrictObject({
  token: Type.String({ minLength: 20, maxLength: 256, description: 'The #token=... part of the link in the mail' }),
}, { examples: [{ token: 'qELXyLc-Jl6dcfg10I1vLmOoq9WhUog4JPDg5UKsyH0' }] })
export type EmailTokenBody = Static<typeof EmailTokenBodySchema>

export const ResendVerificationBodySchema = StrictObject({
  email: Type.Optional(EmailSchema),
}, {
  description: 'Signed in (bearer): no body needed, the link goes to the account\'s address. Signed out: the address to send it to.',
  examples: [{ email: 'andi.wijaya@example.com' }, {}],
})
export type ResendVerificationBody = Static<typeof ResendVerificationBodySchema>

export const ProfileUpdateSchema = StrictObject({
  fullName: Type.Optional(Type.Union([FullNameSchema, Type.Null()])),
  email: Type.Optional(EmailSchema),
  currentPassword: Type.Optional(LoginPasswordSchema),
  locale: Type.Optional(LocaleSchema),
}, {
  minProperties: 1,
  description: 'Changing the email requires currentPassword. locale is the language of the user\'s mail (and the portal once signed in).',
  examples: [{ fullName: 'Andi Wijaya' }, { locale: 'en' }],
})
export type ProfileUpdate = Static<typeof ProfileUpdateSchema>

export const SetPasswordBodySchema = StrictObject({
  token: Type.String({ minLength: 20, maxLength: 256, description: 'The #token=... part of the set-password link' }),
  password: PasswordSchema,
}, { examples: [{ token: 'qELXyLc-Jl6dcfg10I1vLmOoq9WhUog4JPDg5UKsyH0', password: 'velvet harbor quartz nineteen' }] })
export type SetPasswordBody = Static<typeof SetPasswordBodySchema>

export const ChangePasswordSchema = StrictObject({
  currentPassword: LoginPasswordSchema,
  newPassword: PasswordSchema,
}, { examples: [{ currentPassword: 'patient-demo-123', newPassword: 'lantern-orbit-mango-42' }] })
export type ChangePassword = Static<typeof ChangePasswordSchema>

/**
 * The cookie refresh and logout read when the body has no refreshToken: documented as a cookie
 * parameter (@fastify/swagger reads a route's `cookies`; Fastify itself does not validate it).
 */
export const RefreshCookieSchema = Type.Object({
  [REFRESH_COOKIE]: Type.Optional(Type.String({ description: 'The refresh token of a browser session (tokenDelivery "cookie"): read when the body has no refreshToken' })),
})

/** The CSRF header of cookie-authenticated requests, documented (any value passes the schema; the CSRF check wants "1"). */
export const CookieAuthHeadersSchema = Type.Object({
  'x-rekam-csrf': Type.Optional(Type.String({ description: 'Required as "1" when the refresh cookie authenticates the request (no refreshToken in the body); a cross-origin page cannot send it without a CORS preflight' })),
})

/** The Set-Cookie an answer may carry, for the document (@fastify/swagger reads a response's `headers`). */
export const SetCookieHeaderSchema = {
  headers: {
    'set-cookie': Type.String({
      description: `With cookie delivery: ${REFRESH_COOKIE}=<refresh token>; Max-Age=<refreshExpiresIn>; Path=/; HttpOnly; Secure; SameSite=Strict. Clearing it (logout, a dead session): the same attributes with an empty value and Max-Age=0.`,
    }),
  },
}
