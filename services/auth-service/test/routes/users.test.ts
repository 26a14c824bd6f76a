import { randomBytes, randomUUID } from 'node:crypto'
import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { bearer, buildTestApp, login, register, registerAs, uniqueUser } from '../helper.js'

const app = await buildTestApp(t)
const admin = await registerAs(app, 'ADMIN')
const doctor = await registerAs(app, 'DOCTOR')
const patient = await register(app)

interface UserItem { id: string, username: string, email: string, fullName: string | null, role: string, blocked: boolean }

const listUsers = (query: string, token = admin.tokens.accessToken) =>
  app.inject({ method: 'GET', url: `/api/users${query}`, headers: bearer(token) })
const patchUser = (id: string, payload: object, token = admin.tokens.accessToken) =>
  app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: bearer(token), payload })
const me = (token: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })
const refresh = (refreshToken: string) => app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())

/** A prefix no other user in this database has, so a search returns exactly what a test made. */
const tag = () => `t${randomBytes(4).toString('hex')}`
const HASH = /\$2[aby]\$|passwordHash|password_hash/

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

t.test('GET /api/users pages', async (t) => {
  const prefix = tag()
  const made = []
  for (let i = 0; i < 25; i++) made.push(await register(app, { ...uniqueUser(prefix), fullName: `Paged ${i}` }))

  const first = await listUsers(`?search=${prefix}`)
  t.equal(first.statusCode, 200)
  const page1 = first.json()
  t.match(page1, { success: true, data: { page: 1, limit: 20, total: 25 } })
  t.equal(page1.data.items.length, 20, 'limit defaults to 20')
  t.strictSame(Object.keys(page1.data.items[0]).sort(), ['blocked', 'createdAt', 'email', 'fullName', 'id', 'role', 'updatedAt', 'username'])
  t.notMatch(first.body, HASH)

  const page2 = (await listUsers(`?search=${prefix}&page=2`)).json()
  t.match(page2, { data: { page: 2, limit: 20, total: 25 } })
  t.equal(page2.data.items.length, 5)
  const ids = [...page1.data.items, ...page2.data.items].map((u: UserItem) => u.id)
  t.strictSame(ids.slice().sort(), made.map((m) => m.user.id).sort(), 'two pages hold every user exactly once')

  const small = (await listUsers(`?search=${prefix}&limit=10&page=3`)).json()
  t.match(small, { data: { page: 3, limit: 10, total: 25 } })
  t.equal(small.data.items.length, 5)

  const beyond = (await listUsers(`?search=${prefix}&limit=10&page=4`)).json()
  t.strictSame(beyond.data, { items: [], page: 4, limit: 10, total: 25 })

  const max = (await listUsers('?limit=100')).json()
  t.equal(max.data.limit, 100)
  t.ok(max.data.total >= 28)
})

t.test('GET /api/users refuses bad paging and unknown parameters', async (t) => {
  assertInvalid(t, await listUsers('?limit=101'), 'querystring.limit', 'must be <= 100')
  assertInvalid(t, await listUsers('?limit=0'), 'querystring.limit', 'must be >= 1')
  assertInvalid(t, await listUsers('?page=0'), 'querystring.page', 'must be >= 1')
  assertInvalid(t, await listUsers('?limit=abc'), 'querystring.limit', 'must be integer')
  assertInvalid(t, await listUsers('?page=1.5'), 'querystring.page', 'must be integer')
  assertInvalid(t, await listUsers('?role=SUPERUSER'), 'querystring.role', ['must be equal to constant', 'must be equal to constant', 'must be equal to constant', 'must match a schema in anyOf'])
  assertInvalid(t, await listUsers('?blocked=maybe'), 'querystring.blocked', 'must be boolean')
  assertInvalid(t, await listUsers('?search='), 'querystring.search', 'must NOT have fewer than 1 characters')
  const unknown = await listUsers('?sort=email')
  assertInvalid(t, unknown, 'querystring.sort', "unknown property 'sort'")
  t.strictSame(unknown.json().error.details, [{ field: 'querystring.sort', message: "unknown property 'sort'" }])
})

t.test('search matches username, email or full name, case-insensitively', async (t) => {
  const prefix = tag()
  const byUsername = await register(app, { ...uniqueUser(`${prefix}u`), fullName: 'Nobody Special' })
  const byEmail = await register(app, { username: `e${tag()}`, email: `${prefix}mail@example.test`, fullName: 'Somebody Else' })
  const byName = await register(app, { username: `n${tag()}`, email: `n${tag()}@example.test`, fullName: `Dr ${prefix.toUpperCase()} Quixote` })

  const res = await listUsers(`?search=${prefix.toUpperCase()}`)
  t.equal(res.statusCode, 200)
  const found = res.json().data
  t.equal(found.total, 3)
  t.strictSame(found.items.map((u: UserItem) => u.id).sort(), [byUsername.user.id, byEmail.user.id, byName.user.id].sort())

  const one = (await listUsers(`?search=${encodeURIComponent(`${prefix} quixote`)}`)).json().data
  t.strictSame(one.items.map((u: UserItem) => u.id), [byName.user.id])
  t.equal(one.total, 1)

  const none = (await listUsers(`?search=${tag()}`)).json().data
  t.strictSame(none, { items: [], page: 1, limit: 20, total: 0 })
})

