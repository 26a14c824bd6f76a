import t from 'tap'
import { buildApp, claims, get, makeKey, now, sign } from './helpers.js'

t.test('401 answers carry an RFC 6750 Bearer challenge; 403 does not', async (t) => {
  const key = makeKey('RS256', 'challenge-key')
  const app = await buildApp(t, { keys: [{ kid: key.kid, publicKey: key.publicPem }] })

  t.equal((await get(app)).headers['www-authenticate'], 'Bearer', 'no token: just the scheme')
  for (const authorization of ['Bearer a.b.c', 'Basic abc', `Bearer ${await sign({ key, payload: claims({ exp: now() - 600 }) })}`]) {
    const res = await get(app, authorization)
    t.equal(res.statusCode, 401)
    t.equal(res.headers['www-authenticate'], 'Bearer error="invalid_token"', authorization.slice(0, 12))
  }
  const ok = await get(app, `Bearer ${await sign({ key })}`)
  t.equal(ok.statusCode, 200)
  t.notOk(ok.headers['www-authenticate'])
  const patient = await get(app, `Bearer ${await sign({ key, payload: claims({ role: 'PATIENT' }) })}`, '/admin')
  t.equal(patient.statusCode, 403)
  t.notOk(patient.headers['www-authenticate'], 'a 403 is not an authentication problem')
})
