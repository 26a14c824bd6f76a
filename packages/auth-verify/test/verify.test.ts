import { createHmac, randomBytes } from 'node:crypto'
import t from 'tap'
import { assertRefused, AUDIENCE, claims, get, now } from './helpers.js'
import { rsa, ec, ed, impostor, sign, b64, handMade, buildApp } from './verify-setup.js'

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
