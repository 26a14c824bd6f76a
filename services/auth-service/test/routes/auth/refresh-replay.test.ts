import { assertError, createTestDatabase } from '@rekam/testing'
import { eq, sql } from 'drizzle-orm'
import t from 'tap'
import { refreshTokens, sessions } from '../../../src/db/schema.js'
import { hashRefreshToken } from '../../../src/lib/refresh-token.js'
import { buildAppOn, register } from '../../helper.js'
import { INVALID, me, refresh, sessionIdOf } from './refresh-requests.js'

// A rotated refresh token used again: within the grace interval, after it, and concurrently.
// One database for the file; apps with other settings share it (every user is unique).
const database = await createTestDatabase(t)
const app = await buildAppOn(t, database)

t.test('within the grace interval a replay of the rotated token gets the same successor pair', async (t) => {
  const { tokens } = await register(app)
  const first = await refresh(app, tokens.refreshToken)
  t.equal(first.statusCode, 200)
  const replay = await refresh(app, tokens.refreshToken)
  t.equal(replay.statusCode, 200, 'a second tab refreshing a moment later is not punished')
  t.strictSame(replay.json(), first.json(), 'the very same pair')
  t.equal(replay.json().data.tokens.refreshToken, first.json().data.tokens.refreshToken)

  const successor = first.json().data.tokens
  t.equal((await me(app, successor.accessToken)).statusCode, 200, 'session still live')
  t.equal((await refresh(app, successor.refreshToken)).statusCode, 200, 'the successor still works')
})

t.test('the successor is kept only sealed, and erased once the grace interval has passed', async (t) => {
  const { tokens } = await register(app)
  const successor = (await refresh(app, tokens.refreshToken)).json().data.tokens
  const rotatedRow = () => app.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashRefreshToken(tokens.refreshToken)))
  const [kept] = await rotatedRow()
  t.ok(kept?.successor, 'kept for the grace interval')
  t.notMatch(kept!.successor!, successor.refreshToken, 'sealed, not in clear')
  t.notMatch(kept!.successor!, successor.accessToken.split('.')[1], 'nor the access token')

  await app.sessionsRepository.purge(10)
  t.ok((await rotatedRow())[0]?.successor, 'the purge leaves it while the grace interval lasts')
  await app.db.update(refreshTokens).set({ rotatedAt: sql`now() - interval '11 seconds'` }).where(eq(refreshTokens.tokenHash, hashRefreshToken(tokens.refreshToken)))
  await app.sessionsRepository.purge(10)
  t.equal((await rotatedRow())[0]?.successor, null, 'erased afterwards')
})

t.test('after the grace interval a replay is reuse: 401 and the whole session is revoked', async (t) => {
  const { tokens } = await register(app)
  const successor = (await refresh(app, tokens.refreshToken)).json().data.tokens
  // Make the grace interval (10 s) pass without waiting for it.
  await app.db.update(refreshTokens)
    .set({ rotatedAt: sql`now() - interval '11 seconds'` })
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(tokens.refreshToken)))

  assertError(t, await refresh(app, tokens.refreshToken), 401, 'REFRESH_TOKEN_INVALID', INVALID)
  assertError(t, await refresh(app, successor.refreshToken), 401, 'REFRESH_TOKEN_INVALID', INVALID)
  assertError(t, await me(app, successor.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  const [session] = await app.db.select().from(sessions).where(eq(sessions.id, sessionIdOf(successor.accessToken)))
  t.equal(session?.revokedReason, 'refresh_reuse')
})