t.test('% and _ in a search are literal characters', async (t) => {
  const prefix = tag()
  const underscore = await register(app, { username: `${prefix}_x`, email: `${prefix}_x@example.test`, fullName: 'Under Score' })
  await register(app, { username: `${prefix}ax`, email: `${prefix}ax@example.test`, fullName: 'No Underscore' })
  const percent = await register(app, { username: `${prefix}p1`, email: `${prefix}p1@example.test`, fullName: `${prefix} 100% sure` })
  await register(app, { username: `${prefix}p2`, email: `${prefix}p2@example.test`, fullName: `${prefix} 100 percent` })

  const us = (await listUsers(`?search=${encodeURIComponent(`${prefix}_x`)}`)).json().data
  t.strictSame(us.items.map((u: UserItem) => u.id), [underscore.user.id], '_ does not match any one character')

  const pc = (await listUsers(`?search=${encodeURIComponent(`${prefix} 100%`)}`)).json().data
  t.strictSame(pc.items.map((u: UserItem) => u.id), [percent.user.id], '% does not match any run of characters')

  const bare = (await listUsers(`?search=${encodeURIComponent('%')}`)).json().data
  t.strictSame(bare.items.map((u: UserItem) => u.id), [percent.user.id], 'a lone % matches only names with a %')
  const backslash = (await listUsers(`?search=${encodeURIComponent('\\')}`)).json().data
  t.equal(backslash.total, 0, 'a backslash is literal too')
})

t.test('filters by role and by blocked', async (t) => {
  const prefix = tag()
  const d = await registerAs(app, 'DOCTOR')
  const p1 = await register(app, uniqueUser(prefix))
  const p2 = await register(app, uniqueUser(prefix))
  const promoted = await register(app, uniqueUser(prefix))
  t.equal((await patchUser(promoted.user.id, { role: 'DOCTOR' })).statusCode, 200)
  t.equal((await patchUser(p2.user.id, { blocked: true })).statusCode, 200)

  const doctors = (await listUsers('?role=DOCTOR&limit=100')).json().data
  t.ok(doctors.items.every((u: UserItem) => u.role === 'DOCTOR'), 'only doctors')
  const doctorIds = doctors.items.map((u: UserItem) => u.id)
  t.ok(doctorIds.includes(d.user.id) && doctorIds.includes(doctor.user.id) && doctorIds.includes(promoted.user.id))
  t.notOk(doctorIds.includes(p1.user.id))

  const admins = (await listUsers('?role=ADMIN')).json().data
  t.ok(admins.items.some((u: UserItem) => u.id === admin.user.id))
  t.ok(admins.items.every((u: UserItem) => u.role === 'ADMIN'))

  const scopedPatients = (await listUsers(`?search=${prefix}&role=PATIENT`)).json().data
  t.strictSame(scopedPatients.items.map((u: UserItem) => u.id).sort(), [p1.user.id, p2.user.id].sort())

  const blocked = (await listUsers(`?search=${prefix}&blocked=true`)).json().data
  t.strictSame(blocked.items.map((u: UserItem) => ({ id: u.id, blocked: u.blocked })), [{ id: p2.user.id, blocked: true }])
  const unblocked = (await listUsers(`?search=${prefix}&blocked=false`)).json().data
  t.strictSame(unblocked.items.map((u: UserItem) => u.id).sort(), [p1.user.id, promoted.user.id].sort())
  t.equal(unblocked.total, 2)
})

t.test('PATCH role: the next login token carries the new role', async (t) => {
  const user = await register(app)
  t.equal(claimsOf(user.tokens.accessToken).role, 'PATIENT')
  const res = await patchUser(user.user.id, { role: 'DOCTOR' })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.match(body, { success: true, message: 'User updated', data: { user: { id: user.user.id, username: user.user.username, role: 'DOCTOR', blocked: false } } })
  t.strictSame(Object.keys(body.data.user).sort(), ['blocked', 'createdAt', 'email', 'fullName', 'id', 'role', 'updatedAt', 'username'])
  t.notMatch(res.body, HASH)

  const again = await login(app, user.user.username, user.password)
  t.equal(again.statusCode, 200)
  t.equal(again.json().data.user.role, 'DOCTOR')
  t.equal(claimsOf(again.json().data.tokens.accessToken).role, 'DOCTOR')

  t.equal((await patchUser(user.user.id, { role: 'ADMIN' })).json().data.user.role, 'ADMIN')
  const asAdmin = (await login(app, user.user.username, user.password)).json().data.tokens.accessToken
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
