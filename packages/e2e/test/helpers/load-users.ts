import { randomBytes } from 'node:crypto'
import { DEMO, type ApiResponse, type Client } from '@rekam/testing/e2e'

export interface Tokens {
  accessToken: string
  refreshToken: string
}

/** One virtual user of the load test: a real account with its profile and its own session chain. */
export interface LoadUser {
  vu: number
  role: 'PATIENT' | 'DOCTOR'
  userId: string
  email: string
  password: string
  /** The patient or doctor profile id in records-service. */
  profileId: string
  tokens: Tokens
}

function expectStatus (res: ApiResponse, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what} answered ${res.status} (expected ${status}): ${res.text.slice(0, 500)}`)
}

/**
 * Registers `doctors + patients` accounts through the gateway. The admin makes the doctors
 * DOCTORs (which ends their sessions, so they sign in again) and each creates a doctor profile;
 * each patient creates a patient profile, which a doctor needs to write records for them, and
 * puts every doctor in their care team (a doctor writes only for patients in their care).
 */
export async function createUserPool (api: Client, counts: { doctors: number, patients: number }): Promise<LoadUser[]> {
  const run = randomBytes(4).toString('hex')
  const roles = [...Array(counts.doctors).fill('DOCTOR'), ...Array(counts.patients).fill('PATIENT')] as Array<LoadUser['role']>
  const registered = await Promise.all(roles.map(async (role, vu) => {
    const username = `load-${run}-${vu}`
    const email = `${username}@example.com`
    // Random: the password policy refuses guessable ones.
    const password = randomBytes(12).toString('base64url')
    const res = await api.post('/api/auth/register', { username, email, password, fullName: `Load User ${vu}` })
    expectStatus(res, 201, `register ${username}`)
    return { vu, role, email, password, userId: res.body.data.user.id as string, tokens: res.body.data.tokens as Tokens }
  }))

  const admin = await api.login(DEMO.admin.email, DEMO.admin.password)
  for (const user of registered.filter((u) => u.role === 'DOCTOR')) {
    const res = await api.patch(`/api/users/${user.userId}`, { role: 'DOCTOR' }, { token: admin.tokens.accessToken })
    expectStatus(res, 200, `admin makes user ${user.vu} a DOCTOR`)
  }

  const users = await Promise.all(registered.map(async (user): Promise<LoadUser> => {
    if (user.role === 'PATIENT') {
      const res = await api.request('/api/patients/me', {
        method: 'PUT',
        token: user.tokens.accessToken,
        json: { fullName: `Load Patient ${user.vu}`, dateOfBirth: `19${50 + user.vu}-0${1 + (user.vu % 9)}-15`, gender: 'OTHER' },
      })
      expectStatus(res, 200, `patient profile of user ${user.vu}`)
      return { ...user, profileId: res.body.data.patient.id }
    }
    const { tokens } = await api.login(user.email, user.password)
    const res = await api.request('/api/doctors/me', {
      method: 'PUT',
      token: tokens.accessToken,
      json: { fullName: `dr. Load ${user.vu}`, specialization: 'General practice', licenseNumber: `LOAD-${run}-${user.vu}` },
    })
    expectStatus(res, 200, `doctor profile of user ${user.vu}`)
    return { ...user, tokens, profileId: res.body.data.doctor.id }
  }))

  // A doctor writes records only for patients in their care: each patient grants every doctor.
  for (const patient of users.filter((u) => u.role === 'PATIENT')) {
    for (const doctor of users.filter((u) => u.role === 'DOCTOR')) {
      const res = await api.request('/api/patients/me/care-team', { method: 'POST', token: patient.tokens.accessToken, json: { doctorId: doctor.profileId } })
      expectStatus(res, 201, `patient ${patient.vu} grants doctor ${doctor.vu}`)
    }
  }
  return users
}
