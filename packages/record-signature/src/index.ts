import canonicalize from 'canonicalize'
import { base64url, compactVerify, createLocalJWKSet, errors, type JSONWebKeySet } from 'jose'

/**
 * What records-service signs when a record becomes final or is amended: the record's ids, its
 * version and content, who signed it and when, and the version an amendment amends. Absent
 * optional fields are null, so the canonical JSON (RFC 8785) has every member.
 */
export interface SignedRecordPayload {
  recordId: string
  patientId: string
  doctorId: string
  version: number
  status: 'final'
  visitDate: string
  complaint: string
  diagnosis: string
  treatment: string
  prescription: string | null
  notes: string | null
  signedAt: string | null
  signedBy: string | null
  amendsVersion: number | null
}

/** A record's clinical content, as a record carries it and a version keeps it. */
export interface SignedContent {
  visitDate: string
  complaint: string
  diagnosis: string
  treatment: string
  prescription?: string | null
  notes?: string | null
}

interface Signed {
  patientId: string
  doctorId: string
  version: number
  signedAt: string | null
  signedBy: string | null
  signature?: string | null
  amendsVersion?: number | null
}

/** A record as the API answers it (`GET /api/records/:id`). */
export type SignableRecord = Signed & SignedContent & { id: string }
/** A version of the history (`GET /api/records/:id/history/:version`) with its record's patientId and doctorId. */
export type SignableVersion = Signed & { recordId: string, content: SignedContent }

const isVersion = (value: SignableRecord | SignableVersion): value is SignableVersion => 'content' in value

/** The protected header's `typ` of a record signature. */
export const RECORD_SIGNATURE_TYPE = 'rekam-record+jws'

/** The signed payload of a record or a version (one builder for the service and every verifier). */
export function signedRecordPayload (value: SignableRecord | SignableVersion): SignedRecordPayload {
  const content = isVersion(value) ? value.content : value
  return {
    recordId: isVersion(value) ? value.recordId : value.id,
    patientId: value.patientId,
    doctorId: value.doctorId,
    version: value.version,
    status: 'final',
    visitDate: content.visitDate,
    complaint: content.complaint,
    diagnosis: content.diagnosis,
    treatment: content.treatment,
    prescription: content.prescription ?? null,
    notes: content.notes ?? null,
    signedAt: value.signedAt,
    signedBy: value.signedBy,
    amendsVersion: value.amendsVersion ?? null,
  }
}

/** The RFC 8785 canonical JSON of the signed payload: the exact bytes (UTF-8) the signature covers. */
export function canonicalRecordPayload (value: SignableRecord | SignableVersion): string {
  return canonicalize(signedRecordPayload(value))!
}

export type SignatureCheck =
  | { valid: true, kid: string }
  | { valid: false, reason: 'NOT_SIGNED' | 'MALFORMED' | 'UNKNOWN_KEY' | 'MISMATCH' }

/**
 * Whether the record's (or version's) detached JWS verifies against the published keys
 * (`GET /api/records/.well-known/jwks.json`), offline: the payload is rebuilt from the record
 * and put back between the header and the signature (RFC 7515 appendix F).
 *
 * A record does not say whether its version is an amendment (a version does: `amendsVersion`);
 * a record without that member verifies when its signature matches it as signed (null) or as an
 * amendment of the version before it.
 */
export async function verifyRecordSignature (value: SignableRecord | SignableVersion, jwks: JSONWebKeySet): Promise<SignatureCheck> {
  if (!value.signature) return { valid: false, reason: 'NOT_SIGNED' }
  const [header, detached, signature, ...rest] = value.signature.split('.')
  if (!header || detached !== '' || !signature || rest.length > 0) return { valid: false, reason: 'MALFORMED' }
  const candidates = value.amendsVersion !== undefined || value.version < 2 ? [value] : [{ ...value, amendsVersion: null }, { ...value, amendsVersion: value.version - 1 }]
  const keys = createLocalJWKSet(jwks)
  let failure: SignatureCheck = { valid: false, reason: 'MISMATCH' }
  for (const candidate of candidates) {
    const payload = base64url.encode(canonicalRecordPayload(candidate))
    try {
      const { protectedHeader } = await compactVerify(`${header}.${payload}.${signature}`, keys, { algorithms: ['ES256'] })
      if (protectedHeader.typ !== RECORD_SIGNATURE_TYPE || !protectedHeader.kid) return { valid: false, reason: 'MALFORMED' }
      return { valid: true, kid: protectedHeader.kid }
    } catch (err) {
      failure = { valid: false, reason: reasonOf(err) }
      if (failure.reason !== 'MISMATCH') return failure
    }
  }
  return failure
}

function reasonOf (err: unknown): 'UNKNOWN_KEY' | 'MISMATCH' | 'MALFORMED' {
  if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) return 'UNKNOWN_KEY'
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'MISMATCH'
  return 'MALFORMED'
}
