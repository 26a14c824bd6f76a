/**
 * HSTS and upgrade-insecure-requests only where HTTPS is real: a service reached over plain HTTP
 * (a LAN address, a test host) must not send browsers to an https:// that is not there.
 */
import Fastify from 'fastify'
import t from 'tap'
import docsPlugin, { withoutUpgradeInsecureRequests } from '../src/docs.js'
import securityPlugin, { HSTS } from '../src/security.js'
import { serverOptions } from '../src/server-options.js'

async function appWith (trustProxy?: string) {
  const app = Fastify(serverOptions({ logLevel: false, trustProxy }))
  await app.register(securityPlugin, {})
  await app.register(docsPlugin, { title: 'test', version: '1.0.0', description: 'test', routePrefix: '/docs' })
  app.get('/thing', async () => ({ ok: true }))
  t.teardown(() => app.close())
  return app
}

t.test('HSTS only when the request came over HTTPS, as a trusted proxy reports it', async (t) => {
  const trusting = await appWith('127.0.0.1')
  const get = (app: typeof trusting, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: '/thing', remoteAddress: '127.0.0.1', headers })
  t.equal((await get(trusting)).headers['strict-transport-security'], undefined, 'plain HTTP: none')
  t.equal((await get(trusting, { 'x-forwarded-proto': 'http' })).headers['strict-transport-security'], undefined, 'proxy says http: none')
  t.equal((await get(trusting, { 'x-forwarded-proto': 'https' })).headers['strict-transport-security'], HSTS, 'proxy says https: sent')

  const untrusting = await appWith()
  t.equal((await get(untrusting, { 'x-forwarded-proto': 'https' })).headers['strict-transport-security'], undefined,
    'a client\'s own claim, with no trusted proxy: none')
})

t.test('no upgrade-insecure-requests, on API answers or on the docs UI', async (t) => {
  const app = await appWith()
  const api = await app.inject({ method: 'GET', url: '/thing' })
  t.match(api.headers['content-security-policy'], /default-src 'none'/)
  t.notMatch(api.headers['content-security-policy'], /upgrade-insecure-requests/)

  for (const url of ['/docs/', '/docs/static/swagger-initializer.js']) {
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 200, url)
    const csp = String(res.headers['content-security-policy'])
    t.match(csp, /script-src 'self'/, `${url}: the UI's own policy`)
    t.notMatch(csp, /upgrade-insecure-requests/, `${url}: nothing upgraded`)
  }
})

t.test('withoutUpgradeInsecureRequests keeps every other directive as it was', async (t) => {
  t.equal(withoutUpgradeInsecureRequests("default-src 'self'; upgrade-insecure-requests; img-src data:;"), "default-src 'self'; img-src data:")
  t.equal(withoutUpgradeInsecureRequests("default-src 'self'"), "default-src 'self'")
})
