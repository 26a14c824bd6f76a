import canonicalize from 'canonicalize'
import { and, eq } from 'drizzle-orm'
import { compactVerify, createLocalJWKSet, errors, type JSONWebKeySet } from 'jose'
import t from 'tap'
import { verifyRecordSignature } from '@rekam/record-signature'
import { medicalRecords, recordAccessLog } from '../../../src/db/schema.js'
import { writeRecord, type Person } from '../../helper.js'
import { recordsCast } from './cast.js'

const NOW = new Date('2026-06-01T09:30:00.000Z')
const { stack, app, call, steppedUp, withoutWriting, admin, drAlpha, drBeta, andi } = await recordsCast(t, { recordsNow: () => NOW })

const post = (who: Person, url: string, payload?: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, headers: { ...who.headers, ...headers }, ...(payload ? { payload } : {}) })
const sign = (who: Person, id: string, headers: Record<string, string> = {}) => post(who, `/api/records/${id}/sign`, undefined, headers)
const jwks = async () => {
  const res = await app.inject({ method: 'GET', url: '/api/records/.well-known/jwks.json' })
  return res.json() as JSONWebKeySet
}

/** The signed payload built here from the record, with canonicalize and jose only (not our helper). */
async function verifyIndependently (record: Record<string, any>, amendsVersion: number | null) {
  const payload = canonicalize({
    recordId: record.id,
    patientId: record.patientId,
    doctorId: record.doctorId,
    version: record.version,
    status: 'final',
    visitDate: record.visitDate,
    complaint: record.complaint,
    diagnosis: record.diagnosis,
    treatment: record.treatment,
    prescription: record.prescription,
    notes: record.notes,
    signedAt: record.signedAt,
    signedBy: record.signedBy,
    amendsVersion,
  })!
  const [header, , signature] = (record.signature as string).split('.')
  return compactVerify(`${header}.${Buffer.from(payload).toString('base64url')}.${signature}`, createLocalJWKSet(await jwks()), { algorithms: ['ES256'] })
}

const denials = (recordId: string) => app.db.select({ actorUserId: recordAccessLog.actorUserId, action: recordAccessLog.action, reason: recordAccessLog.reason })
  .from(recordAccessLog).where(and(eq(recordAccessLog.recordId, recordId), eq(recordAccessLog.outcome, 'DENIED')))

t.test('the JWKS is public and cacheable, with the one key', async (t) => {
  const res = await app.inject({ method: 'GET', url: '/api/records/.well-known/jwks.json' })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['cache-control'], 'public, max-age=300')
  t.strictSame(res.json().keys.map((key: { kid: string, alg: string, use: string }) => [key.kid, key.alg, key.use]), [[app.recordSigningKeys.kid, 'ES256', 'sig']])
})

t.test('the author signs a draft: final, version 2, signature verifiable with jose and the JWKS; a changed diagnosis fails', async (t) => {
  const draft = (await call(drAlpha, 'GET', `/api/records/${(await writeRecord(stack, drAlpha, andi.patientId)).id}`)).json().data.record
  const res = await sign(steppedUp(drAlpha), draft.id, { 'if-match': '"1"' })
  t.equal(res.statusCode, 200, res.body)
  t.equal(res.headers.etag, '"2"')
  const { record } = res.json().data
  t.match(record.signature, /^[\w-]+\.\.[\w-]+$/, 'a detached compact JWS')
  t.strictSame(record, { ...draft, version: 2, status: 'final', signedAt: NOW.toISOString(), signedBy: drAlpha.userId, signature: record.signature, updatedAt: NOW.toISOString() })
  t.strictSame(res.json().message, 'Medical record signed')
  const { protectedHeader } = await verifyIndependently(record, null)
  t.strictSame(protectedHeader, { alg: 'ES256', kid: app.recordSigningKeys.kid, typ: 'rekam-record+jws' })
  t.strictSame(await verifyRecordSignature(record, await jwks()), { valid: true, kid: app.recordSigningKeys.kid }, 'our helper agrees')

  const version = await app.recordVersionsRepository.find(draft.id, 2)
  t.strictSame([version?.kind, version?.status, version?.signature, version?.signedByUserId], ['SIGNED', 'final', record.signature, drAlpha.userId])
  const signs = await app.db.select().from(recordAccessLog).where(and(eq(recordAccessLog.recordId, draft.id), eq(recordAccessLog.action, 'SIGN')))
  t.strictSame(signs.map((row) => [row.actorUserId, row.purpose, row.outcome, row.requestId]), [[drAlpha.userId, 'TREATMENT', 'ALLOWED', res.headers['x-request-id']]])

  // A superuser changes the diagnosis behind the service's back: the signature no longer matches.
  await app.db.update(medicalRecords).set({ diagnosis: 'Pneumonia' }).where(eq(medicalRecords.id, draft.id))
  const altered = (await call(drAlpha, 'GET', `/api/records/${draft.id}`)).json().data.record
  await t.rejects(verifyIndependently(altered, null), errors.JWSSignatureVerificationFailed)
  t.strictSame(await verifyRecordSignature(altered, await jwks()), { valid: false, reason: 'MISMATCH' })
})

