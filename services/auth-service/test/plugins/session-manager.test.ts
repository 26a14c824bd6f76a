import fastifyEnv from '@fastify/env'
import { loadConfig } from '@rekam/server-kit'
import { createTestDatabase } from '@rekam/testing'
import { eq } from 'drizzle-orm'
import Fastify from 'fastify'
import t from 'tap'
import { checkConfig, ConfigSchema } from '../../src/config.js'
import { refreshTokens, securityEvents, sessions, type UserRow } from '../../src/db/schema.js'
import { hashRefreshToken } from '../../src/lib/refresh-token.js'
import accessTokens from '../../src/plugins/app/access-tokens.js'
import db from '../../src/plugins/app/db.js'
import mail from '../../src/plugins/app/mail.js'
import mailOutboxRepository from '../../src/plugins/app/mail-outbox-repository.js'
import notifications from '../../src/plugins/app/notifications.js'
import notificationsRepository from '../../src/plugins/app/notifications-repository.js'
import revocationsRepository from '../../src/plugins/app/revocations-repository.js'
import securityEventsRepository from '../../src/plugins/app/security-events-repository.js'
import sessionLimits from '../../src/plugins/app/session-limits.js'
import sessionManager from '../../src/plugins/app/session-manager.js'
import sessionsRepository from '../../src/plugins/app/sessions-repository.js'
import signingKeys from '../../src/plugins/app/signing-keys.js'
import usersRepository from '../../src/plugins/app/users-repository.js'
import type { Tokens } from '../../src/schemas/auth.js'
import { testEnv, uniqueUser } from '../helper.js'

// The session manager and the plugins it needs, on a bare Fastify with its own database. Time is
// a variable the tests move, so the grace interval is crossed without waiting for it.
const GRACE_SECONDS = 10
const REFRESH_TTL = 3600
const SESSION_MAX = 7200
const database = await createTestDatabase(t)
const env = testEnv(database, { REFRESH_GRACE_SECONDS: String(GRACE_SECONDS), REFRESH_TOKEN_TTL: String(REFRESH_TTL), SESSION_MAX_LIFETIME: String(SESSION_MAX) })
const config = loadConfig(ConfigSchema, env, checkConfig)
let clock = Date.now()

const app = Fastify()
t.teardown(() => app.close())
await app.register(fastifyEnv, { schema: ConfigSchema, data: config, env: false, dotenv: false })
// Notifications (a sign-in from a new device) without mail: the rows only.
for (const plugin of [db, signingKeys, usersRepository, sessionsRepository, securityEventsRepository, revocationsRepository, accessTokens, mailOutboxRepository, mail, notificationsRepository, notifications]) {
  await app.register(plugin)
}
await app.register(sessionLimits, { now: () => clock })
await app.register(sessionManager)
await app.ready()

const meta = { userAgent: 'layer-test', ip: '192.0.2.1', requestId: 'req-layer' }

async function newUser (): Promise<UserRow> {
  const { username, email } = uniqueUser('layer')
  return app.usersRepository.create({ username, email, passwordHash: 'unused', fullName: null })
}

const sessionIdOf = (tokens: Tokens): string =>
  JSON.parse(Buffer.from(tokens.accessToken.split('.')[1]!, 'base64url').toString('utf8')).sid

async function eventsOf (userId: string) {
  const rows = await app.db.select({ type: securityEvents.type, sessionId: securityEvents.sessionId, reason: securityEvents.reason })
    .from(securityEvents).where(eq(securityEvents.userId, userId))
  // Events of one transaction share their time: sorted by type, not by time.
  return rows.sort((a, b) => `${a.type} ${a.sessionId}`.localeCompare(`${b.type} ${b.sessionId}`))
}

async function tokenRowsOf (sessionId: string) {
  const rows = await app.db.select().from(refreshTokens).where(eq(refreshTokens.sessionId, sessionId))
  return rows
    .map((row) => ({ tokenHash: row.tokenHash, expiresAt: row.expiresAt, rotatedAt: row.rotatedAt, sealedSuccessor: row.successor !== null }))
    .sort((a, b) => Number(a.rotatedAt === null) - Number(b.rotatedAt === null))
}

t.test('start opens a session with a first pair, and records the sign-in', async (t) => {
  const user = await newUser()
  const tokens = await app.sessionManager.start(user, meta)
  const sid = sessionIdOf(tokens)
  t.strictSame({ tokenType: tokens.tokenType, expiresIn: tokens.expiresIn, refreshExpiresIn: tokens.refreshExpiresIn }, {
    tokenType: 'Bearer',
    expiresIn: config.ACCESS_TOKEN_TTL,
    refreshExpiresIn: REFRESH_TTL,
  })
  const [session] = await app.db.select().from(sessions).where(eq(sessions.userId, user.id))
  t.strictSame(
    { id: session!.id, expiresAt: session!.expiresAt, revokedAt: session!.revokedAt, userAgent: session!.userAgent, ip: session!.ip },
    { id: sid, expiresAt: new Date(clock + SESSION_MAX * 1000), revokedAt: null, userAgent: 'layer-test', ip: '192.0.2.1' },
  )
  t.strictSame(await tokenRowsOf(sid), [
    { tokenHash: hashRefreshToken(tokens.refreshToken), expiresAt: new Date(clock + REFRESH_TTL * 1000), rotatedAt: null, sealedSuccessor: false },
  ], 'only the refresh token\'s hash is stored')
  t.strictSame(await eventsOf(user.id), [{ type: 'LOGIN_SUCCEEDED', sessionId: sid, reason: 'password' }])
})

