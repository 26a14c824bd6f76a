import t from 'tap'
import { assertRefused, buildApp, claims, get, makeKey, now, sign } from './helpers.js'

const rsa = makeKey('RS256', 'rsa-1')
const keys = [{ kid: rsa.kid, publicKey: rsa.publicPem }]

t.test('iat in the future beyond the clock skew: 401 TOKEN_INVALID, every time', async (t) => {
  const app = await buildApp(t, { keys })
  const iat = now() + 60
  const token = await sign({ key: rsa, payload: claims({ iat, exp: iat + 900 }) })
  for (let i = 0; i < 3; i++) {
    const res = await get(app, `Bearer ${token}`)
    t.equal(res.statusCode, 401, `request ${i + 1}: the verified-tokens memory never holds it`)
    t.strictSame(res.json(), {
      success: false,
      error: { code: 'TOKEN_INVALID', message: 'The access token was issued in the future', requestId: res.json().error?.requestId },
    })
    t.equal(res.headers['www-authenticate'], 'Bearer error="invalid_token"')
  }
  await t.rejects(app.verifyAccessToken(token), { code: 'TOKEN_INVALID' }, 'nor does verification outside a request accept it')
})

t.test('iat a little ahead, within the 5 s skew, is accepted (and remembered)', async (t) => {
  const app = await buildApp(t, { keys })
  const payload = claims({ iat: now() + 2 })
  const token = await sign({ key: rsa, payload })
  for (let i = 0; i < 2; i++) {
    const res = await get(app, `Bearer ${token}`)
    t.equal(res.statusCode, 200)
    t.strictSame(res.json(), payload)
  }
})

t.test('the same rule with the cache off and a wider skew', async (t) => {
  const app = await buildApp(t, { keys, verifiedTokensCacheSize: 0, clockToleranceSeconds: 120 })
  const soon = await sign({ key: rsa, payload: claims({ iat: now() + 60 }) })
  t.equal((await get(app, `Bearer ${soon}`)).statusCode, 200, '60 s ahead is within a 120 s skew')
  const later = now() + 600
  await assertRefused(t, app, `Bearer ${await sign({ key: rsa, payload: claims({ iat: later, exp: later + 900 }) })}`, 'TOKEN_INVALID')
})
