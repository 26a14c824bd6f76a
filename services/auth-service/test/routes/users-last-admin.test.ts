import t from 'tap'
import { bearer, buildTestApp, register, registerAs } from '../helper.js'

// Its own database: these tests count every active admin there is.
const app = await buildTestApp(t)

const patchUser = (id: string, payload: object, token: string) =>
  app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: bearer(token), payload })
const envelope = (res: { headers: Record<string, unknown> }, status: number, code: string, message: string) =>
  ({ status, body: { success: false, error: { code, message, requestId: String(res.headers['x-request-id']) } } })
const answer = (res: { statusCode: number, json (): unknown }) => ({ status: res.statusCode, body: res.json() })
const activeAdmins = () => app.usersRepository.countActiveAdmins()

t.test('the only admin cannot block or demote itself by writing its id in upper case', async (t) => {
  const admin = await registerAs(app, 'ADMIN')
  t.equal(await activeAdmins(), 1)
  for (const [id, payload] of [
    [admin.user.id.toUpperCase(), { blocked: true }],
    [admin.user.id.toUpperCase(), { role: 'PATIENT' }],
    [`${admin.user.id.slice(0, 9)}${admin.user.id.slice(9).toUpperCase()}`, { role: 'DOCTOR' }],
  ] as const) {
    const res = await patchUser(id, payload, admin.tokens.accessToken)
    t.strictSame(answer(res), envelope(res, 403, 'FORBIDDEN', 'Administrators cannot change their own role or block themselves'), `${id} ${JSON.stringify(payload)}`)
  }
  t.equal(await activeAdmins(), 1, 'the admin is still active')
  const row = await app.usersRepository.findById(admin.user.id)
  t.strictSame({ role: row?.role, blocked: row?.blocked }, { role: 'ADMIN', blocked: false })
})

t.test('an id in upper case names the same user as in lower case', async (t) => {
  const admin = await registerAs(app, 'ADMIN')
  const patient = await register(app)
  const res = await patchUser(patient.user.id.toUpperCase(), { blocked: true }, admin.tokens.accessToken)
  t.equal(res.statusCode, 200)
  t.equal(res.json().data.user.id, patient.user.id, 'the answer names the canonical id')
})

t.test('two admins blocking each other at once leave one active admin', async (t) => {
  // Start from exactly two active admins.
  const a = await registerAs(app, 'ADMIN')
  const b = await registerAs(app, 'ADMIN')
  for (const row of (await app.usersRepository.list({ page: 1, limit: 100, role: 'ADMIN', blocked: false })).rows) {
    if (row.id !== a.user.id && row.id !== b.user.id) await app.usersRepository.update(row.id, { blocked: true })
  }
  t.equal(await activeAdmins(), 2)

  const [ab, ba] = await Promise.all([
    patchUser(b.user.id, { blocked: true }, a.tokens.accessToken),
    patchUser(a.user.id, { blocked: true }, b.tokens.accessToken),
  ])
  const statuses = [ab.statusCode, ba.statusCode].sort()
  t.equal(statuses.filter((s) => s === 200).length, 1, `exactly one block went through (${statuses.join(', ')})`)
  const refused = ab.statusCode === 200 ? ba : ab
  if (refused.statusCode === 409) {
    t.strictSame(answer(refused), envelope(refused, 409, 'CONFLICT', 'This change would leave no active administrator; promote or unblock another one first'))
  } else {
    // The other admin's block may land before the second request is authenticated.
    t.equal(refused.statusCode, 401, 'or the blocked admin\'s token no longer works')
  }
  t.equal(await activeAdmins(), 1, 'one admin is still active')
})
