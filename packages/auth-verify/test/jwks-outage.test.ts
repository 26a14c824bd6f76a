import t from 'tap'
import { assertRefused, get, makeKey } from './helpers.js'
import { bearer, jwksApp, junkKid, startIssuer, TestClock, timed } from './jwks-issuer.js'

const rsa = makeKey('RS256', 'rsa-jwks-1')

t.test('an unreachable issuer: cached keys keep verifying, quickly', async (t) => {
  const issuer = await startIssuer(t, [rsa])
  const clock = new TestClock()
  const app = await jwksApp(t, issuer, { cacheTtlSeconds: 1, minRefetchIntervalSeconds: 0, timeoutMs: 500 }, clock)
  const first = await bearer(rsa)
  t.equal((await get(app, first)).statusCode, 200)
  t.equal(issuer.fetches, 1)

  await issuer.stop()
  const check = async (label: string, token: string, status = 200) => {
    const { result: res, ms } = await timed(() => get(app, token))
    t.equal(res.statusCode, status, label)
    t.ok(ms < 1000, `${label}: answered in ${Math.round(ms)} ms`)
  }
  await check('before the TTL', await bearer(rsa))
  clock.advance(1200)
  for (let i = 0; i < 3; i++) await check(`after the TTL, token ${i + 1}`, await bearer(rsa))
  await check('after the TTL, the first token', first)
  const racing = await Promise.all(Array.from({ length: 10 }, async () => get(app, await bearer(rsa))))
  t.strictSame(racing.map((res) => res.statusCode), Array(10).fill(200), 'requests racing a failing refetch get the cached key too')
  await check('an unknown kid', await bearer(rsa, junkKid()), 401)
  clock.advance(1000)
  await check('one period past its expiry, the copy no longer serves', await bearer(rsa), 401)

  await issuer.start()
  await check('the issuer back', await bearer(rsa))
  t.equal(issuer.fetches, 2, 'the set is fetched again once the issuer is back')
})

// undici runs response timeouts on coarse timers (about 0.5 s ticks): a 300 ms timeout fires
// after 0.5 to 1 s, hence the bound below.
const HANG_BOUND_MS = 1500

t.test('a hanging issuer is given up on after timeoutMs', async (t) => {
  t.test('an uncached kid is refused within about a second', async (t) => {
    const issuer = await startIssuer(t, [rsa])
    issuer.hang = true
    const app = await jwksApp(t, issuer, { timeoutMs: 300, minRefetchIntervalSeconds: 0 })
    const token = await bearer(rsa)
    const { result: res, ms } = await timed(() => get(app, token))
    t.equal(res.statusCode, 401)
    t.equal(res.json().error.code, 'TOKEN_INVALID')
    t.ok(ms < HANG_BOUND_MS, `answered in ${Math.round(ms)} ms`)
    t.equal(issuer.fetches, 1, 'the issuer was asked')
  })

  t.test('a cached kid keeps verifying after the TTL', async (t) => {
    const issuer = await startIssuer(t, [rsa])
    // The stale copy lives one TTL from expiry, so the TTL must outlast the timeout.
    const clock = new TestClock()
    const app = await jwksApp(t, issuer, { timeoutMs: 300, cacheTtlSeconds: 2, minRefetchIntervalSeconds: 0 }, clock)
    t.equal((await get(app, await bearer(rsa))).statusCode, 200)
    issuer.hang = true
    clock.advance(2100)
    const tokens = await Promise.all(Array.from({ length: 5 }, () => bearer(rsa)))
    const { result: responses, ms } = await timed(() => Promise.all(tokens.map((token) => get(app, token))))
    t.strictSame(responses.map((res) => res.statusCode), Array(5).fill(200), 'concurrent requests all get the cached key')
    t.ok(ms < HANG_BOUND_MS, `answered in ${Math.round(ms)} ms`)
    t.equal(issuer.fetches, 2, 'the refetch was attempted')
  })
})

t.test('a JWKS endpoint answering badly never causes a 500', async (t) => {
  const answers: Record<string, { status: number, body: string }> = {
    '500 with a JSON body': { status: 500, body: '{"error":"boom"}' },
    '500 with a text body': { status: 500, body: 'Internal Server Error' },
    'garbage JSON': { status: 200, body: '{"keys": [ {"kid": ' },
    'keys that are not an array': { status: 200, body: '{"keys":"nope"}' },
    'no keys member': { status: 200, body: '{}' },
    'a JWK that is no public key': {
      status: 200,
      body: JSON.stringify({ keys: [{ kty: 'oct', kid: rsa.kid, alg: 'RS256', k: 'c2VjcmV0' }] }),
    },
  }
  for (const [label, raw] of Object.entries(answers)) {
    t.test(`${label}: an uncached kid is refused`, async (t) => {
      const issuer = await startIssuer(t, [rsa])
      issuer.raw = raw
      const app = await jwksApp(t, issuer, { minRefetchIntervalSeconds: 0 })
      await assertRefused(t, app, await bearer(rsa), 'TOKEN_INVALID')
      t.equal(issuer.fetches, 1)
    })
  }

  t.test('a cached kid survives failing refetches after the TTL', async (t) => {
    const issuer = await startIssuer(t, [rsa])
    const clock = new TestClock()
    const app = await jwksApp(t, issuer, { cacheTtlSeconds: 1, minRefetchIntervalSeconds: 0 }, clock)
    t.equal((await get(app, await bearer(rsa))).statusCode, 200)
    clock.advance(1200)
    for (const label of ['500 with a JSON body', '500 with a text body', 'garbage JSON']) {
      issuer.raw = answers[label]
      const before = issuer.fetches
      t.equal((await get(app, await bearer(rsa))).statusCode, 200, label)
      t.equal(issuer.fetches - before, 1, `${label}: refetch attempted`)
    }
  })
})
