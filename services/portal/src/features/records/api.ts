import { unwrap } from '@rekam/client'
import { rekam } from '../../lib/rekam.js'

/** A record's clinical content, in the order pages show it (and a version keeps it). */
export const CONTENT_FIELDS = ['visitDate', 'complaint', 'diagnosis', 'treatment', 'prescription', 'notes'] as const
export type ContentField = typeof CONTENT_FIELDS[number]

/** The If-Match of the version a page loaded: a change made on any other answers 412 PRECONDITION_FAILED. */
export const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` })

export async function loadRecord (id: string) {
  return unwrap(await rekam.records.GET('/api/records/{id}', { params: { path: { id } } })).record
}
export type MedicalRecord = Awaited<ReturnType<typeof loadRecord>>

/** Every version, oldest first, and the patient's amendment requests. */
export async function loadHistory (id: string) {
  return unwrap(await rekam.records.GET('/api/records/{id}/history', { params: { path: { id } } }))
}
export type RecordVersion = Awaited<ReturnType<typeof loadHistory>>['versions'][number]
/** A record's clinical content, as a record carries it and a version keeps it. */
export type RecordContent = Pick<MedicalRecord, ContentField>

/** draft → final (the author; step-up): the record as signed. */
export async function signRecord (id: string, version: number) {
  return unwrap(await rekam.records.POST('/api/records/{id}/sign', { params: { path: { id } }, headers: ifMatch(version) })).record
}

/** A final record's change (author or admin; step-up): a new signed version with its reason. */
export async function amendRecord (id: string, version: number, changes: Partial<RecordContent>, reason: string) {
  return unwrap(await rekam.records.POST('/api/records/{id}/amendments', { params: { path: { id } }, headers: ifMatch(version), body: { changes, reason } })).record
}

export async function loadRequests (id: string) {
  return unwrap(await rekam.records.GET('/api/records/{id}/amendment-requests', { params: { path: { id } } })).requests
}
export type AmendmentRequest = Awaited<ReturnType<typeof loadRequests>>[number]

/** The patient asks for a correction of their record. */
export async function requestAmendment (id: string, text: string) {
  return unwrap(await rekam.records.POST('/api/records/{id}/amendment-requests', { params: { path: { id } }, body: { text } })).request
}

/** Accepting performs the change (an amendment of a final record), its reason the request's text unless given. */
export async function acceptRequest (id: string, version: number, requestId: string, changes: Partial<RecordContent>, reason: string) {
  return unwrap(await rekam.records.POST('/api/records/{id}/amendment-requests/{requestId}/accept', { params: { path: { id, requestId } }, headers: ifMatch(version), body: { changes, reason } }))
}

export async function declineRequest (id: string, requestId: string, reason: string) {
  return unwrap(await rekam.records.POST('/api/records/{id}/amendment-requests/{requestId}/decline', { params: { path: { id, requestId } }, body: { reason } })).request
}

/** The requests waiting for a decision: on the doctor's own records, or all for an admin. */
export async function loadPendingRequests (page: number, limit: number) {
  return unwrap(await rekam.records.GET('/api/records/amendment-requests', { params: { query: { status: 'PENDING', page, limit } } }))
}

/**
 * The keys records-service publishes to verify signed records (a plain JWKS, no envelope). Asked
 * for each check: the browser's HTTP cache keeps the set for its max-age, and a key that signed a
 * record is in the set before the record is.
 */
export async function loadSigningKeys () {
  const { data, response } = await rekam.records.GET('/api/records/.well-known/jwks.json')
  if (!response.ok || !data) throw new Error(`the record signing keys answered ${response.status}`)
  return data
}
