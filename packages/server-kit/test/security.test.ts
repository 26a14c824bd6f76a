import Fastify from 'fastify'
import t from 'tap'
import securityPlugin, { helmetHeaders } from '../src/security.js'

async function appWith (corsOrigins?: string) {
  const app = Fastify()
  await app.register(securityPlugin, { corsOrigins })
  app.get('/thing', async () => ({ ok: true }))
  return app
}

t.test('security headers for a JSON API, and no banner', async (t) => {
  const app = await appWith()
  t.teardown(() => app.close())
  const res = await app.inject({ method: 'GET', url: '/thing' })
  t.equal(res.headers['x-content-type-options'], 'nosniff')
  t.match(res.headers['content-security-policy'], /default-src 'none'/)
  t.match(res.headers['content-security-policy'], /frame-ancestors 'none'/)
  t.notOk(res.headers['strict-transport-security'], 'no HSTS over plain HTTP')
  t.notOk(res.headers['x-powered-by'])
  t.notOk(res.headers.server)
})

t.test('CORS answers only listed origins and never reflects others', async (t) => {
  const none = await appWith()
  t.teardown(() => none.close())
  const unlisted = await none.inject({ method: 'GET', url: '/thing', headers: { origin: 'https://evil.example' } })
  t.notOk(unlisted.headers['access-control-allow-origin'], 'no CORS without an allow-list')

  const app = await appWith('https://clinic.example, https://admin.clinic.example')
  t.teardown(() => app.close())
  const listed = await app.inject({ method: 'GET', url: '/thing', headers: { origin: 'https://admin.clinic.example' } })
  t.equal(listed.headers['access-control-allow-origin'], 'https://admin.clinic.example')
  const other = await app.inject({ method: 'GET', url: '/thing', headers: { origin: 'https://evil.example' } })
  t.notOk(other.headers['access-control-allow-origin'], 'an unlisted origin is not reflected')
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/thing',
    headers: { origin: 'https://clinic.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  })
  t.equal(preflight.statusCode, 204)
  t.equal(preflight.headers['access-control-allow-origin'], 'https://clinic.example')
  t.match(preflight.headers['access-control-allow-headers'], /authorization/)
  t.match(preflight.headers['access-control-allow-headers'], /x-rekam-csrf/, 'the CSRF header of cookie-authenticated requests')
  t.equal(preflight.headers['access-control-allow-credentials'], 'true', 'a listed origin may send the refresh cookie')
  const unlistedPreflight = await app.inject({
    method: 'OPTIONS',
    url: '/thing',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-rekam-csrf' },
  })
  // (@fastify/cors still says allow-credentials, inert without an allowed origin.)
  t.notOk(unlistedPreflight.headers['access-control-allow-origin'], 'an unlisted origin is not allowed, credentials or not')
})

t.test('every answer carries all of helmet\'s headers, not-found and error answers too', async (t) => {
  const app = await appWith()
  t.teardown(() => app.close())
  app.get('/broken', async () => { throw new Error('boom') })
  const expected = helmetHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], upgradeInsecureRequests: null } }, strictTransportSecurity: false, crossOriginResourcePolicy: { policy: 'same-site' } })
  t.ok(Object.keys(expected).length >= 10, `helmet gives its whole set (${Object.keys(expected).join(', ')})`)
  for (const url of ['/thing', '/nowhere', '/broken']) {
    const res = await app.inject({ method: 'GET', url })
    for (const [name, value] of Object.entries(expected)) t.equal(res.headers[name], value, `${url}: ${name}`)
  }
  t.equal(expected['cross-origin-resource-policy'], 'same-site')
  t.equal(expected['x-frame-options'], 'SAMEORIGIN')
})
