import { createHmac, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import { SignJWT, type JWTPayload } from 'jose'
import t, { type Test } from 'tap'
import { errorsPlugin } from '@rekam/errors'
import { authVerifyPlugin, type AuthVerifyOptions, type StaticKey } from '../src/index.js'

const ISSUER = 'rekam-auth'
const AUDIENCE = 'rekam'

interface TestKey {
  kid: string
  alg: 'RS256' | 'ES256' | 'EdDSA'
  privateKey: KeyObject
  publicPem: string
}

function makeKey (alg: TestKey['alg'], kid: string): TestKey {
  const pair = alg === 'RS256'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : alg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('ed25519')
  return { kid, alg, privateKey: pair.privateKey, publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }) as string }
}

const rsa = makeKey('RS256', 'rsa-1')
const ec = makeKey('ES256', 'ec-1')
const ed = makeKey('EdDSA', 'ed-1')
// Same kid as `rsa`, different key: a forger who knows the kid but not the private key.
const impostor = makeKey('RS256', rsa.kid)
const staticKey = (key: TestKey): StaticKey => ({ kid: key.kid, publicKey: key.publicPem })

const now = () => Math.floor(Date.now() / 1000)

function claims (overrides: Record<string, unknown> = {}, omit: string[] = []): Record<string, unknown> {
  const iat = now()
  const out: Record<string, unknown> = {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: randomUUID(),
    role: 'PATIENT',
    username: 'alice',
    sid: randomUUID(),
    jti: randomUUID(),
    iat,
    exp: iat + 900,
    ...overrides,
  }
  for (const name of omit) delete out[name]
  return out
}

interface SignOptions {
  key?: TestKey
  /** `null` leaves `kid` out of the header. */
  kid?: string | null
  typ?: string
  payload?: Record<string, unknown>
}

