import { asc, eq } from 'drizzle-orm'
import t from 'tap'
import { assertError, assertInvalid, assertOk } from '@rekam/testing'
import { careRelationships, patientAccessLog, patientClaimCodes, patients } from '../../src/db/schema.js'
import { buildStaticStack, doctorWithProfile, patientWithProfile, signUp, type Person } from '../helper.js'

// The clock the service reads; moved by the tests instead of waiting 48 hours.
let now = new Date('2026-09-01T08:00:00.000Z')
const stack = await buildStaticStack(t, { recordsNow: () => now, recordsEnv: { RATE_LIMIT_CLAIM: '10' } })
const app = stack.records
const { db } = app

const doctor = await doctorWithProfile(stack, 'dr. Registrar')
const otherDoctor = await doctorWithProfile(stack, 'dr. Elsewhere')
const admin = await signUp(stack.auth, 'ADMIN')

const post = (who: Pick<Person, 'headers'>, url: string, payload?: unknown) =>
  app.inject({ method: 'POST', url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) })
const issue = (who: Pick<Person, 'headers'>, patientId: string) => post(who, `/api/patients/${patientId}/claim-code`)
const claim = (who: Pick<Person, 'headers'>, code: string) => post(who, '/api/patients/claim', { code })

let nikCounter = 0
async function walkIn (by: Person = doctor, fullName = 'Walk In') {
  nikCounter++
  const res = await post(by, '/api/patients', { fullName: `${fullName} ${nikCounter}`, dateOfBirth: '1980-05-05', nik: `317101050580${String(nikCounter).padStart(4, '0')}` })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json().data.patient as { id: string, mrn: string, fullName: string, nik: string, createdAt: string }
}

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/

t.test('a doctor who registered a walk-in patient issues a code; the patient claims the profile with it', async (t) => {
  const walk = await walkIn()
  const issued = await issue(doctor, walk.id)
  t.equal(issued.statusCode, 201, issued.body)
  const { code } = issued.json().data
  t.match(code, CODE)
  assertOk(t, issued, 201, { code, expiresAt: '2026-09-03T08:00:00.000Z' }, 'Claim code issued')

  const [stored] = await db.select().from(patientClaimCodes).where(eq(patientClaimCodes.patientId, walk.id))
  t.notOk(JSON.stringify(stored).includes(code.replaceAll('-', '')), 'only a hash of the code is stored')

  now = new Date('2026-09-03T07:59:59.000Z')
  const me = await signUp(stack.auth, 'PATIENT')
  // Lower case, spaces instead of dashes: the same code.
  const claimed = await claim(me, ` ${code.toLowerCase().replaceAll('-', ' ')} `)
  assertOk(t, claimed, 200, {
    patient: {
      id: walk.id,
      userId: me.userId,
      mrn: walk.mrn,
      fullName: walk.fullName,
      dateOfBirth: '1980-05-05',
      gender: null,
      phone: null,
      address: null,
      email: null,
      nik: walk.nik,
      bpjsNumber: null,
      claimed: true,
      createdAt: walk.createdAt,
      updatedAt: '2026-09-03T07:59:59.000Z',
    },
  }, `Profile ${walk.mrn} is now yours`)
  assertOk(t, await app.inject({ method: 'GET', url: '/api/patients/me', headers: me.headers }), 200, { patient: claimed.json().data.patient })

  const [used] = await db.select().from(patientClaimCodes).where(eq(patientClaimCodes.patientId, walk.id))
  t.strictSame([used!.usedAt?.toISOString(), used!.usedByUserId, used!.voidedAt], ['2026-09-03T07:59:59.000Z', me.userId, null])
  const trail = await db.select().from(patientAccessLog).where(eq(patientAccessLog.patientId, walk.id)).orderBy(asc(patientAccessLog.at))
  t.strictSame(trail.map(({ id, at, requestId, ...rest }) => rest).slice(1), [{
    patientId: walk.id, actorUserId: me.userId, actorRole: 'PATIENT', action: 'UPDATE', purpose: 'PATIENT', outcome: 'ALLOWED', reason: null, deniedWindow: null,
  }], 'the claim is audited after the creation')
  t.equal(trail[1]!.requestId, String(claimed.headers['x-request-id']))

  // Single use; and the profile is claimed now.
  const again = await signUp(stack.auth, 'PATIENT')
  assertError(t, await claim(again, code), 400, 'CLAIM_CODE_INVALID', 'This claim code is invalid, expired or already used; ask the clinic for a new one')
  assertError(t, await issue(doctor, walk.id), 409, 'CONFLICT', 'This profile is already claimed by a patient account')
  now = new Date('2026-09-01T08:00:00.000Z')
})

