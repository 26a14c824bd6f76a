import t from 'tap'
import { createSessionLimits, type SessionTimes } from '../../src/services/session-limits.js'

// The limits alone, with made-up times: which limit applies to which role, and which one a
// session reached. The HTTP side: test/routes/auth/staff-session-limits.test.ts.
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const T0 = Date.parse('2026-03-01T08:00:00.000Z')
const limits = createSessionLimits({
  staffRoles: new Set(['DOCTOR', 'ADMIN']),
  idleSeconds: 7 * 86_400,
  maxSeconds: 30 * 86_400,
  staffIdleSeconds: 1800,
  staffMaxSeconds: 43_200,
  now: () => T0,
})
const opened = (role: 'PATIENT' | 'DOCTOR'): SessionTimes => limits.opening(role, T0)
const usedAt = (session: SessionTimes, at: number): SessionTimes => ({ ...session, lastUsedAt: new Date(at) })

t.test('a session opened now: staff end after 12 hours, patients after 30 days', async (t) => {
  t.strictSame(opened('DOCTOR'), { createdAt: new Date(T0), lastUsedAt: new Date(T0), expiresAt: new Date(T0 + 12 * HOUR) })
  t.strictSame(opened('PATIENT').expiresAt, new Date(T0 + 30 * DAY))
  t.strictSame(limits.limitsOf('ADMIN'), { idleSeconds: 1800, maxSeconds: 43_200 })
  t.strictSame(limits.limitsOf('PATIENT'), { idleSeconds: 604_800, maxSeconds: 2_592_000 })
})

t.test('the idle limit counts from the last use; the absolute one from the sign-in', async (t) => {
  const session = usedAt(opened('DOCTOR'), T0 + 11 * HOUR + 50 * MINUTE)
  t.strictSame(limits.expiry(session, 'DOCTOR'), {
    idleTimeoutSeconds: 1800,
    idleExpiresAt: new Date(T0 + 12 * HOUR),
    absoluteExpiresAt: new Date(T0 + 12 * HOUR),
  }, 'the idle end never passes the absolute one')
  t.equal(limits.exceeded(usedAt(opened('DOCTOR'), T0 + HOUR), 'DOCTOR', T0 + HOUR + 29 * MINUTE), undefined)
  t.equal(limits.exceeded(usedAt(opened('DOCTOR'), T0 + HOUR), 'DOCTOR', T0 + HOUR + 30 * MINUTE), 'idle_timeout')
  t.equal(limits.exceeded(session, 'DOCTOR', T0 + 12 * HOUR), 'absolute_lifetime', 'both reached at once: the absolute end')
  t.equal(limits.exceeded(usedAt(opened('DOCTOR'), T0), 'DOCTOR', T0 + 13 * HOUR), 'idle_timeout', 'both past: the one reached first')
  t.equal(limits.exceeded(usedAt(opened('PATIENT'), T0), 'PATIENT', T0 + 31 * MINUTE), undefined)
  t.equal(limits.exceeded(opened('DOCTOR'), 'DOCTOR'), undefined, 'at the clock\'s now by default')
})

t.test('a role change: the role read now governs, a stored end is never extended', async (t) => {
  const patient = opened('PATIENT')
  t.strictSame(limits.expiry(patient, 'DOCTOR'), {
    idleTimeoutSeconds: 1800,
    idleExpiresAt: new Date(T0 + 30 * MINUTE),
    absoluteExpiresAt: new Date(T0 + 12 * HOUR),
  }, 'promoted: the staff limits, from the same sign-in')
  t.strictSame(limits.expiry(opened('DOCTOR'), 'PATIENT'), {
    idleTimeoutSeconds: 604_800,
    idleExpiresAt: new Date(T0 + 12 * HOUR),
    absoluteExpiresAt: new Date(T0 + 12 * HOUR),
  }, 'demoted: the patient idle limit, but the end set at sign-in stays')
})

t.test('a refresh token lives the idle limit, never past the absolute end', async (t) => {
  t.equal(limits.refreshTokenEnd('DOCTOR', opened('DOCTOR'), T0 + HOUR), T0 + HOUR + 30 * MINUTE)
  t.equal(limits.refreshTokenEnd('DOCTOR', opened('DOCTOR'), T0 + 11 * HOUR + 45 * MINUTE), T0 + 12 * HOUR)
  t.equal(limits.refreshTokenEnd('PATIENT', opened('PATIENT'), T0), T0 + 7 * DAY)
})

t.test('staff limits never exceed everyone\'s; no staff roles: everyone gets the general ones', async (t) => {
  const tight = createSessionLimits({ staffRoles: new Set(['DOCTOR']), idleSeconds: 600, maxSeconds: 3600, staffIdleSeconds: 1800, staffMaxSeconds: 43_200, now: () => T0 })
  t.strictSame(tight.limitsOf('DOCTOR'), { idleSeconds: 600, maxSeconds: 3600 })
  const none = createSessionLimits({ staffRoles: new Set(), idleSeconds: 600, maxSeconds: 3600, staffIdleSeconds: 60, staffMaxSeconds: 60, now: () => T0 })
  t.strictSame(none.limitsOf('ADMIN'), { idleSeconds: 600, maxSeconds: 3600 })
})
