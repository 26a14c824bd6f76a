import t from 'tap'
import { assertInvalid } from '@rekam/testing'
import { register, registerAs, uniqueUser } from '../helper.js'
import { HASH, tag, userAdminFixture, type UserItem } from './user-admin.js'

// GET /api/users: paging, search and filters. Access and PATCH: users.test.ts.
const { app, admin, doctor, listUsers, patchUser } = await userAdminFixture(t)

t.test('GET /api/users pages', async (t) => {
  const prefix = tag()
  const made = []
  for (let i = 0; i < 25; i++) made.push(await register(app, { ...uniqueUser(prefix), fullName: `Paged ${i}` }))

  const first = await listUsers(`?search=${prefix}`)
  t.equal(first.statusCode, 200)
  const page1 = first.json()
  t.match(page1, { success: true, data: { page: 1, limit: 20, total: 25 } })
  t.equal(page1.data.items.length, 20, 'limit defaults to 20')
  t.strictSame(Object.keys(page1.data.items[0]).sort(), ['blocked', 'createdAt', 'email', 'emailVerified', 'fullName', 'id', 'locale', 'role', 'updatedAt', 'username'])
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