t.test('with REFRESH_GRACE_SECONDS=0 any replay revokes the session', async (t) => {
  const strict = await buildAppOn(t, database, { REFRESH_GRACE_SECONDS: '0' })
  const other = await register(strict)
  const { tokens } = await register(strict)
  const first = await refresh(strict, tokens.refreshToken)
  t.equal(first.statusCode, 200)
  const successor = first.json().data.tokens
  const [spent] = await strict.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashRefreshToken(tokens.refreshToken)))
  t.equal(spent?.successor, null, 'no successor kept when there is no grace interval')
  t.ok(spent?.rotatedAt, 'marked rotated')

  const replay = await refresh(strict, tokens.refreshToken)
  assertError(t, replay, 401, 'REFRESH_TOKEN_INVALID', INVALID)
  t.strictSame(Object.keys(replay.json().error).sort(), ['code', 'message', 'requestId'])

  assertError(t, await refresh(strict, successor.refreshToken), 401, 'REFRESH_TOKEN_INVALID', INVALID)
  assertError(t, await me(strict, successor.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  assertError(t, await me(strict, tokens.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')

  t.equal((await me(strict, other.tokens.accessToken)).statusCode, 200, "another user's session is untouched")
  t.equal((await refresh(strict, other.tokens.refreshToken)).statusCode, 200)
})

t.test('two concurrent refreshes of one token both succeed with the same successor', async (t) => {
  const { tokens } = await register(app)
  const [a, b] = await Promise.all([refresh(app, tokens.refreshToken), refresh(app, tokens.refreshToken)])
  t.equal(a.statusCode, 200)
  t.equal(b.statusCode, 200)
  t.strictSame(a.json(), b.json(), 'both tabs end up with one pair')

  const sid = sessionIdOf(tokens.accessToken)
  const rows = await app.db.select().from(refreshTokens).where(eq(refreshTokens.sessionId, sid))
  t.equal(rows.length, 2, 'one rotation happened, not two')
  const [session] = await app.db.select().from(sessions).where(eq(sessions.id, sid))
  t.equal(session?.revokedAt, null, 'the session is not revoked')

  const successor = a.json().data.tokens
  t.equal((await me(app, successor.accessToken)).statusCode, 200)
  t.equal((await refresh(app, successor.refreshToken)).statusCode, 200)
})

t.test('a rotation writes only while the token is unrotated and its session live', async (t) => {
  const { tokens } = await register(app)
  const sid = sessionIdOf(tokens.accessToken)
  const [old] = await app.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashRefreshToken(tokens.refreshToken)))
  const next = (n: number) => ({ tokenHash: hashRefreshToken(`successor-${n}-${sid}`), expiresAt: new Date(Date.now() + 60_000) })
  const count = async () => (await app.db.select().from(refreshTokens).where(eq(refreshTokens.sessionId, sid))).length

  // Two exchanges that both read the token unrotated (no lock held): only the first one writes.
  t.equal(await app.sessionsRepository.rotate(old!.id, next(1), null), true)
  t.equal(await app.sessionsRepository.rotate(old!.id, next(2), null), false, 'the second finds it rotated')
  t.equal(await count(), 2, 'one successor stored')

  const [current] = await app.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, next(1).tokenHash))
  await app.sessionsRepository.revoke(sid, 'logout')
  t.equal(await app.sessionsRepository.rotate(current!.id, next(3), null), false, 'an ended session gets no new token')
  const [after] = await app.db.select().from(refreshTokens).where(eq(refreshTokens.id, current!.id))
  t.equal(after!.rotatedAt, null, 'and its token is left as it was')
  t.equal(await count(), 2)
})

t.test('many concurrent refreshes of one token converge on one successor', async (t) => {
  const { tokens } = await register(app)
  const answers = await Promise.all(Array.from({ length: 6 }, () => refresh(app, tokens.refreshToken)))
  t.strictSame(answers.map((res) => res.statusCode), [200, 200, 200, 200, 200, 200])
  t.equal(new Set(answers.map((res) => res.json().data.tokens.refreshToken)).size, 1, 'every caller got the same pair')
  const rows = await app.db.select().from(refreshTokens).where(eq(refreshTokens.sessionId, sessionIdOf(tokens.accessToken)))
  t.equal(rows.length, 2, 'one rotation happened')
})
