import t from 'tap'
import { repoPath } from '@rekam/testing/e2e'
import { CompactSign, exportJWK, generateKeyPair } from 'jose'
import { canonicalRecordPayload, signedRecordPayload, verifyRecordSignature, type SignableRecord } from '../src/record-signature.js'

const record: SignableRecord = {
  id: '0b5c4a1e-8a3f-4d5e-9b7c-1a2b3c4d5e6f',
  patientId: '6f1c2e4a-8b3d-4f5e-9a7b-2c1d0e9f8a7b',
  doctorId: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  version: 2,
  visitDate: '2026-05-01',
  complaint: 'Cough',
  diagnosis: 'Common cold — ringan',
  treatment: 'Rest',
  prescription: null,
  signedAt: '2026-05-01T10:00:00.000Z',
  signedBy: '9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
}

const { privateKey, publicKey } = await generateKeyPair('ES256')
const jwks = { keys: [{ ...await exportJWK(publicKey), kid: 'k1', alg: 'ES256', use: 'sig' }] }

/** A detached JWS as records-service makes it: sign, then drop the payload part. */
async function sign (payload: string, kid = 'k1', typ = 'rekam-record+jws') {
  const jws = await new CompactSign(new TextEncoder().encode(payload)).setProtectedHeader({ alg: 'ES256', kid, typ }).sign(privateKey)
  const [header, , signature] = jws.split('.')
  return `${header}..${signature}`
}

t.test('the payload has every member, absent ones null, in RFC 8785 order', async (t) => {
  t.strictSame(signedRecordPayload(record), {
    recordId: record.id,
    patientId: record.patientId,
    doctorId: record.doctorId,
    version: 2,
    status: 'final',
    visitDate: '2026-05-01',
    complaint: 'Cough',
    diagnosis: 'Common cold — ringan',
    treatment: 'Rest',
    prescription: null,
    notes: null,
    signedAt: '2026-05-01T10:00:00.000Z',
    signedBy: record.signedBy,
    amendsVersion: null,
  })
  t.equal(canonicalRecordPayload(record),
    `{"amendsVersion":null,"complaint":"Cough","diagnosis":"Common cold — ringan","doctorId":"${record.doctorId}","notes":null,"patientId":"${record.patientId}",` +
    `"prescription":null,"recordId":"${record.id}","signedAt":"2026-05-01T10:00:00.000Z","signedBy":"${record.signedBy}","status":"final","treatment":"Rest","version":2,"visitDate":"2026-05-01"}`)
})

t.test('a version gives the same payload as its record', async (t) => {
  const { id, visitDate, complaint, diagnosis, treatment, prescription, ...rest } = record
  const version = { ...rest, recordId: id, content: { visitDate, complaint, diagnosis, treatment, prescription, notes: null }, amendsVersion: null }
  t.equal(canonicalRecordPayload(version), canonicalRecordPayload(record))
})

t.test('verification', async (t) => {
  const signature = await sign(canonicalRecordPayload(record))
  t.strictSame(await verifyRecordSignature({ ...record, signature }, jwks), { valid: true, kid: 'k1' })
  t.strictSame(await verifyRecordSignature({ ...record, signature, diagnosis: 'Pneumonia' }, jwks), { valid: false, reason: 'MISMATCH' }, 'changed content')
  t.strictSame(await verifyRecordSignature({ ...record, signature, version: 3 }, jwks), { valid: false, reason: 'MISMATCH' }, 'another version')
  t.strictSame(await verifyRecordSignature({ ...record, signature: null }, jwks), { valid: false, reason: 'NOT_SIGNED' })
  t.strictSame(await verifyRecordSignature({ ...record, signature: 'abc.def.ghi' }, jwks), { valid: false, reason: 'MALFORMED' }, 'an attached payload')
  t.strictSame(await verifyRecordSignature({ ...record, signature: await sign(canonicalRecordPayload(record), 'k2') }, jwks), { valid: false, reason: 'UNKNOWN_KEY' })
  t.strictSame(await verifyRecordSignature({ ...record, signature: await sign(canonicalRecordPayload(record), 'k1', 'JWT') }, jwks), { valid: false, reason: 'MALFORMED' }, 'another type')
})

t.test('an amendment: a version names what it amends; a record verifies as either', async (t) => {
  const amended = { ...record, version: 3, amendsVersion: 2 }
  const signature = await sign(canonicalRecordPayload(amended))
  t.strictSame(await verifyRecordSignature({ ...amended, signature }, jwks), { valid: true, kid: 'k1' })
  t.strictSame(await verifyRecordSignature({ ...amended, signature, amendsVersion: null }, jwks), { valid: false, reason: 'MISMATCH' }, 'an amendment is not a first signature')
  const { amendsVersion: _, ...asRecord } = amended
  t.strictSame(await verifyRecordSignature({ ...asRecord, signature }, jwks), { valid: true, kid: 'k1' }, 'a record without amendsVersion')
})

t.test('the browser build (as the portal bundles it: jose\'s Web Crypto build, no Node built-ins) verifies the same', async (t) => {
  const { build } = await import('esbuild')
  const out = await build({ entryPoints: [repoPath('packages', 'client', 'src', 'record-signature.ts')], bundle: true, platform: 'browser', format: 'esm', conditions: ['@rekam/source'], write: false, metafile: true, logLevel: 'silent' })
  const inputs = Object.keys(out.metafile.inputs)
  t.ok(inputs.some((input) => input.includes('jose/dist/webapi/')), 'jose\'s browser build')
  t.strictSame(inputs.filter((input) => input.startsWith('node:') || input.includes('jose/dist/node/')), [], 'nothing of Node')
  const browser = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0]!.text).toString('base64')}`) as typeof import('../src/record-signature.js')
  const signature = await sign(browser.canonicalRecordPayload(record))
  t.strictSame(await browser.verifyRecordSignature({ ...record, signature }, jwks), { valid: true, kid: 'k1' })
  t.strictSame(await browser.verifyRecordSignature({ ...record, signature, notes: 'changed' }, jwks), { valid: false, reason: 'MISMATCH' })
})
