/**
 * The per-account limit of password reset links (PASSWORD_RESETS_PER_ACCOUNT), beside the
 * per-address one: counted on the account's id, in PostgreSQL and in Redis alike, so a change of
 * address starts no new count; past it a request answers exactly as for an address without an
 * account, and nothing is mailed.
 */
import { and, eq, sql } from 'drizzle-orm'
import { createTestDatabase } from '@rekam/testing'
import { linkToken, startMailServer } from '@rekam/testing/mail'
import t from 'tap'
import { securityEvents } from '../../src/db/schema.js'
import { REDIS_URL, testRedis } from '../redis.js'
import { bearer, buildAppOn, register } from '../helper.js'

const PER_ACCOUNT = 2
const REQUESTED = { success: true, data: null, message: 'If an account has this address, a link to reset its password is on its way; it works once, for 30 minutes' }

const mailServer = await startMailServer(t)
const database = await createTestDatabase(t)
const { redis: inspector, prefix } = await testRedis(t)

for (const store of ['postgres', 'redis'] as const) {
  t.test(`${store}: a change of address starts no new count; past the limit the answer is an unknown address's`, async (t) => {
    const app = await buildAppOn(t, database, {
      SMTP_URL: mailServer.url,
      PASSWORD_RESETS_PER_ACCOUNT: String(PER_ACCOUNT),
      MAIL_REQUESTS_PER_ADDRESS: '10',
      ...(store === 'redis' ? { REDIS_URL, REDIS_KEY_PREFIX: prefix } : {}),
    })
    const requestReset = async (email: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } })
      return { status: res.statusCode, body: res.json() }
    }
    const resetMailsTo = async (email: string) => {
      await app.afterAnswer.settled()
      await app.mailSender.idle()
      return mailServer.mails.filter((mail) => mail.to.includes(email) && mail.text.includes('/reset-password#token=')).length
    }

    const user = await register(app)
    for (let i = 0; i < PER_ACCOUNT; i++) t.strictSame(await requestReset(user.user.email), { status: 202, body: REQUESTED })
    t.equal(await resetMailsTo(user.user.email), PER_ACCOUNT, `${PER_ACCOUNT} links mailed`)

    const moved = `moved.${user.user.username}@example.test`
    const change = await app.inject({ method: 'PUT', url: '/api/auth/profile', headers: bearer(user.tokens.accessToken), payload: { email: moved, currentPassword: user.password } })
    t.equal(change.statusCode, 202)
    const token = linkToken(await mailServer.next((mail) => mail.to.includes(moved) && mail.text.includes('/confirm-email#token=')), '/confirm-email')
    t.equal((await app.inject({ method: 'POST', url: '/api/auth/email/confirm', payload: { token } })).statusCode, 200, 'the account has a new address')

    const known = await requestReset(moved)
    const unknown = await requestReset(`nobody.${user.user.username}@example.test`)
    t.strictSame([known, unknown], [{ status: 202, body: REQUESTED }, { status: 202, body: REQUESTED }], 'the same answer as for an address without an account')
    t.equal(await resetMailsTo(moved), 0, 'and no link for the new address: the account had its links this hour')
    const requested = await app.db.select({ id: securityEvents.id }).from(securityEvents)
      .where(and(eq(securityEvents.userId, user.user.id), eq(securityEvents.type, 'PASSWORD_RESET_REQUESTED')))
    t.equal(requested.length, PER_ACCOUNT, 'only the links sent are recorded')

    const key = `reset-account:${user.user.id}`
    if (store === 'redis') {
      t.equal(await inspector.get(`${prefix}${key}`), String(PER_ACCOUNT + 1), 'the account\'s count is in Redis, the refusal included')
      const ttl = await inspector.pttl(`${prefix}${key}`)
      t.ok(ttl > 3_500_000 && ttl <= 3_600_000, 'for the hour')
    } else {
      const rows = await app.db.execute(sql`select count from rate_limits where key = ${key}`) as unknown as Array<{ count: number }>
      t.strictSame(rows.map((row) => row.count), [PER_ACCOUNT + 1], 'the account\'s count is in PostgreSQL, the refusal included')
    }
  })
}
