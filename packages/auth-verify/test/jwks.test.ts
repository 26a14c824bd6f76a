import Fastify, { type FastifyInstance } from 'fastify'
import t from 'tap'
import { errorsPlugin } from '@rekam/errors'
import { authVerifyPlugin } from '../src/index.js'
import { assertRefused, AUDIENCE, claims, get, ISSUER, makeKey, sign } from './helpers.js'
import { bearer, JWKS_PATH, jwksApp, junkKid, startIssuer, TestClock } from './jwks-issuer.js'

const rsa = makeKey('RS256', 'rsa-jwks-1')
const ec = makeKey('ES256', 'ec-jwks-1')
const next = makeKey('RS256', 'rsa-jwks-2')
// Same kid as `rsa`, different key: a forger who knows the kid but not the private key.
const impostor = makeKey('RS256', rsa.kid)

t.test('a key listed in the JWKS verifies, and the set is fetched once', async (t) => {
  const issuer = await startIssuer(t, [rsa, ec])
  const app = await jwksApp(t, issuer, { minRefetchIntervalSeconds: 0 })
  t.equal(issuer.fetches, 0, 'nothing is fetched before the first token')

  const payload = claims({ role: 'DOCTOR', username: 'dr-jwks' })
  const token = `Bearer ${await sign({ key: rsa, payload })}`
  for (let i = 0; i < 5; i++) {
    const res = await get(app, token)
    t.equal(res.statusCode, 200)
    t.strictSame(res.json(), payload, 'the claims become request.user')
  }
  for (let i = 0; i < 5; i++) {
    const other = claims({ username: `user-${i}` })
    const res = await get(app, `Bearer ${await sign({ key: rsa, payload: other })}`)
    t.equal(res.statusCode, 200)
    t.equal(res.json().username, `user-${i}`, 'a distinct token of the same kid gets its own claims')
  }
  t.equal(issuer.fetches, 1, 'one fetch for many requests and tokens of one kid')
  t.strictSame(issuer.paths, [JWKS_PATH], 'the configured path is the one fetched')

  t.test('concurrent first requests share one fetch', async (t) => {
    const before = issuer.fetches
    const cold = await jwksApp(t, issuer, { minRefetchIntervalSeconds: 0 })
    const responses = await Promise.all(Array.from({ length: 10 }, async () => get(cold, await bearer(rsa))))
    t.strictSame(responses.map((res) => res.statusCode), Array(10).fill(200))
    t.equal(issuer.fetches - before, 1)
  })
})

t.test('a token whose kid is not in the JWKS is refused', async (t) => {
  const issuer = await startIssuer(t, [rsa])
  const app = await jwksApp(t, issuer, { minRefetchIntervalSeconds: 0 })

  await assertRefused(t, app, await bearer(rsa, 'no-such-key'), 'TOKEN_INVALID')
  t.equal(issuer.fetches, 1, 'the unknown kid was looked up')

  t.test('another key under a listed kid', async (t) => {
    await assertRefused(t, app, await bearer(impostor), 'TOKEN_INVALID')
  })

  t.test('an ES256 token naming the RS256 key', async (t) => {
    await assertRefused(t, app, await bearer(ec, rsa.kid), 'TOKEN_INVALID')
  })

  t.test('no kid, or an absurdly long one, is refused without asking the issuer', async (t) => {
    const before = issuer.fetches
    await assertRefused(t, app, `Bearer ${await sign({ key: rsa, kid: null })}`, 'TOKEN_INVALID')
    await assertRefused(t, app, await bearer(rsa, 'k'.repeat(257)), 'TOKEN_INVALID')
    t.equal(issuer.fetches, before)
  })

  t.equal((await get(app, await bearer(rsa))).statusCode, 200, 'the listed key still verifies')
})