t.test('a code expires after CLAIM_CODE_HOURS; a new code voids the unused ones', async (t) => {
  const walk = await walkIn(admin)
  const first = (await issue(admin, walk.id)).json().data.code
  now = new Date('2026-09-01T09:00:00.000Z')
  const second = (await issue(admin, walk.id)).json().data.code
  t.not(first, second)
  const me = await signUp(stack.auth, 'PATIENT')
  assertError(t, await claim(me, first), 400, 'CLAIM_CODE_INVALID', 'This claim code is invalid, expired or already used; ask the clinic for a new one')
  now = new Date('2026-09-03T09:00:00.000Z')
  assertError(t, await claim(me, second), 400, 'CLAIM_CODE_INVALID', 'This claim code is invalid, expired or already used; ask the clinic for a new one')
  const rows = await db.select().from(patientClaimCodes).where(eq(patientClaimCodes.patientId, walk.id)).orderBy(asc(patientClaimCodes.createdAt))
  t.strictSame(rows.map((r) => [r.createdAt.toISOString(), r.expiresAt.toISOString(), r.voidedAt?.toISOString() ?? null, r.usedAt]), [
    ['2026-09-01T08:00:00.000Z', '2026-09-03T08:00:00.000Z', '2026-09-01T09:00:00.000Z', null],
    ['2026-09-01T09:00:00.000Z', '2026-09-03T09:00:00.000Z', null, null],
  ])
  t.equal((await db.select().from(patients).where(eq(patients.id, walk.id)))[0]!.userId, null, 'still unclaimed')
  now = new Date('2026-09-01T08:00:00.000Z')
})

t.test('who may issue a code: an admin, or a doctor with the patient in care', async (t) => {
  const walk = await walkIn(doctor)
  assertError(t, await issue(otherDoctor, walk.id), 403, 'FORBIDDEN', 'Only an admin or a doctor caring for this patient issues its claim code')
  const patient = await signUp(stack.auth, 'PATIENT')
  assertError(t, await issue(patient, walk.id), 403, 'FORBIDDEN', 'You do not have permission to do this')
  assertError(t, await issue(admin, '7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c'), 404, 'NOT_FOUND', 'Patient not found')
  assertInvalid(t, await issue(admin, 'not-a-uuid'), 'params.id', 'must match format "uuid"')
  t.equal((await issue(admin, walk.id)).statusCode, 201)

  // A care relationship ended before now no longer counts; one starting later does not yet.
  const [care] = await db.select().from(careRelationships).where(eq(careRelationships.patientId, walk.id))
  await db.update(careRelationships).set({ endsAt: new Date('2026-09-01T07:00:00.000Z') }).where(eq(careRelationships.id, care!.id))
  assertError(t, await issue(doctor, walk.id), 403, 'FORBIDDEN', 'Only an admin or a doctor caring for this patient issues its claim code')
  await db.update(careRelationships).set({ startsAt: new Date('2026-09-02T00:00:00.000Z'), endsAt: null }).where(eq(careRelationships.id, care!.id))
  assertError(t, await issue(doctor, walk.id), 403, 'FORBIDDEN', 'Only an admin or a doctor caring for this patient issues its claim code')
  now = new Date('2026-09-02T00:00:00.000Z')
  t.equal((await issue(doctor, walk.id)).statusCode, 201, 'in care from its start')
  now = new Date('2026-09-01T08:00:00.000Z')
  t.equal(await db.$count(patientClaimCodes, eq(patientClaimCodes.patientId, walk.id)), 2, 'refusals wrote no code')
})

t.test('claiming: bad codes, a caller with a profile, staff', async (t) => {
  const walk = await walkIn()
  const code = (await issue(doctor, walk.id)).json().data.code
  const withProfile = await patientWithProfile(stack, 'Has Profile')
  assertError(t, await claim(withProfile, code), 409, 'CONFLICT', 'You already have a patient profile')
  assertError(t, await claim(doctor, code), 403, 'FORBIDDEN', 'You do not have permission to do this')
  const me = await signUp(stack.auth, 'PATIENT')
  for (const bad of ['nonsense', 'AAAA-AAAA-AAA', 'UUUU-UUUU-UUUU', '0000-0000-0000']) {
    assertError(t, await claim(me, bad), 400, 'CLAIM_CODE_INVALID', 'This claim code is invalid, expired or already used; ask the clinic for a new one')
  }
  assertInvalid(t, await post(me, '/api/patients/claim', {}), 'body.code', 'must have required property \'code\'')
  t.equal((await db.select().from(patients).where(eq(patients.id, walk.id)))[0]!.userId, null, 'nothing was claimed')
  // Crockford: O read as 0, I and L as 1.
  const typed = code.replaceAll('0', 'O').replaceAll('1', 'l')
  t.equal((await claim(me, typed)).statusCode, 200)
})

t.test('claiming is limited per user: 10 attempts per 15 minutes', async (t) => {
  const guesser = await signUp(stack.auth, 'PATIENT')
  for (let i = 0; i < 10; i++) t.equal((await claim(guesser, 'ZZZZ-ZZZZ-ZZZZ')).statusCode, 400)
  const limited = await claim(guesser, 'ZZZZ-ZZZZ-ZZZZ')
  t.equal(limited.statusCode, 429)
  t.equal(limited.json().error.code, 'TOO_MANY_REQUESTS')
  t.equal((await claim(await signUp(stack.auth, 'PATIENT'), 'ZZZZ-ZZZZ-ZZZZ')).statusCode, 400, 'another user is not limited by it')
})