t.test('refresh rotates; a replay within the grace interval gets the same pair; reuse after it revokes the session', async (t) => {
  const user = await newUser()
  const first = await app.sessionManager.start(user, meta)
  const sid = sessionIdOf(first)

  clock += 1000
  const rotatedAt = new Date(clock)
  const second = await app.sessionManager.refresh(first.refreshToken, meta)
  t.not(second.refreshToken, first.refreshToken, 'a new refresh token')
  t.equal(sessionIdOf(second), sid, 'for the same session')
  t.strictSame(await tokenRowsOf(sid), [
    { tokenHash: hashRefreshToken(first.refreshToken), expiresAt: new Date(clock - 1000 + REFRESH_TTL * 1000), rotatedAt, sealedSuccessor: true },
    { tokenHash: hashRefreshToken(second.refreshToken), expiresAt: new Date(clock + REFRESH_TTL * 1000), rotatedAt: null, sealedSuccessor: false },
  ], 'the old token is marked rotated at the exchange, with its successor sealed beside it')
  const [session] = await app.db.select({ lastUsedAt: sessions.lastUsedAt }).from(sessions).where(eq(sessions.id, sid))
  t.strictSame(session, { lastUsedAt: rotatedAt }, 'the session is marked used')

  clock += (GRACE_SECONDS - 1) * 1000
  t.strictSame(await app.sessionManager.refresh(first.refreshToken, meta), second, 'a replay inside the grace interval: the very same pair')

  clock += 2000
  await t.rejects(app.sessionManager.refresh(first.refreshToken, meta), { statusCode: 401, code: 'REFRESH_TOKEN_INVALID' }, 'past the grace interval the old token is refused')
  const [revoked] = await app.db.select({ revokedReason: sessions.revokedReason }).from(sessions).where(eq(sessions.id, sid))
  t.strictSame(revoked, { revokedReason: 'refresh_reuse' }, 'and its session revoked')
  t.strictSame(await eventsOf(user.id), [
    { type: 'LOGIN_SUCCEEDED', sessionId: sid, reason: 'password' },
    { type: 'REFRESH_REUSE_DETECTED', sessionId: sid, reason: null },
    { type: 'SESSION_REVOKED', sessionId: sid, reason: 'refresh_reuse' },
  ])
  const feed = await app.revocationsRepository.feed(0n)
  t.ok(feed.items.some((entry) => entry.kind === 'SESSION' && entry.subject === sid), 'the session is on the revocation feed')
  await t.rejects(app.sessionManager.refresh(second.refreshToken, meta), { code: 'REFRESH_TOKEN_INVALID' }, 'the successor dies with its session')
})

t.test('endSessions ends every live session of the user but the one kept', async (t) => {
  const user = await newUser()
  const other = await newUser()
  const [kept, a, b] = await Promise.all([1, 2, 3].map(() => app.sessionManager.start(user, meta)))
  const untouched = await app.sessionManager.start(other, meta)
  const [keptId, aId, bId] = [kept!, a!, b!].map(sessionIdOf)

  t.equal(await app.sessionManager.endSessions(user.id, 'password_changed', meta, { except: keptId }), 2, 'two sessions ended')
  t.strictSame((await app.sessionsRepository.listActive(user.id)).map((s) => s.id), [keptId])
  t.strictSame((await app.sessionsRepository.listActive(other.id)).map((s) => s.id), [sessionIdOf(untouched)], 'another user\'s session is left alone')
  const ended = (await eventsOf(user.id)).filter((event) => event.type === 'SESSION_REVOKED')
  t.strictSame(ended, [aId, bId].sort().map((sessionId) => ({ type: 'SESSION_REVOKED', sessionId, reason: 'password_changed' })))
  await t.rejects(app.sessionManager.refresh(a!.refreshToken, meta), { code: 'REFRESH_TOKEN_INVALID' }, 'an ended session\'s token is refused')
  t.equal(sessionIdOf(await app.sessionManager.refresh(kept!.refreshToken, meta)), keptId, 'the kept one still refreshes')

  t.equal(await app.sessionManager.endSessions(user.id, 'logout_all', meta), 1, 'then the last one')
  t.strictSame(await app.sessionsRepository.listActive(user.id), [])
})