async function sign (opts: SignOptions = {}): Promise<string> {
  const key = opts.key ?? rsa
  const kid = opts.kid === null ? {} : { kid: opts.kid ?? key.kid }
  return new SignJWT((opts.payload ?? claims()) as JWTPayload)
    .setProtectedHeader({ alg: key.alg, typ: opts.typ ?? 'at+jwt', ...kid })
    .sign(key.privateKey)
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A token built by hand, for what no honest signing library produces. */
function handMade (header: object, payload: object, signWith?: (input: string) => string): string {
  const input = `${b64(header)}.${b64(payload)}`
  return `${input}.${signWith ? signWith(input) : ''}`
}

async function buildApp (tap: Test, options: Partial<AuthVerifyOptions> = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  tap.teardown(() => app.close())
  await app.register(errorsPlugin)
  await app.register(authVerifyPlugin, {
    issuer: ISSUER,
    audience: AUDIENCE,
    keys: [staticKey(rsa), staticKey(ec), staticKey(ed)],
    ...options,
  })
  app.get('/me', { onRequest: app.authenticate }, async (request) => request.user)
  app.get('/admin', { onRequest: app.authenticate, preHandler: app.authorize('ADMIN') }, async (request) => ({ role: request.user.role }))
  await app.ready()
  return app
}

function get (app: FastifyInstance, authorization?: string, url = '/me') {
  return app.inject({ method: 'GET', url, headers: authorization === undefined ? {} : { authorization } })
}

/** Every refusal is a 401 envelope with our code and our words, never a 500 or library text. */
async function assertRefused (tap: Test, app: FastifyInstance, authorization: string | undefined, code: string) {
  const res = await get(app, authorization)
  tap.equal(res.statusCode, 401, `status for ${code}`)
  const body = res.json()
  tap.match(body, { success: false, error: { code, message: String, requestId: String } })
  tap.equal(body.error.code, code)
  tap.notMatch(body.error.message, /fast-?jwt|FST_JWT/i, 'no library text in the message')
}

t.test('accepts valid tokens', async (t) => {
  const app = await buildApp(t)

  t.test('RS256: the claims become request.user', async (t) => {
    const payload = claims({ role: 'DOCTOR', username: 'dr-who' })
    const res = await get(app, `Bearer ${await sign({ payload })}`)
    t.equal(res.statusCode, 200)
    t.same(res.json(), payload)
  })

  for (const key of [ec, ed]) {
    t.test(`${key.alg} with the default allow-list`, async (t) => {
      const payload = claims()
      const res = await get(app, `Bearer ${await sign({ key, payload })}`)
      t.equal(res.statusCode, 200)
      t.same(res.json(), payload)
    })
  }

  t.test('exp 2 s in the past is within the 5 s clock tolerance', async (t) => {
    const payload = claims({ iat: now() - 902, exp: now() - 2 })
    const res = await get(app, `Bearer ${await sign({ payload })}`)
    t.equal(res.statusCode, 200)
    t.equal(res.json().sub, payload.sub)
  })

  t.test('nbf 2 s in the future is within the clock tolerance', async (t) => {
    const payload = claims({ nbf: now() + 2 })
    const res = await get(app, `Bearer ${await sign({ payload })}`)
    t.equal(res.statusCode, 200)
  })

  t.test('aud as an array containing the audience', async (t) => {
    const res = await get(app, `Bearer ${await sign({ payload: claims({ aud: ['other', AUDIENCE] }) })}`)
    t.equal(res.statusCode, 200)
  })

  t.test('the verification cache serves repeated and distinct tokens correctly', async (t) => {
    const first = claims({ username: 'first' })
    const second = claims({ username: 'second' })
    const firstToken = await sign({ payload: first })
    const secondToken = await sign({ payload: second })
    for (let i = 0; i < 2; i++) {
      const res = await get(app, `Bearer ${firstToken}`)
      t.equal(res.statusCode, 200)
      t.same(res.json(), first)
    }
    const res = await get(app, `Bearer ${secondToken}`)
    t.equal(res.statusCode, 200)
    t.same(res.json(), second, 'a distinct token is not answered from the first one\'s cache entry')

    // A cached token's signature reused on another payload, or a mangled signature, stays refused.
    const [, , signature] = firstToken.split('.')
    const escalated = `${b64({ alg: 'RS256', typ: 'at+jwt', kid: rsa.kid })}.${b64({ ...first, role: 'ADMIN' })}.${signature}`
    await assertRefused(t, app, `Bearer ${escalated}`, 'TOKEN_INVALID')
    const mangled = firstToken.slice(0, -4) + (firstToken.endsWith('AAAA') ? 'BBBB' : 'AAAA')
    await assertRefused(t, app, `Bearer ${mangled}`, 'TOKEN_INVALID')
    t.equal((await get(app, `Bearer ${firstToken}`)).statusCode, 200, 'the cached token still works')
  })
})

t.test('refuses invalid tokens with 401 and our code', async (t) => {
  const app = await buildApp(t)

  t.test('expired beyond the tolerance → TOKEN_EXPIRED', async (t) => {
    await assertRefused(t, app, `Bearer ${await sign({ payload: claims({ iat: now() - 960, exp: now() - 60 }) })}`, 'TOKEN_EXPIRED')
  })

  t.test('nbf in the future beyond the tolerance', async (t) => {
    await assertRefused(t, app, `Bearer ${await sign({ payload: claims({ nbf: now() + 60 }) })}`, 'TOKEN_INVALID')
  })

  t.test('signed by another key under the same kid', async (t) => {
    await assertRefused(t, app, `Bearer ${await sign({ key: impostor })}`, 'TOKEN_INVALID')
  })

  t.test('wrong iss', async (t) => {
    await assertRefused(t, app, `Bearer ${await sign({ payload: claims({ iss: 'evil-auth' }) })}`, 'TOKEN_INVALID')
  })

  t.test('wrong aud', async (t) => {
    await assertRefused(t, app, `Bearer ${await sign({ payload: claims({ aud: 'another-api' }) })}`, 'TOKEN_INVALID')
  })

  t.test('typ JWT instead of at+jwt', async (t) => {
    await assertRefused(t, app, `Bearer ${await sign({ typ: 'JWT' })}`, 'TOKEN_INVALID')
  })

  t.test('alg none, unsigned', async (t) => {
    const token = handMade({ alg: 'none', typ: 'at+jwt', kid: rsa.kid }, claims())
    await assertRefused(t, app, `Bearer ${token}`, 'TOKEN_INVALID')
  })

  t.test('HS256 keyed with the public key PEM (algorithm confusion)', async (t) => {
    const token = handMade({ alg: 'HS256', typ: 'at+jwt', kid: rsa.kid }, claims(),
      (input) => createHmac('sha256', rsa.publicPem).update(input).digest('base64url'))
    await assertRefused(t, app, `Bearer ${token}`, 'TOKEN_INVALID')
  })

  t.test('kid naming a key of another type than the header alg', async (t) => {
    await assertRefused(t, app, `Bearer ${await sign({ key: ec, kid: rsa.kid })}`, 'TOKEN_INVALID')
  })

  t.test('unknown kid', async (t) => {
    await assertRefused(t, app, `Bearer ${await sign({ kid: 'no-such-key' })}`, 'TOKEN_INVALID')
  })

  t.test('missing kid', async (t) => {
    await assertRefused(t, app, `Bearer ${await sign({ kid: null })}`, 'TOKEN_INVALID')
  })

  for (const claim of ['sid', 'exp', 'sub', 'role', 'jti', 'iss', 'aud']) {
    t.test(`missing ${claim}`, async (t) => {
      await assertRefused(t, app, `Bearer ${await sign({ payload: claims({}, [claim]) })}`, 'TOKEN_INVALID')
    })
  }

  t.test('role outside PATIENT/DOCTOR/ADMIN', async (t) => {
    await assertRefused(t, app, `Bearer ${await sign({ payload: claims({ role: 'SUPERUSER' }) })}`, 'TOKEN_INVALID')
  })

  t.test('a random string', async (t) => {
    await assertRefused(t, app, 'Bearer not-a-token', 'TOKEN_INVALID')
    await assertRefused(t, app, 'Bearer abc.def.ghi', 'TOKEN_INVALID')
  })

  t.test('an opaque refresh token', async (t) => {
    const refreshToken = randomBytes(32).toString('base64url')
    t.equal(refreshToken.length, 43)
    await assertRefused(t, app, `Bearer ${refreshToken}`, 'TOKEN_INVALID')
  })

  t.test('no Authorization header → UNAUTHORIZED', async (t) => {
    await assertRefused(t, app, undefined, 'UNAUTHORIZED')
  })

  t.test('malformed Authorization headers', async (t) => {
    const token = await sign()
    await assertRefused(t, app, 'Basic abc', 'TOKEN_INVALID')
    await assertRefused(t, app, 'Bearer', 'TOKEN_INVALID')
    await assertRefused(t, app, 'Bearer  two  spaces', 'TOKEN_INVALID')
    await assertRefused(t, app, `Bearer  ${token}`, 'TOKEN_INVALID')
    await assertRefused(t, app, `Bearer ${token} trailing`, 'TOKEN_INVALID')
  })
})

t.test('authorize(...roles)', async (t) => {
  const app = await buildApp(t)

  t.test('a PATIENT on an ADMIN route → 403 FORBIDDEN', async (t) => {
    const res = await get(app, `Bearer ${await sign({ payload: claims({ role: 'PATIENT' }) })}`, '/admin')
    t.equal(res.statusCode, 403)
    t.match(res.json(), { success: false, error: { code: 'FORBIDDEN', message: String, requestId: String } })
  })

  t.test('an ADMIN on an ADMIN route → 200', async (t) => {
    const res = await get(app, `Bearer ${await sign({ payload: claims({ role: 'ADMIN' }) })}`, '/admin')
    t.equal(res.statusCode, 200)
    t.same(res.json(), { role: 'ADMIN' })
  })

  t.test('no token on an ADMIN route → 401 UNAUTHORIZED, not 403', async (t) => {
    const res = await get(app, undefined, '/admin')
    t.equal(res.statusCode, 401)
    t.equal(res.json().error.code, 'UNAUTHORIZED')
  })
})

t.test('key rotation', async (t) => {
  const next = makeKey('RS256', 'rsa-2')
  const oldToken = await sign({ key: rsa })
  const newToken = await sign({ key: next })

  t.test('while both keys are listed, tokens of either verify', async (t) => {
    const app = await buildApp(t, { keys: [staticKey(next), staticKey(rsa)] })
    t.equal((await get(app, `Bearer ${oldToken}`)).statusCode, 200)
    t.equal((await get(app, `Bearer ${newToken}`)).statusCode, 200)
  })

  t.test('once the old key is removed, its tokens are refused', async (t) => {
    const app = await buildApp(t, { keys: [staticKey(next)] })
    await assertRefused(t, app, `Bearer ${oldToken}`, 'TOKEN_INVALID')
    t.equal((await get(app, `Bearer ${newToken}`)).statusCode, 200)
  })
})

t.test('a narrowed algorithm allow-list refuses the other algorithms', async (t) => {
  const app = await buildApp(t, { algorithms: ['RS256'] })
  await assertRefused(t, app, `Bearer ${await sign({ key: ec })}`, 'TOKEN_INVALID')
  await assertRefused(t, app, `Bearer ${await sign({ key: ed })}`, 'TOKEN_INVALID')
  t.equal((await get(app, `Bearer ${await sign({ key: rsa })}`)).statusCode, 200)
})
