import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'
import { encodeCBOR, type CBORType } from '@levischuck/tiny-cbor'

/**
 * A software authenticator for the tests (services and client): a P-256 key pair from node:crypto, attestation
 * "none" registrations and signed assertions built byte by byte as the W3C WebAuthn L3 spec lays
 * them out (authenticatorData §6.1, attestation object §6.5, COSE key RFC 9053), so the service's
 * library checks real signatures.
 */

const UP = 0x01
const UV = 0x04
const BE = 0x08
const BS = 0x10
const AT = 0x40

const b64u = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest()

export interface SoftPasskey {
  credentialId: Buffer
  privateKey: KeyObject
  publicKey: KeyObject
  /** The signature counter: each assertion moves it on by one unless told otherwise. */
  counter: number
  /** The user handle the registration options gave (base64url), returned with each assertion. */
  userHandle?: string
}

/** What the browser and authenticator do differently from the honest default. */
export interface Ceremony {
  origin?: string
  rpId?: string
  /** The user verified themselves (PIN, biometrics): flag UV. Default true. */
  userVerified?: boolean
  /** A synced passkey: flags BE and BS. Default true. */
  backedUp?: boolean
  /** The counter to report instead of the next one. */
  counter?: number
  /** Another challenge than the options' one. */
  challenge?: string
}

export const newPasskey = (): SoftPasskey => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return { credentialId: randomBytes(16), privateKey, publicKey, counter: 0 }
}

/** The public key as a COSE_Key: EC2 (kty 2), ES256 (alg -7), P-256 (crv 1), x and y. */
function coseKey (publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' })
  return encodeCBOR(new Map<number, Uint8Array | number>([
    [1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x!, 'base64url')], [-3, Buffer.from(jwk.y!, 'base64url')],
  ]))
}

function authenticatorData (rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
  const head = Buffer.alloc(37)
  sha256(rpId).copy(head, 0)
  head.writeUInt8(flags, 32)
  head.writeUInt32BE(counter, 33)
  return attested ? Buffer.concat([head, attested]) : head
}

const flagsOf = (c: Ceremony, extra = 0) => UP | (c.userVerified === false ? 0 : UV) | (c.backedUp === false ? 0 : BE | BS) | extra

const clientData = (type: string, challenge: string, origin: string) =>
  Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }))

interface CreationOptions { challenge: string, rp: { id?: string }, user: { id: string } }
interface RequestOptions { challenge: string, rpId?: string }

const DEFAULT_ORIGIN = 'http://localhost:3000'

/** navigator.credentials.create's answer, as JSON (RegistrationResponseJSON). */
export function registrationResponse (passkey: SoftPasskey, options: CreationOptions, c: Ceremony = {}) {
  passkey.userHandle = options.user.id
  const idLength = Buffer.alloc(2)
  idLength.writeUInt16BE(passkey.credentialId.length)
  // AAGUID all zeros: attestation "none" says nothing about the make of authenticator.
  const attested = Buffer.concat([Buffer.alloc(16), idLength, passkey.credentialId, coseKey(passkey.publicKey)])
  const authData = authenticatorData(c.rpId ?? options.rp.id ?? 'localhost', flagsOf(c, AT), c.counter ?? passkey.counter, attested)
  const attestationObject = encodeCBOR(new Map<string, CBORType>([
    ['fmt', 'none'], ['attStmt', new Map()], ['authData', authData],
  ]))
  return {
    id: b64u(passkey.credentialId),
    rawId: b64u(passkey.credentialId),
    type: 'public-key',
    response: {
      clientDataJSON: b64u(clientData('webauthn.create', c.challenge ?? options.challenge, c.origin ?? DEFAULT_ORIGIN)),
      attestationObject: b64u(attestationObject),
      transports: ['hybrid', 'internal'],
    },
    authenticatorAttachment: 'platform',
    clientExtensionResults: {},
  }
}

/** navigator.credentials.get's answer, as JSON (AuthenticationResponseJSON), signed with the passkey's key. */
export function assertionResponse (passkey: SoftPasskey, options: RequestOptions, c: Ceremony = {}) {
  const counter = c.counter ?? ++passkey.counter
  const authData = authenticatorData(c.rpId ?? options.rpId ?? 'localhost', flagsOf(c), counter)
  const data = clientData('webauthn.get', c.challenge ?? options.challenge, c.origin ?? DEFAULT_ORIGIN)
  // ES256: ECDSA P-256 with SHA-256 over authenticatorData || SHA-256(clientDataJSON), DER-encoded.
  const signature = sign('sha256', Buffer.concat([authData, sha256(data)]), passkey.privateKey)
  return {
    id: b64u(passkey.credentialId),
    rawId: b64u(passkey.credentialId),
    type: 'public-key',
    response: {
      clientDataJSON: b64u(data),
      authenticatorData: b64u(authData),
      signature: b64u(signature),
      ...(passkey.userHandle ? { userHandle: passkey.userHandle } : {}),
    },
    authenticatorAttachment: 'platform',
    clientExtensionResults: {},
  }
}
