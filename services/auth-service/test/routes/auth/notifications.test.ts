import { assertError, assertInvalid } from '@rekam/testing'
import { linkToken, startMailServer } from '@rekam/testing/mail'
import t from 'tap'
import { INVITE_LINK_TTL_SECONDS } from '../../../src/services/set-password-links.js'
import { bearer, buildTestApp, login, register, registerAs, type Registered } from '../../helper.js'
import { enrollTotp, freshTotpCode } from '../../mfa.js'

/**
 * Each change a user must hear of makes a notification, in the change's transaction, and mails
 * the notice (real SMTP); the user lists them newest first and marks them read.
 */
const mailServer = await startMailServer(t)
let clock = Date.now()
const app = await buildTestApp(t, { env: { SMTP_URL: mailServer.url }, now: () => clock })

const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'
const CHROME_ANDROID_UPDATED = CHROME_ANDROID.replace('Chrome/126.0.0.0', 'Chrome/131.0.6778.39')
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
const DAY = 86_400_000

/** The next mail to `to` with this subject (registration's verification mail, say, is not it). */
const mailTo = (to: string, subject: string) => mailServer.next((mail) => mail.to.includes(to.toLowerCase()) && mail.subject === subject)
const NEW_DEVICE = 'Login baru ke akun rekam Anda'
const PASSWORD = 'Kata sandi rekam Anda diubah'
const FACTOR_ADDED = 'Faktor kedua ditambahkan ke akun rekam Anda'
const FACTOR_REMOVED = 'Faktor kedua dihapus dari akun rekam Anda'

type Item = { id: string, type: string, details: Record<string, string>, createdAt: string, readAt: string | null }
const list = async (user: Registered, query = '') => {
  const res = await app.inject({ method: 'GET', url: `/api/auth/notifications${query}`, headers: bearer(user.tokens.accessToken) })
  t.equal(res.statusCode, 200, `GET /api/auth/notifications${query}`)
  return res.json().data as { items: Item[], page: number, limit: number, total: number, unread: number }
}
const kinds = async (user: Registered) => (await list(user, '?limit=100')).items.map((item) => ({ type: item.type, details: item.details }))
const markRead = (user: Registered, payload: object) =>
  app.inject({ method: 'POST', url: '/api/auth/notifications/read', headers: bearer(user.tokens.accessToken), payload })
const signInFrom = async (user: Registered, userAgent: string) => {
  const res = await login(app, user.user.username, user.password, { 'user-agent': userAgent })
  t.equal(res.statusCode, 200, 'signed in')
  return res
}

t.test('a sign-in from a device the user has not used in the window is notified; the first session is not', async (t) => {
  const user = await register(app)
  t.strictSame(await kinds(user), [], 'registering opens the first session: nothing to compare with')

  await signInFrom(user, CHROME_ANDROID)
  const mail = await mailTo(user.user.email, NEW_DEVICE)
  t.match(mail.text, 'Perangkat: Chrome · Android')
  t.match(mail.text, 'Alamat IP: 127.0.0.1')
  await signInFrom(user, CHROME_ANDROID_UPDATED)
  await signInFrom(user, 'lightMyRequest')
  t.strictSame(await kinds(user), [{ type: 'NEW_DEVICE_SIGN_IN', details: { ip: '127.0.0.1', device: 'Chrome · Android' } }],
    'a browser update, or the device the account was registered from, is no new device')

  clock += 91 * DAY
  await signInFrom(user, FIREFOX_LINUX)
  clock += 1000
  await signInFrom(user, CHROME_ANDROID)
  t.strictSame((await kinds(user)).map((item) => item.details.device), ['Chrome · Android', 'Firefox · Linux', 'Chrome · Android'],
    'a new device, and one unused for 90 days, newest first')
  for (let i = 0; i < 2; i++) await mailTo(user.user.email, NEW_DEVICE)
})

t.test('password changes, by the user or through a set-password link, are notified', async (t) => {
  const user = await register(app)
  const changed = await app.inject({ method: 'POST', url: '/api/auth/change-password', headers: bearer(user.tokens.accessToken), payload: { currentPassword: user.password, newPassword: 'velvet-harbor-quartz-19' } })
  t.equal(changed.statusCode, 200)
  t.strictSame(await kinds(user), [{ type: 'PASSWORD_CHANGED', details: { ip: '127.0.0.1', device: 'lightMyRequest' } }])
  await t.resolves(mailTo(user.user.email, PASSWORD), 'mailed')

  const { user: staff } = await app.staffAccounts.invite(
    { username: `dr${Date.now().toString(36)}`, email: `dr.${Date.now().toString(36)}@example.test`, fullName: 'dr. Nia', role: 'DOCTOR' },
    { actorUserId: null, via: 'api' }, { ip: null, userAgent: null, requestId: 'test' }, INVITE_LINK_TTL_SECONDS)
  // The invitation goes by mail: its link is the one the owner would open.
  const token = linkToken(await mailServer.next((mail) => mail.to.includes(staff.email)), '/set-password')
  const set = await app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token, password: 'lantern-orbit-mango-42' } })
  t.equal(set.statusCode, 200)
  await t.resolves(mailTo(staff.email, PASSWORD), 'the invited owner is told too')
})

