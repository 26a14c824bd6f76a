import { randomUUID } from 'node:crypto'
import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { login, register, registerAs } from '../helper.js'
import { enrollTotp, loginWithTotp } from '../mfa.js'
import { HASH, userAdminFixture } from './user-admin.js'

// Who may use /api/users, and PATCH. Listing and search: users-list.test.ts.
const { app, admin, doctor, patient, listUsers, patchUser, me } = await userAdminFixture(t)

const refresh = (refreshToken: string) => app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())

t.test('only ADMIN may use /api/users', async (t) => {
  const target = patient.user.id
  for (const [who, token] of [['PATIENT', patient.tokens.accessToken], ['DOCTOR', doctor.tokens.accessToken]] as const) {
    assertError(t, await listUsers('', token), 403, 'FORBIDDEN', 'You do not have permission to do this')
    assertError(t, await patchUser(target, { role: 'ADMIN' }, token), 403, 'FORBIDDEN', 'You do not have permission to do this')
    t.comment(`${who} refused`)
  }
  assertError(t, await app.inject({ method: 'GET', url: '/api/users' }), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  assertError(t, await app.inject({ method: 'PATCH', url: `/api/users/${target}`, payload: { blocked: true } }), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  assertError(t, await listUsers('', 'a.b.c'), 401, 'TOKEN_INVALID', 'The access token is invalid')
  t.equal((await me(patient.tokens.accessToken)).json().data.user.role, 'PATIENT', 'the patient was not promoted')
})

t.test('PATCH role: the next login token carries the new role', async (t) => {
  const user = await register(app)
  t.equal(claimsOf(user.tokens.accessToken).role, 'PATIENT')
  const res = await patchUser(user.user.id, { role: 'DOCTOR' })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.match(body, { success: true, message: 'User updated', data: { user: { id: user.user.id, username: user.user.username, role: 'DOCTOR', blocked: false } } })
  t.strictSame(Object.keys(body.data.user).sort(), ['blocked', 'createdAt', 'email', 'emailVerified', 'fullName', 'id', 'locale', 'role', 'updatedAt', 'username'])
  t.notMatch(res.body, HASH)

  // A DOCTOR must have a second factor: the next sign-in enrols one before any token exists.
  const again = await login(app, user.user.username, user.password)
  t.equal(again.statusCode, 200)
  t.strictSame(Object.keys(again.json().data).sort(), ['expiresIn', 'methods', 'mfaEnrollmentRequired', 'ticket'])
  const enrolled = await enrollTotp(app, { ticket: again.json().data.ticket })
  t.equal(enrolled.user!.role, 'DOCTOR')
  t.equal(claimsOf(enrolled.tokens!.accessToken).role, 'DOCTOR')

  t.equal((await patchUser(user.user.id, { role: 'ADMIN' })).json().data.user.role, 'ADMIN')
  const asAdmin = (await loginWithTotp(app, user.user.username, user.password, enrolled.secret)).json().data.tokens.accessToken
  t.equal(claimsOf(asAdmin).role, 'ADMIN')
  t.equal((await listUsers('', asAdmin)).statusCode, 200, 'the promoted user may now list users')
})

t.test('PATCH blocked: sessions end at once; unblocking lets the user sign in again', async (t) => {
  const user = await register(app)
  const other = (await login(app, user.user.username, user.password)).json().data.tokens

  const res = await patchUser(user.user.id, { blocked: true })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { success: true, data: { user: { id: user.user.id, blocked: true, role: 'PATIENT' } } })
  t.notMatch(res.body, HASH)

  assertError(t, await me(user.tokens.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  assertError(t, await me(other.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  // The holders of the ended sessions learn why (see refresh-exchange).
  assertError(t, await refresh(user.tokens.refreshToken), 403, 'ACCOUNT_BLOCKED', 'This account is blocked')
  assertError(t, await refresh(other.refreshToken), 403, 'ACCOUNT_BLOCKED', 'This account is blocked')
  assertError(t, await login(app, user.user.username, user.password), 403, 'ACCOUNT_BLOCKED', 'This account is blocked')
  assertError(t, await login(app, user.user.username, 'not-the-password'), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')

  const unblock = await patchUser(user.user.id, { blocked: false })
  t.equal(unblock.statusCode, 200)
  t.equal(unblock.json().data.user.blocked, false)
  const back = await login(app, user.user.email, user.password)
  t.equal(back.statusCode, 200)
  t.equal((await me(back.json().data.tokens.accessToken)).statusCode, 200)
  // Sessions ended by the block stay ended after unblocking.
  assertError(t, await refresh(other.refreshToken), 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')
  assertError(t, await me(user.tokens.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
})

t.test('an admin cannot change their own role or block themselves', async (t) => {
  assertError(t, await patchUser(admin.user.id, { role: 'PATIENT' }), 403, 'FORBIDDEN', 'Administrators cannot change their own role or block themselves')
  assertError(t, await patchUser(admin.user.id, { blocked: true }), 403, 'FORBIDDEN', 'Administrators cannot change their own role or block themselves')
  const self = (await me(admin.tokens.accessToken)).json().data.user
  t.match(self, { role: 'ADMIN', blocked: false })
})

t.test('an admin can block another admin', async (t) => {
  const other = await registerAs(app, 'ADMIN')
  t.equal((await patchUser(other.user.id, { blocked: true })).statusCode, 200)
  assertError(t, await listUsers('', other.tokens.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
})

t.test('PATCH refuses bad input', async (t) => {
  assertError(t, await patchUser(randomUUID(), { blocked: true }), 404, 'NOT_FOUND', 'User not found')
  assertInvalid(t, await patchUser(patient.user.id, {}), 'body', 'must NOT have fewer than 1 properties')
  assertInvalid(t, await patchUser(patient.user.id, { role: 'SUPERUSER' }), 'body.role', ['must be equal to constant', 'must be equal to constant', 'must be equal to constant', 'must match a schema in anyOf'])
  assertInvalid(t, await patchUser(patient.user.id, { blocked: 'yes' }), 'body.blocked', 'must be boolean')
  assertInvalid(t, await patchUser(patient.user.id, { email: 'x@example.test' }), 'body.email', "unknown property 'email'")
  assertInvalid(t, await patchUser('not-a-uuid', { blocked: true }), 'params.id', 'must match format "uuid"')
  const unchanged = (await me(patient.tokens.accessToken)).json().data.user
  t.match(unchanged, { role: 'PATIENT', blocked: false })
})
