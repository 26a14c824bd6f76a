import t from 'tap'
import { assertRefused, claims, get, now } from './helpers.js'
import { buildApp, sign } from './verify-setup.js'

t.test('amr, acr and auth_time reach request.user as signed', async (t) => {
  const app = await buildApp(t)
  const iat = now()
  for (const assurance of [
    { amr: ['pwd', 'otp'], acr: 'urn:rekam:aal2', auth_time: iat - 30 },
    { amr: ['hwk', 'user'], acr: 'urn:rekam:aal2', auth_time: iat },
    { amr: ['pwd'], acr: 'urn:rekam:aal1', auth_time: iat - 3600 },
  ]) {
    const payload = claims({ iat, ...assurance })
    const token = await sign({ payload })
    const res = await get(app, `Bearer ${token}`)
    t.equal(res.statusCode, 200, assurance.amr.join(','))
    t.strictSame(res.json(), payload)
    t.strictSame(await app.verifyAccessToken(token), payload, 'the same outside a request')
  }
})

t.test('a token from before the assurance claims counts as a password sign-in at its issue time', async (t) => {
  const app = await buildApp(t)
  const payload = claims({}, ['amr', 'acr', 'auth_time'])
  const token = await sign({ payload })
  const expected = { ...payload, amr: ['pwd'], acr: 'urn:rekam:aal1', auth_time: payload.iat }
  for (let i = 0; i < 2; i++) {
    const res = await get(app, `Bearer ${token}`)
    t.equal(res.statusCode, 200, `request ${i + 1} (the second from the verified-tokens memory)`)
    t.strictSame(res.json(), expected)
  }
  t.strictSame(await app.verifyAccessToken(token), expected)
})

t.test('malformed assurance claims: 401 TOKEN_INVALID', async (t) => {
  const app = await buildApp(t, { verifiedTokensCacheSize: 0 })
  const malformed: Array<[string, Record<string, unknown>, string[]?]> = [
    ['amr not an array', { amr: 'pwd' }],
    ['amr of numbers', { amr: [1, 2] }],
    ['amr empty', { amr: [] }],
    ['amr with an empty string', { amr: ['pwd', ''] }],
    ['an unknown acr', { acr: 'urn:rekam:aal3' }],
    ['acr of another issuer', { acr: 'phr' }],
    ['auth_time a string', { auth_time: '1700000000' }],
    ['auth_time not whole', { auth_time: now() - 0.5 }],
    ['acr without the others', { acr: 'urn:rekam:aal2' }, ['amr', 'auth_time']],
    ['no auth_time', {}, ['auth_time']],
    ['no amr', {}, ['amr']],
  ]
  for (const [label, overrides, omit] of malformed) {
    await assertRefused(t, app, `Bearer ${await sign({ payload: claims(overrides, omit) })}`, 'TOKEN_INVALID', label)
  }
  const partial = await get(app, `Bearer ${await sign({ payload: claims({}, ['auth_time']) })}`)
  t.equal(partial.json().error.message, 'The access token carries only some of amr, acr and auth_time')
})

t.test('a sign-in time in the future beyond the skew: 401 TOKEN_INVALID', async (t) => {
  const app = await buildApp(t)
  const res = await get(app, `Bearer ${await sign({ payload: claims({ auth_time: now() + 60 }) })}`)
  t.strictSame(res.json(), {
    success: false,
    error: { code: 'TOKEN_INVALID', message: 'The access token\'s sign-in time is in the future', requestId: res.json().error?.requestId },
  })
  t.equal(res.headers['www-authenticate'], 'Bearer error="invalid_token"')
  t.equal((await get(app, `Bearer ${await sign({ payload: claims({ auth_time: now() + 2 }) })}`)).statusCode, 200, 'within the 5 s skew')
})
