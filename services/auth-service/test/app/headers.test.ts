import t from 'tap'
import { buildTestApp, register } from '../helper.js'

t.test('caching and security headers on real routes', async (t) => {
  const app = await buildTestApp(t, { env: { CORS_ORIGINS: 'https://clinic.example' } })
  const user = await register(app)
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.user.username, password: user.password } })
  t.equal(login.headers['cache-control'], 'no-store', 'token responses are never cached')
  t.equal(login.headers.pragma, 'no-cache', 'not by HTTP/1.0 caches either (RFC 6749 5.1)')
  const failed = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.user.username, password: 'nope-nope' } })
  t.equal(failed.headers['cache-control'], 'no-store', 'errors too')
  t.equal(failed.headers.pragma, 'no-cache')
  const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${user.tokens.accessToken}`, origin: 'https://clinic.example' } })
  t.equal(me.headers['cache-control'], 'no-store')
  t.equal(me.headers.pragma, 'no-cache')
  t.equal(me.headers['access-control-allow-origin'], 'https://clinic.example')
  t.equal(me.headers['x-content-type-options'], 'nosniff')
  const jwks = await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })
  t.equal(jwks.headers['cache-control'], 'public, max-age=60', 'public keys may be cached briefly')
  t.equal(jwks.headers.pragma, undefined, 'and carry no Pragma')

  const docs = await app.inject({ method: 'GET', url: '/api/auth/docs/' })
  t.equal(docs.statusCode, 200, 'the docs UI is served')
  t.notMatch(docs.headers['content-security-policy'], /default-src 'none'/, 'with its own policy, so it can run')
})
