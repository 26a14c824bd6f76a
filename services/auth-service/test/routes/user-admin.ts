import { randomBytes } from 'node:crypto'
import type { Teardown } from '@rekam/testing'
import { bearer, buildTestApp, register, registerAs } from '../helper.js'

/** One item of GET /api/users. */
export interface UserItem { id: string, username: string, email: string, fullName: string | null, role: string, blocked: boolean }

/** A prefix no other user in this database has, so a search returns exactly what a test made. */
export const tag = () => `t${randomBytes(4).toString('hex')}`
export const HASH = /\$2[aby]\$|passwordHash|password_hash/

/** The app on its own database with an admin, a doctor and a patient, and the calls on /api/users. */
export async function userAdminFixture (t: Teardown) {
  const app = await buildTestApp(t)
  const admin = await registerAs(app, 'ADMIN')
  const doctor = await registerAs(app, 'DOCTOR')
  const patient = await register(app)
  const listUsers = (query: string, token = admin.tokens.accessToken) =>
    app.inject({ method: 'GET', url: `/api/users${query}`, headers: bearer(token) })
  const patchUser = (id: string, payload: object, token = admin.tokens.accessToken) =>
    app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: bearer(token), payload })
  const me = (token: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })
  return { app, admin, doctor, patient, listUsers, patchUser, me }
}
