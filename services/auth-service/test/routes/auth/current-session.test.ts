import { assertError } from '@rekam/testing'
import t from 'tap'
import { register, uniqueUser } from '../../helper.js'
import { INVALID, refresh, sessionIdOf } from './refresh-requests.js'
import { appWithClock, currentSession, HOUR, MINUTE, sessionRow } from './session-clock.js'

// GET /api/auth/session: the current session's limits, so a UI can warn before it ends.
const { app, clock } = await appWithClock(t)
const iso = (ms: number) => new Date(ms).toISOString()
const DAY = 24 * HOUR
const REVOKED = 'The session of this access token has ended'

t.test('a patient\'s session, then the same session once its user is a DOCTOR: the role read now governs', async (t) => {
  const signIn = clock.at
  const { user, tokens } = await register(app)
  const sid = sessionIdOf(tokens.accessToken)
  const body = (times: { lastUsedAt: number, idleExpiresAt: number, absoluteExpiresAt: number, idleTimeoutSeconds: number }) => ({
    success: true,
    data: {
      id: sid,
      createdAt: iso(signIn),
      lastUsedAt: iso(times.lastUsedAt),
      idleExpiresAt: iso(times.idleExpiresAt),
      absoluteExpiresAt: iso(times.absoluteExpiresAt),
      idleTimeoutSeconds: times.idleTimeoutSeconds,
      amr: ['pwd'],
      acr: 'urn:rekam:aal1',
      authTime: iso(signIn),
    },
  })

  const asPatient = await currentSession(app, tokens.accessToken)
  t.equal(asPatient.statusCode, 200)
  t.strictSame(asPatient.json(), body({ lastUsedAt: signIn, idleExpiresAt: signIn + 7 * DAY, absoluteExpiresAt: signIn + 30 * DAY, idleTimeoutSeconds: 604_800 }))

  await app.usersRepository.update(user.id, { role: 'DOCTOR' })
  clock.at += 5 * MINUTE
  t.strictSame((await currentSession(app, tokens.accessToken)).json(),
    body({ lastUsedAt: signIn, idleExpiresAt: signIn + 30 * MINUTE, absoluteExpiresAt: signIn + 12 * HOUR, idleTimeoutSeconds: 1800 }),
    'promoted: the staff limits, idle from the last use and absolute from the sign-in')

  const next = (await refresh(app, tokens.refreshToken)).json().data.tokens
  const refreshedAt = clock.at
  t.strictSame((await currentSession(app, next.accessToken)).json(),
    body({ lastUsedAt: refreshedAt, idleExpiresAt: refreshedAt + 30 * MINUTE, absoluteExpiresAt: signIn + 12 * HOUR, idleTimeoutSeconds: 1800 }),
    'a refresh moves the idle end')

  clock.at += 31 * MINUTE
  assertError(t, await currentSession(app, next.accessToken), 401, 'TOKEN_REVOKED', REVOKED)
  assertError(t, await refresh(app, next.refreshToken), 401, 'REFRESH_TOKEN_INVALID', INVALID)
  assertError(t, await currentSession(app, next.accessToken), 401, 'TOKEN_REVOKED', REVOKED)
})

t.test('a session opened by a staff user ends 12 hours after sign-in, as stored', async (t) => {
  const { username, email } = uniqueUser('staff')
  const user = await app.usersRepository.create({ username, email, passwordHash: 'unused', fullName: null })
  const doctor = await app.usersRepository.update(user.id, { role: 'DOCTOR' })
  const signIn = clock.at
  const tokens = await app.sessionManager.start(doctor!, { userAgent: null, ip: null, requestId: 'staff-start' })
  t.equal(tokens.refreshExpiresIn, 1800)
  const sid = sessionIdOf(tokens.accessToken)
  t.strictSame((await sessionRow(app, sid)).expiresAt, new Date(signIn + 12 * HOUR))

  const res = await currentSession(app, tokens.accessToken)
  t.equal(res.statusCode, 200)
  t.match(res.json().data, { idleExpiresAt: iso(signIn + 30 * MINUTE), absoluteExpiresAt: iso(signIn + 12 * HOUR), idleTimeoutSeconds: 1800 })
})

t.test('without an access token: 401', async (t) => {
  assertError(t, await app.inject({ method: 'GET', url: '/api/auth/session' }), 401, 'UNAUTHORIZED', 'A bearer access token is required')
})
