import { createHmac, randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import type { AuthVerifyOptions, StaticKey } from '../src/index.js'
import { assertRefused, AUDIENCE, buildApp as buildBareApp, claims, get, makeKey, now, sign as signToken, type SignOptions, type TestKey } from './helpers.js'

const rsa = makeKey('RS256', 'rsa-1')
const ec = makeKey('ES256', 'ec-1')
const ed = makeKey('EdDSA', 'ed-1')
// Same kid as `rsa`, different key: a forger who knows the kid but not the private key.
const impostor = makeKey('RS256', rsa.kid)
const staticKey = (key: TestKey): StaticKey => ({ kid: key.kid, publicKey: key.publicPem })

/** Signs with `rsa` unless told otherwise. */
const sign = (opts: Partial<SignOptions> = {}) => signToken({ ...opts, key: opts.key ?? rsa })

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A token built by hand, for what no honest signing library produces. */
function handMade (header: object, payload: object, signWith?: (input: string) => string): string {
  const input = `${b64(header)}.${b64(payload)}`
  return `${input}.${signWith ? signWith(input) : ''}`
}

function buildApp (tap: Test, options: Partial<AuthVerifyOptions> = {}): Promise<FastifyInstance> {
  return buildBareApp(tap, { keys: [staticKey(rsa), staticKey(ec), staticKey(ed)], ...options })
}

t.test('accepts valid tokens', async (t) => {
  const app = await buildApp(t)

  t.test('RS256: the claims become request.user', async (t) => {
    const payload = claims({ role: 'DOCTOR', username: 'dr-who' })
    const res = await get(app, `Bearer ${await sign({ payload })}`)
    t.equal(res.statusCode, 200)
    t.strictSame(res.json(), payload)
  })

  for (const key of [ec, ed]) {
    t.test(`${key.alg} with the default allow-list`, async (t) => {
      const payload = claims()
      const res = await get(app, `Bearer ${await sign({ key, payload })}`)
      t.equal(res.statusCode, 200)
      t.strictSame(res.json(), payload)
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
      t.strictSame(res.json(), first)
    }
    const res = await get(app, `Bearer ${secondToken}`)
    t.equal(res.statusCode, 200)
    t.strictSame(res.json(), second, 'a distinct token is not answered from the first one\'s cache entry')

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
    t.strictSame(res.json(), { role: 'ADMIN' })
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

t.test('HS256 keyed with the public key PEM is refused however the configured PEM is padded', async (t) => {
  // A PEM read from a file may start with blank lines; a verifier that then failed to see a
  // public key would take the whole text for an HMAC secret (algorithm confusion).
  for (const padding of ['', '\n', '\r\n', '\n\n']) {
    const publicKey = `${padding}${rsa.publicPem}`
    const app = await buildApp(t, { keys: [{ kid: rsa.kid, publicKey }] })
    const label = JSON.stringify(padding)
    t.equal((await get(app, `Bearer ${await sign()}`)).statusCode, 200, `${label}: the key verifies RS256`)
    const secrets = { configured: publicKey, bare: rsa.publicPem, trimmed: rsa.publicPem.trim() }
    for (const [which, secret] of Object.entries(secrets)) {
      const token = handMade({ alg: 'HS256', typ: 'at+jwt', kid: rsa.kid }, claims(),
        (input) => createHmac('sha256', secret).update(input).digest('base64url'))
      await assertRefused(t, app, `Bearer ${token}`, 'TOKEN_INVALID', `${label}: HS256 keyed with the ${which} PEM`)
    }
    // Even with HS256 let into the allow-list, a public key is never an HMAC secret.
    const open = await buildApp(t, { keys: [{ kid: rsa.kid, publicKey }], algorithms: ['RS256', 'HS256' as never] })
    const forged = handMade({ alg: 'HS256', typ: 'at+jwt', kid: rsa.kid }, claims(),
      (input) => createHmac('sha256', publicKey).update(input).digest('base64url'))
    await assertRefused(t, open, `Bearer ${forged}`, 'TOKEN_INVALID', `${label}: even with HS256 allowed`)
  }
  // Leading spaces make no PEM at all: refused when the verifier starts, never used as a secret.
  for (const padding of ['  ', '\t\n ']) {
    await t.rejects(buildApp(t, { keys: [{ kid: rsa.kid, publicKey: `${padding}${rsa.publicPem}` }] }), { code: 'ERR_OSSL_UNSUPPORTED' }, `${JSON.stringify(padding)}: refused at start`)
  }
})
