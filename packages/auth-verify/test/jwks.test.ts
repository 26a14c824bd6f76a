import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import Fastify, { type FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import { errorsPlugin } from '@rekam/errors'
import { authVerifyPlugin, type JwksOptions } from '../src/index.js'
import { assertRefused, AUDIENCE, buildApp, claims, get, ISSUER, makeKey, sign, type TestKey } from './helpers.js'

const JWKS_PATH = '/issuer/.well-known/jwks.json'

/**
 * A real issuer over real HTTP: the served key set can change at runtime, every request is
 * counted, and it can be stopped (issuer down), made to hang, or made to answer badly.
 */
class JwksServer {
  keys: object[]
  /** Requests received on the JWKS path, including those never answered. */
  fetches = 0
  paths: string[] = []
  /** When set, served as is instead of the key set. */
  raw: { status: number, body: string } | undefined
  /** Accept the request and never answer. */
  hang = false
  private port = 0
  private readonly server: Server

  constructor (keys: TestKey[]) {
    this.keys = keys.map((key) => key.jwk)
    this.server = createServer((req, res) => {
      this.paths.push(req.url ?? '')
      if (req.url !== JWKS_PATH) {
        res.writeHead(404).end()
        return
      }
      this.fetches++
      if (this.hang) return
      const { status, body } = this.raw ?? { status: 200, body: JSON.stringify({ keys: this.keys }) }
      res.writeHead(status, { 'content-type': 'application/json' }).end(body)
    })
  }

  get url () {
    return `http://127.0.0.1:${this.port}${JWKS_PATH}`
  }

  serve (keys: TestKey[]) {
    this.keys = keys.map((key) => key.jwk)
  }

  async start () {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject)
        resolve()
      })
    })
    this.port = (this.server.address() as AddressInfo).port
  }

  /** Closes the port and every open connection, kept-alive or hanging. */
  async stop () {
    if (!this.server.listening) return
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    this.server.closeAllConnections()
    await closed
  }
}

async function startIssuer (tap: Test, keys: TestKey[]): Promise<JwksServer> {
  const issuer = new JwksServer(keys)
  await issuer.start()
  tap.teardown(() => issuer.stop())
  return issuer
}

function jwksApp (tap: Test, issuer: JwksServer, jwks: Omit<JwksOptions, 'url'> = {}) {
  return buildApp(tap, { jwks: { url: issuer.url, timeoutMs: 500, ...jwks } })
}

async function timed<T> (fn: () => Promise<T>): Promise<{ result: T, ms: number }> {
  const start = performance.now()
  const result = await fn()
  return { result, ms: performance.now() - start }
}

const bearer = async (key: TestKey, kid?: string) => `Bearer ${await sign({ key, kid })}`
const junkKid = () => randomBytes(16).toString('base64url')

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
  const app = await jwksApp(t, issuer, { minRefetchIntervalSeconds: 1 })
  t.equal((await get(app, await bearer(rsa))).statusCode, 200)
  t.equal(issuer.fetches, 1)

  issuer.serve([next, rsa])
  const nextToken = await bearer(next)
  await assertRefused(t, app, nextToken, 'TOKEN_INVALID')
  t.equal(issuer.fetches, 1, 'within the interval the issuer is not asked again')

  await sleep(1100)
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
  const app = await jwksApp(t, issuer, { cacheTtlSeconds: 1, minRefetchIntervalSeconds: 0 })
  const early = await bearer(rsa)
  t.equal((await get(app, early)).statusCode, 200)
  t.equal((await get(app, await bearer(next))).statusCode, 200)
  const fetched = issuer.fetches

  issuer.serve([next])
  await sleep(1200)
  await assertRefused(t, app, await bearer(rsa), 'TOKEN_INVALID')
  t.ok(issuer.fetches > fetched, 'the set was fetched again')
  await assertRefused(t, app, await bearer(rsa), 'TOKEN_INVALID')
  await assertRefused(t, app, early, 'TOKEN_INVALID', 'a token verified before the removal is not served from a cache')
  t.equal((await get(app, await bearer(next))).statusCode, 200, 'the key still listed verifies')

  await issuer.stop()
  await assertRefused(t, app, await bearer(rsa), 'TOKEN_INVALID', 'the removed key does not come back when the issuer then goes down')
})

t.test('an unreachable issuer: cached keys keep verifying, quickly', async (t) => {
  const issuer = await startIssuer(t, [rsa])
  const app = await jwksApp(t, issuer, { cacheTtlSeconds: 1, minRefetchIntervalSeconds: 0, timeoutMs: 500 })
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
  await sleep(1200)
  for (let i = 0; i < 3; i++) await check(`after the TTL, token ${i + 1}`, await bearer(rsa))
  await check('after the TTL, the first token', first)
  const racing = await Promise.all(Array.from({ length: 10 }, async () => get(app, await bearer(rsa))))
  t.strictSame(racing.map((res) => res.statusCode), Array(10).fill(200), 'requests racing a failing refetch get the cached key too')
  await check('an unknown kid', await bearer(rsa, junkKid()), 401)

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
    const app = await jwksApp(t, issuer, { timeoutMs: 300, cacheTtlSeconds: 2, minRefetchIntervalSeconds: 0 })
    t.equal((await get(app, await bearer(rsa))).statusCode, 200)
    issuer.hang = true
    await sleep(2100)
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
    const app = await jwksApp(t, issuer, { cacheTtlSeconds: 1, minRefetchIntervalSeconds: 0 })
    t.equal((await get(app, await bearer(rsa))).statusCode, 200)
    await sleep(1200)
    for (const label of ['500 with a JSON body', '500 with a text body', 'garbage JSON']) {
      issuer.raw = answers[label]
      const before = issuer.fetches
      t.equal((await get(app, await bearer(rsa))).statusCode, 200, label)
      t.equal(issuer.fetches - before, 1, `${label}: refetch attempted`)
    }
  })
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
