import { assertError } from '@rekam/testing'
import t from 'tap'
import { CLEARED, cookieRefresh, fromPortal, refreshCookieOf, setCookiesOf } from '../../cookies.js'
import { bearer, login, register, uniqueUser } from '../../helper.js'
import { INVALID, refresh, sessionIdOf } from './refresh-requests.js'
import { appWithClock, endOf, expiredEvents, HOUR, MINUTE, promotedToDoctor } from './session-clock.js'

// Staff sessions (MFA_REQUIRED_ROLES, default DOCTOR,ADMIN) end after 30 minutes unused and 12
// hours after sign-in; the clock is moved, never waited for. GET /api/auth/session: current-session.test.ts.
const { app, clock } = await appWithClock(t)

t.test('staff idle limit: a refresh 29 minutes after the last use rotates, 31 minutes after it ends the session', async (t) => {
  const { user, tokens } = await promotedToDoctor(app)
  const sid = sessionIdOf(tokens.accessToken)

  clock.at += 29 * MINUTE
  const fresh = await refresh(app, tokens.refreshToken)
  t.equal(fresh.statusCode, 200)
  t.equal(fresh.json().data.tokens.refreshExpiresIn, 1800, 'a staff refresh token lives as long as the idle limit')

  clock.at += 31 * MINUTE
  const late = await refresh(app, fresh.json().data.tokens.refreshToken)
  assertError(t, late, 401, 'REFRESH_TOKEN_INVALID', INVALID)
  t.strictSame(await expiredEvents(app, user.id), [{ sessionId: sid, reason: 'idle_timeout' }], 'one SESSION_EXPIRED event naming the limit')
  t.equal(await endOf(app, sid), 'idle_timeout', 'the session is ended')

  const again = await refresh(app, fresh.json().data.tokens.refreshToken)
  assertError(t, again, 401, 'REFRESH_TOKEN_INVALID', INVALID)
  t.equal((await expiredEvents(app, user.id)).length, 1, 'an ended session expires once')
})

t.test('the idle limit holds for a rotated token too (the locked path): the session expires, no reuse is reported', async (t) => {
  const { user, tokens } = await promotedToDoctor(app)
  const sid = sessionIdOf(tokens.accessToken)
  clock.at += 10 * MINUTE
  t.equal((await refresh(app, tokens.refreshToken)).statusCode, 200)

  clock.at += 31 * MINUTE
  assertError(t, await refresh(app, tokens.refreshToken), 401, 'REFRESH_TOKEN_INVALID', INVALID)
  t.strictSame(await expiredEvents(app, user.id), [{ sessionId: sid, reason: 'idle_timeout' }])
  t.equal(await endOf(app, sid), 'idle_timeout', 'ended as expired, not as a reuse')
})

t.test('a cookie refresh past the idle limit is refused, clears the cookie and ends the session', async (t) => {
  const registered = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...uniqueUser(), tokenDelivery: 'cookie' } })
  const { user, tokens } = registered.json().data
  await app.usersRepository.update(user.id, { role: 'DOCTOR' })

  clock.at += 31 * MINUTE
  const res = await cookieRefresh(app, fromPortal(refreshCookieOf(registered)))
  assertError(t, res, 401, 'REFRESH_TOKEN_INVALID', INVALID)
  t.strictSame(setCookiesOf(res), CLEARED)
  t.strictSame(await expiredEvents(app, user.id), [{ sessionId: sessionIdOf(tokens.accessToken), reason: 'idle_timeout' }])
})

t.test('staff absolute limit: refreshed every 20 minutes, the session still ends 12 hours after sign-in', async (t) => {
  const { user, tokens } = await promotedToDoctor(app)
  const sid = sessionIdOf(tokens.accessToken)
  const signIn = clock.at
  let refreshToken = tokens.refreshToken
  let refreshed = 0
  for (;;) {
    clock.at += 20 * MINUTE
    const res = await refresh(app, refreshToken)
    if (res.statusCode !== 200) {
      assertError(t, res, 401, 'REFRESH_TOKEN_INVALID', INVALID)
      break
    }
    refreshToken = res.json().data.tokens.refreshToken
    refreshed++
  }
  t.equal(refreshed, 35, 'every refresh before the 12th hour rotated')
  t.equal(clock.at - signIn, 12 * HOUR, 'the first refused one came at 12 hours')
  t.strictSame(await expiredEvents(app, user.id), [{ sessionId: sid, reason: 'absolute_lifetime' }])
  t.equal(await endOf(app, sid), 'absolute_lifetime')
})

t.test('a patient is unaffected: 31 minutes unused, the refresh rotates', async (t) => {
  const { user, tokens } = await register(app)
  clock.at += 31 * MINUTE
  const res = await refresh(app, tokens.refreshToken)
  t.equal(res.statusCode, 200)
  t.equal(res.json().data.tokens.refreshExpiresIn, 604_800, 'REFRESH_TOKEN_TTL stays the patients\' idle limit')
  t.strictSame(await expiredEvents(app, user.id), [])
})

t.test('a session past its limit drops out of GET /api/auth/sessions before anything ends it', async (t) => {
  const signIn = clock.at
  const { user, tokens, password } = await register(app)
  // A second session of the same user, opened while still a patient.
  const other = (await login(app, user.username, password)).json().data.tokens
  await app.usersRepository.update(user.id, { role: 'DOCTOR' })

  clock.at += 20 * MINUTE
  const kept = (await refresh(app, other.refreshToken)).json().data.tokens
  clock.at += 15 * MINUTE
  const res = await app.inject({ method: 'GET', url: '/api/auth/sessions', headers: bearer(kept.accessToken) })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json().data.items.map((item: { id: string, expiresAt: string }) => [item.id, item.expiresAt]),
    [[sessionIdOf(kept.accessToken), new Date(signIn + 12 * HOUR).toISOString()]],
    'the session unused for 35 minutes is gone; the one used 15 minutes ago stays, ending 12 hours after sign-in')
  t.equal(await endOf(app, sessionIdOf(tokens.accessToken)), null, 'though only its next refresh ends it')
})