t.test('second factors added and removed, by the user or an admin\'s reset, are notified', async (t) => {
  const user = await register(app)
  clock += 1000
  const enrolled = await enrollTotp(app, { token: user.tokens.accessToken }, clock)
  await t.resolves(mailTo(user.user.email, FACTOR_ADDED), 'mailed')

  clock += 1000
  const reauth = await app.inject({ method: 'POST', url: '/api/auth/reauthenticate', headers: bearer(user.tokens.accessToken), payload: { method: 'totp', code: freshTotpCode(enrolled.secret, clock) } })
  const removed = await app.inject({ method: 'DELETE', url: `/api/auth/mfa/factors/${enrolled.factorId}`, headers: bearer(reauth.json().data.accessToken) })
  t.equal(removed.statusCode, 200)
  const removedMail = await mailTo(user.user.email, FACTOR_REMOVED)
  t.match(removedMail.text, '"Authenticator app"', 'naming the factor')

  clock += 60_000
  const second = await enrollTotp(app, { token: user.tokens.accessToken }, clock)
  t.ok(second.factorId)
  await mailTo(user.user.email, FACTOR_ADDED)
  clock += 1000
  const admin = await registerAs(app, 'ADMIN', clock)
  const reset = await app.inject({ method: 'POST', url: `/api/users/${user.user.id}/mfa-reset`, headers: bearer(admin.tokens.accessToken) })
  t.strictSame(reset.json().data, { removed: 1 })
  await t.resolves(mailTo(user.user.email, FACTOR_REMOVED), 'the reset is mailed')

  const factor = { factor: 'Authenticator app', ip: '127.0.0.1', device: 'lightMyRequest' }
  t.strictSame(await kinds(user), [
    { type: 'MFA_FACTOR_REMOVED', details: {} },
    { type: 'MFA_FACTOR_ADDED', details: factor },
    { type: 'MFA_FACTOR_REMOVED', details: factor },
    { type: 'MFA_FACTOR_ADDED', details: factor },
  ], 'an admin\'s reset names no device: it was not the user\'s')
})

t.test('a block is notified by mail (the user cannot sign in to read it); unblocking is not', async (t) => {
  const admin = await registerAs(app, 'ADMIN', clock)
  const user = await register(app)
  const patch = (blocked: boolean) => app.inject({ method: 'PATCH', url: `/api/users/${user.user.id}`, headers: bearer(admin.tokens.accessToken), payload: { blocked } })
  t.equal((await patch(true)).statusCode, 200)
  await t.resolves(mailTo(user.user.email, 'Akun rekam Anda diblokir'), 'mailed')
  t.equal((await patch(true)).statusCode, 200, 'blocking again')
  t.equal((await patch(false)).statusCode, 200)
  const again = (await login(app, user.user.username, user.password)).json().data
  const listed = await list({ ...user, tokens: again.tokens })
  t.strictSame(listed.items.map((item) => ({ type: item.type, details: item.details })), [{ type: 'ACCOUNT_BLOCKED', details: {} }], 'once')
})

t.test('the list is paged newest first with the unread count; read marks some or all', async (t) => {
  const user = await register(app)
  const other = await register(app)
  for (let i = 0; i < 3; i++) {
    clock += 1000
    await app.inject({ method: 'POST', url: '/api/auth/change-password', headers: bearer(user.tokens.accessToken), payload: { currentPassword: i === 0 ? user.password : `velvet-harbor-quartz-${i - 1}`, newPassword: `velvet-harbor-quartz-${i}` } })
  }
  const page1 = await list(user, '?limit=2')
  t.strictSame({ page: page1.page, limit: page1.limit, total: page1.total, unread: page1.unread, count: page1.items.length }, { page: 1, limit: 2, total: 3, unread: 3, count: 2 })
  const page2 = await list(user, '?limit=2&page=2')
  const all = [...page1.items, ...page2.items]
  t.strictSame(all.map((item) => item.createdAt), all.map((item) => item.createdAt).sort().reverse(), 'newest first')
  t.strictSame(all.map((item) => item.readAt), [null, null, null])

  const foreign = (await markRead(other, { ids: [all[0]!.id] })).json()
  t.strictSame(foreign, { success: true, data: { unread: 0 } }, 'another user\'s ids change nothing')
  t.strictSame((await markRead(user, { ids: [all[0]!.id] })).json(), { success: true, data: { unread: 2 } })
  const after = await list(user)
  t.equal(after.items[0]!.readAt, new Date(clock).toISOString(), 'read at the app\'s time')
  t.strictSame((await markRead(user, {})).json(), { success: true, data: { unread: 0 } }, 'all of them')
  t.strictSame((await list(user)).items.map((item) => item.readAt === null), [false, false, false])

  assertInvalid(t, await markRead(user, { ids: ['not-a-uuid'] }), 'body.ids.0', 'must match format "uuid"')
  assertError(t, await app.inject({ method: 'GET', url: '/api/auth/notifications' }), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  for (let i = 0; i < 3; i++) await mailTo(user.user.email, PASSWORD)
})