t.test('signing twice: 409 RECORD_FINAL; a stale If-Match: 412 PRECONDITION_FAILED; both write nothing', async (t) => {
  const { id } = await writeRecord(stack, drAlpha, andi.patientId)
  const stale = await withoutWriting(t, () => sign(steppedUp(drAlpha), id, { 'if-match': '"7"' }))
  t.equal(stale.statusCode, 412)
  t.strictSame(stale.json().error, {
    code: 'PRECONDITION_FAILED',
    message: 'The record changed since you read it: current version is 1',
    details: [{ field: 'headers.if-match', message: 'current version is 1' }],
    requestId: stale.headers['x-request-id'],
  })
  t.equal((await sign(steppedUp(drAlpha), id, { 'if-match': '*' })).statusCode, 200)
  const again = await withoutWriting(t, () => sign(steppedUp(drAlpha), id))
  t.equal(again.statusCode, 409)
  t.strictSame(again.json().error, {
    code: 'RECORD_FINAL', message: 'This record is already signed: a signed record changes only by amendment (POST /api/records/:id/amendments)', requestId: again.headers['x-request-id'],
  })
})

t.test('another doctor or an admin may not sign (403, a DENIED SIGN row); no step-up: 401 STEP_UP_REQUIRED', async (t) => {
  const { id } = await writeRecord(stack, drAlpha, andi.patientId)
  const other = await withoutWriting(t, () => sign(steppedUp(drBeta), id))
  t.equal(other.statusCode, 403)
  t.strictSame(other.json().error, { code: 'FORBIDDEN', message: 'Only the doctor who wrote this record (or an admin) may change it', requestId: other.headers['x-request-id'] })
  const byAdmin = await withoutWriting(t, () => sign(steppedUp(admin), id))
  t.equal(byAdmin.statusCode, 403)
  t.strictSame(await denials(id), [{ actorUserId: drBeta.userId, action: 'SIGN', reason: 'NOT_AUTHOR' }, { actorUserId: admin.userId, action: 'SIGN', reason: 'ROLE' }])
  const weak = await withoutWriting(t, () => sign(drAlpha, id))
  t.equal(weak.statusCode, 401)
  t.equal(weak.json().error.code, 'STEP_UP_REQUIRED')
})

t.test('a signed record refuses PATCH: 409 RECORD_FINAL, nothing written', async (t) => {
  const { id } = await writeRecord(stack, drAlpha, andi.patientId)
  t.equal((await sign(steppedUp(drAlpha), id)).statusCode, 200)
  const res = await withoutWriting(t, () => call(drAlpha, 'PATCH', `/api/records/${id}`, { diagnosis: 'Pneumonia' }))
  t.equal(res.statusCode, 409)
  t.equal(res.json().error.code, 'RECORD_FINAL')
  t.equal((await call(drAlpha, 'GET', `/api/records/${id}`)).json().data.record.diagnosis, 'Common cold')
})

t.test('an entered-in-error (deleted) record: 404', async (t) => {
  const { id } = await writeRecord(stack, drAlpha, andi.patientId)
  await app.db.update(medicalRecords).set({ status: 'entered-in-error', deletedAt: NOW }).where(eq(medicalRecords.id, id))
  const res = await withoutWriting(t, () => sign(steppedUp(drAlpha), id))
  t.equal(res.statusCode, 404)
  t.strictSame(res.json().error, { code: 'NOT_FOUND', message: 'Medical record not found', requestId: res.headers['x-request-id'] })
})

