import t from 'tap'
import { createStaffAccounts } from '../../src/services/staff-accounts.js'
import { buildTestApp, login, uniqueUser } from '../helper.js'

/**
 * The service on the app's repositories, with its clock moved by the test instead of waited for,
 * delivering as admin:create does: the link handed back (the operator's terminal).
 */
const app = await buildTestApp(t)
let clock = Date.now()
const staff = createStaffAccounts({
  db: app.db,
  passwords: app.passwords,
  users: app.usersRepository,
  events: app.securityEventsRepository,
  tokens: app.setPasswordTokensRepository,
  emailTokens: app.emailTokens,
  publicUrl: 'https://clinic.example/portal/',
  now: () => clock,
})
const meta = { ip: null, userAgent: 'test', requestId: 'test' }
const HOUR = 3600_000
const STRONG = 'velvet-harbor-quartz-19'

async function invited (ttlHours: number) {
  const { username, email, fullName } = uniqueUser('inv')
  const { user, link } = await staff.invite({ username, email, fullName, role: 'DOCTOR' }, { actorUserId: null, via: 'admin:create' }, meta, ttlHours * 3600)
  return { user, link: link!, token: new URL(link!.url).hash.slice('#token='.length) }
}

t.test('the link starts with PUBLIC_URL (one slash) and carries the token in its fragment', async (t) => {
  const { link } = await invited(72)
  t.match(link.url, /^https:\/\/clinic\.example\/portal\/set-password#token=[A-Za-z0-9_-]{43}$/)
  t.equal(link.expiresAt.getTime(), clock + 72 * HOUR)
})

t.test('a link works until it expires, and not a moment after', async (t) => {
  const start = clock
  const early = await invited(72)
  const late = await invited(72)
  clock = start + 72 * HOUR - 1000
  const user = await staff.setPassword(early.token, STRONG, meta)
  t.equal(user.id, early.user.id, 'a second before the end it works')
  t.equal((await login(app, early.user.username, STRONG)).statusCode, 200)
  clock = start + 72 * HOUR
  await t.rejects(staff.setPassword(late.token, STRONG, meta), { statusCode: 400, code: 'SET_PASSWORD_TOKEN_INVALID' }, 'at the end it is refused')
  t.equal((await login(app, late.user.username, STRONG)).statusCode, 401, 'and the account still has no password')
  clock = Date.now()
})

t.test('a weak password does not use the link up', async (t) => {
  const { token, user } = await invited(1)
  await t.rejects(staff.setPassword(token, 'password', meta), { statusCode: 400, code: 'VALIDATION_ERROR' })
  t.equal((await staff.setPassword(token, STRONG, meta)).id, user.id)
  await t.rejects(staff.setPassword(token, STRONG, meta), { code: 'SET_PASSWORD_TOKEN_INVALID' }, 'then it is used')
})

t.test('createWithPassword checks the policy with the account\'s own names', async (t) => {
  const account = { ...uniqueUser('own'), role: 'ADMIN' as const }
  const { username, email, fullName } = account
  await t.rejects(staff.createWithPassword({ username, email, fullName, role: 'ADMIN' }, `${username}123`, { actorUserId: null, via: 'admin:create' }, meta), { code: 'VALIDATION_ERROR' })
  const user = await staff.createWithPassword({ username, email, fullName, role: 'ADMIN' }, STRONG, { actorUserId: null, via: 'admin:create' }, meta)
  t.equal(user.role, 'ADMIN')
  t.equal((await login(app, username, STRONG)).statusCode, 200)
})
