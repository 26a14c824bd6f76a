import { eq } from 'drizzle-orm'
import t from 'tap'
import { patients } from '../src/db/schema.js'
import { buildStack, doctorWithProfile, patientWithProfile, signUp, writeRecord, type Stack } from './helper.js'

/**
 * An account deletion taking effect in auth-service reaches records-service through the
 * revocation feed (an ERASED entry): the patient profile stays with the identity the medical
 * record needs, but is unlinked from the account and loses the account's contact data; the
 * records stay, readable by an admin; the old token is refused (docs/account-deletion.md).
 */

/** Waits (the feed is polled every 200 ms) until `check` holds, up to 5 s; its last answer. */
async function eventually<T> (read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5000
  let value = await read()
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    value = await read()
  }
  return value
}

const profileRow = async (stack: Stack, id: string) => {
  const [row] = await stack.records.db.select({ userId: patients.userId, fullName: patients.fullName, dateOfBirth: patients.dateOfBirth, email: patients.email, phone: patients.phone, address: patients.address })
    .from(patients).where(eq(patients.id, id))
  return row && { ...row }
}

t.test('an erased account: its profile unlinked, email and phone cleared, identity, address and records kept', async (t) => {
  const stack = await buildStack(t, { authEnv: { ACCOUNT_DELETION_DELAY_DAYS: '0' } })
  const admin = await signUp(stack.auth, 'ADMIN')
  const doctor = await doctorWithProfile(stack)
  const patient = await patientWithProfile(stack, 'Dewi Lestari')
  const other = await patientWithProfile(stack, 'Rudi Hartono')
  const contact = { fullName: 'Dewi Lestari', dateOfBirth: '1990-01-01', phone: '+62 812 3456 7890', address: 'Jl. Melati 7, Bandung' }
  for (const person of [patient, other]) {
    t.equal((await stack.records.inject({ method: 'PUT', url: '/api/patients/me', headers: person.headers, payload: { ...contact, fullName: person === patient ? 'Dewi Lestari' : 'Rudi Hartono' } })).statusCode, 200)
  }
  // The front desk and the demo data record an email address on the profile too.
  await stack.records.db.update(patients).set({ email: 'dewi@example.test' }).where(eq(patients.id, patient.patientId))
  const record = await writeRecord(stack, doctor, patient.patientId)

  const requested = await stack.auth.inject({ method: 'POST', url: '/api/auth/account/deletion', headers: patient.headers })
  t.equal(requested.statusCode, 202, 'deletion requested')
  t.equal(await stack.auth.accountDeletion.eraseDue(), 1, 'the job erases the account (no cooling-off period here)')

  const released = await eventually(() => profileRow(stack, patient.patientId), (row) => row?.userId === null)
  t.strictSame(released, { userId: null, fullName: 'Dewi Lestari', dateOfBirth: '1990-01-01', email: null, phone: null, address: 'Jl. Melati 7, Bandung' },
    'unlinked; the account\'s contact data cleared; the identity and the address kept')
  t.strictSame(await profileRow(stack, other.patientId), { userId: other.userId, fullName: 'Rudi Hartono', dateOfBirth: '1990-01-01', email: null, phone: contact.phone, address: contact.address }, 'other profiles untouched')

  const refused = await stack.records.inject({ method: 'GET', url: '/api/patients/me', headers: patient.headers })
  t.strictSame([refused.statusCode, refused.json().error.code], [401, 'TOKEN_REVOKED'], 'the old token is refused')

  const profile = await stack.records.inject({ method: 'GET', url: `/api/patients/${patient.patientId}`, headers: admin.headers })
  t.equal(profile.statusCode, 200, 'an admin still reads the profile')
  t.match(profile.json().data.patient, { id: patient.patientId, userId: null, fullName: 'Dewi Lestari', email: null, phone: null, address: contact.address })
  const records = await stack.records.inject({ method: 'GET', url: `/api/records/${record.id}`, headers: admin.headers })
  t.strictSame([records.statusCode, records.json().data?.record?.id], [200, record.id], 'and the record')

  // Hearing of the erasure again (a restart re-reads the feed) changes nothing.
  t.strictSame(await stack.records.patientsRepository.releaseErasedAccounts([patient.userId]), [], 'idempotent')
})
