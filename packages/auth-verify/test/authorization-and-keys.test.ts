import { createHmac } from 'node:crypto'
import t from 'tap'
import { assertRefused, claims, get, makeKey } from './helpers.js'
import { rsa, ec, ed, staticKey, sign, handMade, buildApp } from './verify-setup.js'

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