t.test('amendments', async (t) => {
  const { id } = await writeRecord(stack, drAlpha, andi.patientId)
  const amend = (who: Person, payload: object, headers: Record<string, string> = {}) => post(who, `/api/records/${id}/amendments`, payload, headers)
  const change = { changes: { diagnosis: 'Acute bronchitis' }, reason: 'Chest X-ray read after signing' }

  const draft = await withoutWriting(t, () => amend(steppedUp(drAlpha), change))
  t.equal(draft.statusCode, 400, 'a draft is changed with PATCH')
  t.strictSame(draft.json().error, {
    code: 'VALIDATION_ERROR',
    message: 'This record is a draft: a draft is changed with PATCH /api/records/:id (amendments are for signed records)',
    details: [{ field: 'status', message: 'must be final' }],
    requestId: draft.headers['x-request-id'],
  })
  const signed = (await sign(steppedUp(drAlpha), id)).json().data.record

  const noReason = await withoutWriting(t, () => amend(steppedUp(drAlpha), { changes: change.changes }))
  t.equal(noReason.statusCode, 400)
  t.equal(noReason.json().error.code, 'VALIDATION_ERROR')
  t.equal((await withoutWriting(t, () => amend(steppedUp(drAlpha), { changes: {}, reason: change.reason }))).statusCode, 400, 'no change')
  t.equal((await withoutWriting(t, () => amend(steppedUp(drAlpha), { ...change, changes: { status: 'draft' } }))).statusCode, 400, 'only content')
  const weak = await withoutWriting(t, () => amend(drAlpha, change))
  t.equal(weak.statusCode, 401)
  t.equal(weak.json().error.code, 'STEP_UP_REQUIRED')
  const other = await withoutWriting(t, () => amend(steppedUp(drBeta), change))
  t.equal(other.statusCode, 403)
  t.strictSame(await denials(id), [{ actorUserId: drBeta.userId, action: 'AMEND', reason: 'NOT_AUTHOR' }])

  const res = await amend(steppedUp(drAlpha), change, { 'if-match': '"2"' })
  t.equal(res.statusCode, 201, res.body)
  t.equal(res.headers.etag, '"3"')
  const { record } = res.json().data
  t.strictSame(record, { ...signed, diagnosis: 'Acute bronchitis', version: 3, signature: record.signature, updatedAt: NOW.toISOString() })
  await verifyIndependently(record, 2)
  t.strictSame(await verifyRecordSignature(record, await jwks()), { valid: true, kid: app.recordSigningKeys.kid })

  const v3 = await app.recordVersionsRepository.find(id, 3)
  const original = await call(andi, 'GET', `/api/records/${id}/history/2`)
  t.equal(original.statusCode, 200, original.body)
  const { version: signedVersion } = original.json().data
  t.strictSame([signedVersion.kind, signedVersion.content.diagnosis, signedVersion.signature], ['SIGNED', 'Common cold', signed.signature], 'the signed original stays readable')
  t.strictSame(await verifyRecordSignature({ ...signedVersion, patientId: signed.patientId, doctorId: signed.doctorId }, await jwks()), { valid: true, kid: app.recordSigningKeys.kid }, 'and verifiable')
  t.strictSame([v3?.kind, v3?.status, v3?.reason, v3?.amendsVersion, v3?.signedByUserId], ['AMENDED', 'final', change.reason, 2, drAlpha.userId])
  const amends = await app.db.select().from(recordAccessLog).where(and(eq(recordAccessLog.recordId, id), eq(recordAccessLog.action, 'AMEND'), eq(recordAccessLog.outcome, 'ALLOWED')))
  t.strictSame(amends.map((row) => [row.actorUserId, row.purpose, row.requestId]), [[drAlpha.userId, 'TREATMENT', res.headers['x-request-id']]])

  // An admin amends too, and signs as the amender.
  const byAdmin = await amend(steppedUp(admin), { changes: { notes: 'Reviewed' }, reason: 'Administrative correction' })
  t.equal(byAdmin.statusCode, 201, byAdmin.body)
  t.strictSame([byAdmin.json().data.record.version, byAdmin.json().data.record.signedBy], [4, admin.userId])
  const v4 = await app.recordVersionsRepository.find(id, 4)
  t.strictSame([v4?.amendsVersion, v4?.changedByRole], [3, 'ADMIN'])
  await verifyIndependently(byAdmin.json().data.record, 3)
  const stale = await withoutWriting(t, () => amend(steppedUp(drAlpha), change, { 'if-match': '"3"' }))
  t.equal(stale.statusCode, 412)
})
