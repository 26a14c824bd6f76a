import { eq } from 'drizzle-orm'
import t from 'tap'
import { users } from '../../src/db/schema.js'
import { envelope, HOUR, INVALID_LINK, newDoctor, staffFixture, STRONG } from './users-staff-fixture.js'

/**
 * The set-password link of a staff invitation (one app, one real SMTP server): it works once,
 * even sent many times at once, and for 72 hours of the app's clock; an unknown or malformed token.
 */
let clock = Date.now()
const { app, setPassword, eventsOf, invite } = await staffFixture(t, () => clock)

t.test('a link is single use even when it is sent many times at once', async (t) => {
  const { user, token } = await invite({ ...newDoctor(), role: 'ADMIN' })
  const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => setPassword(token, `${STRONG}-${i}`)))
  const statuses = answers.map((a) => a.statusCode).sort()
  t.strictSame(statuses, [200, 400, 400, 400, 400, 400], 'exactly one succeeds')
  for (const a of answers.filter((a) => a.statusCode === 400)) t.strictSame(a.json(), envelope(a, 'SET_PASSWORD_TOKEN_INVALID', INVALID_LINK))
  t.equal((await eventsOf(user.id, ['PASSWORD_SET'])).length, 1, 'one PASSWORD_SET event')
})

t.test('an unknown token is 400 SET_PASSWORD_TOKEN_INVALID; a malformed body is 400 VALIDATION_ERROR', async (t) => {
  const unknown = await setPassword('x'.repeat(43), STRONG)
  t.equal(unknown.statusCode, 400)
  t.strictSame(unknown.json(), envelope(unknown, 'SET_PASSWORD_TOKEN_INVALID', INVALID_LINK))
  const short = await setPassword('short', STRONG)
  t.equal(short.json().error.code, 'VALIDATION_ERROR')
})

t.test('a mailed link works for 72 hours of the app\'s clock, and not a moment longer', async (t) => {
  const early = await invite(newDoctor())
  const late = await invite(newDoctor())
  clock += 72 * HOUR - 1000
  t.equal((await setPassword(early.token, STRONG)).statusCode, 200, 'a second before the end it works')
  clock += 1000
  const expired = await setPassword(late.token, STRONG)
  t.strictSame(expired.json(), envelope(expired, 'SET_PASSWORD_TOKEN_INVALID', INVALID_LINK), 'at the end it is refused')
  const [row] = await app.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, late.user.id))
  t.equal(row!.passwordHash, null, 'and the account still has no password')
})
