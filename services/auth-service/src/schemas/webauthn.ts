import { StrictObject, Type } from '@rekam/schemas'
import { TokenDeliverySchema } from './auth.js'
import { TicketSchema } from './mfa.js'

/**
 * WebAuthn's JSON forms (W3C WebAuthn L3, as PublicKeyCredential.toJSON() and
 * @simplewebauthn/browser produce them). Options go out as the library makes them; responses
 * come in with their known fields checked and others passed on to the library, which checks
 * everything it reads.
 */
const Base64Url = (maxLength: number, description?: string) =>
  Type.String({ pattern: '^[A-Za-z0-9_-]*={0,2}$', maxLength, ...(description ? { description } : {}) })

const TransportsSchema = Type.Array(Type.String({ maxLength: 32 }), { maxItems: 10 })

const CredentialDescriptorSchema = Type.Object({
  id: Type.String(),
  type: Type.Literal('public-key'),
  transports: Type.Optional(Type.Array(Type.String())),
})

export const CreationOptionsSchema = Type.Object({
  rp: Type.Object({ id: Type.Optional(Type.String()), name: Type.String() }),
  user: Type.Object({ id: Type.String(), name: Type.String(), displayName: Type.String() }),
  challenge: Type.String(),
  pubKeyCredParams: Type.Array(Type.Object({ alg: Type.Integer(), type: Type.Literal('public-key') })),
  timeout: Type.Optional(Type.Integer()),
  excludeCredentials: Type.Optional(Type.Array(CredentialDescriptorSchema)),
  authenticatorSelection: Type.Optional(Type.Object({
    authenticatorAttachment: Type.Optional(Type.String()),
    residentKey: Type.Optional(Type.String()),
    requireResidentKey: Type.Optional(Type.Boolean()),
    userVerification: Type.Optional(Type.String()),
  })),
  hints: Type.Optional(Type.Array(Type.String())),
  attestation: Type.Optional(Type.String()),
  extensions: Type.Optional(Type.Object({}, { additionalProperties: true })),
}, { description: 'PublicKeyCredentialCreationOptionsJSON: pass to navigator.credentials.create (PublicKeyCredential.parseCreationOptionsFromJSON) or @simplewebauthn/browser startRegistration' })

export const RequestOptionsSchema = Type.Object({
  challenge: Type.String(),
  timeout: Type.Optional(Type.Integer()),
  rpId: Type.Optional(Type.String()),
  allowCredentials: Type.Optional(Type.Array(CredentialDescriptorSchema)),
  userVerification: Type.Optional(Type.String()),
  hints: Type.Optional(Type.Array(Type.String())),
  extensions: Type.Optional(Type.Object({}, { additionalProperties: true })),
}, { description: 'PublicKeyCredentialRequestOptionsJSON: pass to navigator.credentials.get (PublicKeyCredential.parseRequestOptionsFromJSON) or @simplewebauthn/browser startAuthentication' })

const credentialFields = {
  id: Base64Url(1400, 'The credential id'),
  rawId: Base64Url(1400),
  type: Type.Literal('public-key'),
  authenticatorAttachment: Type.Optional(Type.String({ maxLength: 32 })),
  clientExtensionResults: Type.Optional(Type.Object({}, { additionalProperties: true })),
}

export const RegistrationResponseSchema = Type.Object({
  ...credentialFields,
  response: Type.Object({
    clientDataJSON: Base64Url(4096),
    attestationObject: Base64Url(16_384),
    transports: Type.Optional(TransportsSchema),
  }, { additionalProperties: true }),
}, { additionalProperties: true, description: 'RegistrationResponseJSON: what navigator.credentials.create answered, as JSON' })

export const AuthenticationResponseSchema = Type.Object({
  ...credentialFields,
  response: Type.Object({
    clientDataJSON: Base64Url(4096),
    authenticatorData: Base64Url(4096),
    signature: Base64Url(1024),
    userHandle: Type.Optional(Base64Url(256)),
  }, { additionalProperties: true }),
}, { additionalProperties: true, description: 'AuthenticationResponseJSON: what navigator.credentials.get answered, as JSON' })

/** For the documents' examples: the shapes a browser sends (they verify against no challenge of ours). */
const EXAMPLE_TICKET = 'q3Vh8Yt2c1Jm0ZkWfR9xLs4PbN7eUoGdHiAaBcDeFgH'
const EXAMPLE_CREDENTIAL_ID = 'mR8d3P1uB0s2K4lq7nVhYg'
const exampleCredential = (response: Record<string, string | string[]>) =>
  ({ id: EXAMPLE_CREDENTIAL_ID, rawId: EXAMPLE_CREDENTIAL_ID, type: 'public-key', authenticatorAttachment: 'platform', clientExtensionResults: {}, response })
const EXAMPLE_REGISTRATION = exampleCredential({
  clientDataJSON: 'eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiZXhhbXBsZSIsIm9yaWdpbiI6Imh0dHA6Ly9sb2NhbGhvc3Q6MzAwMCJ9',
  attestationObject: 'o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YVgl',
  transports: ['internal', 'hybrid'],
})
export const EXAMPLE_ASSERTION = exampleCredential({
  clientDataJSON: 'eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoiZXhhbXBsZSIsIm9yaWdpbiI6Imh0dHA6Ly9sb2NhbGhvc3Q6MzAwMCJ9',
  authenticatorData: 'SZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2MdAAAAAQ',
  signature: 'MEUCIQDexampleexampleexampleexampleexampleexampleAiB',
})

const FactorNameSchema = Type.String({ minLength: 1, maxLength: 64, description: 'A name to tell passkeys apart ("MacBook", "YubiKey"); "Passkey" when left out' })

export const RegistrationOptionsBodySchema = StrictObject({
  ticket: Type.Optional(TicketSchema),
}, { examples: [{}, { ticket: EXAMPLE_TICKET }] })

export const RegistrationVerifyBodySchema = StrictObject({
  response: RegistrationResponseSchema,
  name: Type.Optional(FactorNameSchema),
  ticket: Type.Optional(TicketSchema),
  tokenDelivery: Type.Optional(TokenDeliverySchema),
}, { examples: [{ response: EXAMPLE_REGISTRATION, name: 'MacBook' }, { response: EXAMPLE_REGISTRATION, ticket: EXAMPLE_TICKET, tokenDelivery: 'cookie' }] })

export const AuthenticationOptionsBodySchema = StrictObject({
  ticket: Type.Optional(TicketSchema),
}, { examples: [{ ticket: EXAMPLE_TICKET }, {}] })

export const PasskeyOptionsBodySchema = StrictObject({}, { examples: [{}] })

export const PasskeyVerifyBodySchema = StrictObject({
  response: AuthenticationResponseSchema,
  tokenDelivery: Type.Optional(TokenDeliverySchema),
}, { examples: [{ response: EXAMPLE_ASSERTION }, { response: EXAMPLE_ASSERTION, tokenDelivery: 'cookie' }] })