t.test('a new kid is fetched once the min refetch interval has passed', async (t) => {
  const issuer = await startIssuer(t, [rsa])
  const clock = new TestClock()
  const app = await jwksApp(t, issuer, { minRefetchIntervalSeconds: 1 }, clock)
  t.equal((await get(app, await bearer(rsa))).statusCode, 200)
  t.equal(issuer.fetches, 1)

  issuer.serve([next, rsa])
  const nextToken = await bearer(next)
  await assertRefused(t, app, nextToken, 'TOKEN_INVALID')
  t.equal(issuer.fetches, 1, 'within the interval the issuer is not asked again')

  clock.advance(1100)
  const res = await get(app, nextToken)
  t.equal(res.statusCode, 200, 'the same token is accepted once the new key is fetched')
  t.equal(issuer.fetches, 2)
  t.equal((await get(app, await bearer(rsa))).statusCode, 200, 'the first key is still cached')
  t.equal(issuer.fetches, 2)
})

t.test('a flood of junk kids is rate-limited', async (t) => {
  const issuer = await startIssuer(t, [rsa])
  const flood = (app: FastifyInstance) => Promise.all(Array.from({ length: 50 }, async () => get(app, await bearer(rsa, junkKid()))))

  t.test('on a cold verifier', async (t) => {
    const app = await jwksApp(t, issuer, { minRefetchIntervalSeconds: 5 })
    const responses = await flood(app)
    t.strictSame(responses.map((res) => res.statusCode), Array(50).fill(401))
    t.ok(responses.every((res) => res.json().error.code === 'TOKEN_INVALID'), 'all TOKEN_INVALID')
    t.equal(issuer.fetches, 1, 'one fetch for 50 kids')
  })

  t.test('with a cached key, which keeps verifying through the flood', async (t) => {
    const before = issuer.fetches
    const app = await jwksApp(t, issuer, { minRefetchIntervalSeconds: 5 })
    t.equal((await get(app, await bearer(rsa))).statusCode, 200)
    const [responses, good] = await Promise.all([flood(app), get(app, await bearer(rsa))])
    t.strictSame(responses.map((res) => res.statusCode), Array(50).fill(401))
    t.equal(good.statusCode, 200)
    t.equal(issuer.fetches - before, 1, 'only the first token caused a fetch')
  })
})

t.test('a key removed from the JWKS stops verifying once its cache entry expires', async (t) => {
  const issuer = await startIssuer(t, [rsa, next])
  const clock = new TestClock()
  const app = await jwksApp(t, issuer, { cacheTtlSeconds: 1, minRefetchIntervalSeconds: 0 }, clock)
  const early = await bearer(rsa)
  t.equal((await get(app, early)).statusCode, 200)
  t.equal((await get(app, await bearer(next))).statusCode, 200)
  const fetched = issuer.fetches

  issuer.serve([next])
  clock.advance(1200)
  await assertRefused(t, app, await bearer(rsa), 'TOKEN_INVALID')
  t.ok(issuer.fetches > fetched, 'the set was fetched again')
  await assertRefused(t, app, await bearer(rsa), 'TOKEN_INVALID')
  await assertRefused(t, app, early, 'TOKEN_INVALID', 'a token verified before the removal is not served from a cache')
  t.equal((await get(app, await bearer(next))).statusCode, 200, 'the key still listed verifies')

  await issuer.stop()
  await assertRefused(t, app, await bearer(rsa), 'TOKEN_INVALID', 'the removed key does not come back when the issuer then goes down')
})

t.test('the plugin needs exactly one of `keys` and `jwks`', async (t) => {
  const cases = {
    both: { keys: [{ kid: rsa.kid, publicKey: rsa.publicPem }], jwks: { url: 'http://127.0.0.1:1/jwks.json' } },
    neither: {},
  }
  for (const [label, options] of Object.entries(cases)) {
    const app = Fastify({ logger: false })
    t.teardown(() => app.close())
    await app.register(errorsPlugin)
    app.register(authVerifyPlugin, { issuer: ISSUER, audience: AUDIENCE, ...options })
    await t.rejects(async () => { await app.ready() }, /exactly one of `keys` or `jwks`/, label)
  }
})
