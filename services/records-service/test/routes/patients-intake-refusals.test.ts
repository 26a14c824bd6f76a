/** Front-desk intake refused: bad input and roles (POST /api/patients), and no NIK in any log line. */
import { eq } from 'drizzle-orm'
import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { patients } from '../../src/db/schema.js'
import { signUp } from '../helper.js'
import { intakeFixture, sentIdNumbers } from './patients-intake-fixture.js'

const { logLines, stack, db, doctor, patient, register } = await intakeFixture(t)

t.test('POST /api/patients: bad input and roles', async (t) => {
  const base = { fullName: 'Bad Input', dateOfBirth: '1990-01-01', nik: '3273010101900007' }
  assertError(t, await register(patient, base), 403, 'FORBIDDEN', 'You do not have permission to do this')
  assertInvalid(t, await register(doctor, { ...base, nik: '327301010190000' }), 'body.nik', 'must match pattern "^[0-9]{16}$"')
  assertInvalid(t, await register(doctor, { ...base, nik: '32730101019000AB' }), 'body.nik', 'must match pattern "^[0-9]{16}$"')
  assertInvalid(t, await register(doctor, { fullName: 'No Nik', dateOfBirth: '1990-01-01' }), 'body.nik', 'must have required property \'nik\'')
  assertInvalid(t, await register(doctor, { ...base, bpjsNumber: '12345' }), 'body.bpjsNumber', ['must match pattern "^[0-9]{13}$"', 'must be null', 'must match a schema in anyOf'])
  assertInvalid(t, await register(doctor, { ...base, email: 'not-an-email' }), 'body.email', ['must match format "email"', 'must be null', 'must match a schema in anyOf'])
  assertInvalid(t, await register(doctor, { ...base, userId: doctor.userId }), 'body.userId', 'unknown property \'userId\'')
  const future = await register(doctor, { ...base, dateOfBirth: '2999-01-01' })
  t.equal(future.statusCode, 400)
  t.equal(future.json().error.code, 'VALIDATION_ERROR')
  const noProfile = await signUp(stack.auth, 'DOCTOR')
  assertError(t, await register(noProfile, base), 403, 'FORBIDDEN', 'Create your doctor profile first (PUT /api/doctors/me)')
  t.strictSame(await db.select({ id: patients.id }).from(patients).where(eq(patients.fullName, 'Bad Input')), [], 'nothing was written')
})

t.test('no NIK is ever written to the log, refused requests included', async (t) => {
  const numbers = await sentIdNumbers(import.meta.url)
  t.ok(numbers.length >= 1, `${numbers.length} NIK was sent`)
  t.strictSame(numbers.filter((number) => logLines.some((line) => line.includes(number))), [], 'none of them is in a log line')
})
