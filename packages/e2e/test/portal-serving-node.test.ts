/**
 * The local Node gateway (packages/launcher, `pnpm start`) serving a portal build at `/`
 * (`portalDir`): the page with the strict CSP, hashed assets cached for a year, a browser's deep
 * links answered with the page, the 404 envelope for everything else, the API proxied as before.
 * Over real HTTP, with a portal folder written by the test.
 */
import { unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { buildGateway, type GatewayOptions } from '@rekam/launcher'
import t, { type Test } from 'tap'
import { checkPortal, labelledUpstream, picked, writePortal } from './helpers/portal-fixture.js'
import { send } from './helpers/raw-http.js'

async function startGateway (t: Test, options: Partial<GatewayOptions>): Promise<string> {
  const upstreams = { auth: `http://${await labelledUpstream(t, 'auth')}`, records: `http://${await labelledUpstream(t, 'records')}` }
  const gateway = await buildGateway({ upstreams, logLevel: false, ...options })
  t.teardown(() => gateway.close())
  return gateway.listen({ host: '127.0.0.1', port: 0 })
}

t.test('with portalDir', async (t) => {
  const base = await startGateway(t, { portalDir: writePortal(t), indexPage: true })
  checkPortal(t, base, (method, path) => `Route ${method} ${path.split('?')[0]} not found`)
})

t.test('a conditional GET of an asset is answered 304 with the same headers', async (t) => {
  const base = await startGateway(t, { portalDir: writePortal(t) })
  const first = await send(base, 'GET', '/assets/index-3f9a1c2e.js')
  const again = await send(base, 'GET', '/assets/index-3f9a1c2e.js', { 'if-none-match': String(first.headers.etag) })
  t.equal(again.status, 304)
  const { 'content-type': _type, ...withoutType } = picked(first)
  t.strictSame(picked(again), withoutType, 'the caching and the policy, no content headers')
})

t.test('a portal folder without index.html: `/` and deep links are the 404 envelope, not a loop', async (t) => {
  const dir = writePortal(t)
  unlinkSync(join(dir, 'index.html'))
  const base = await startGateway(t, { portalDir: dir })
  for (const path of ['/', '/records/123', '/index.html']) {
    const res = await send(base, 'GET', path, { accept: 'text/html' })
    t.strictSame([res.status, res.body], [404, { success: false, error: { code: 'NOT_FOUND', message: `Route GET ${path} not found`, requestId: res.headers['x-request-id'] } }], path)
  }
  const asset = await send(base, 'GET', '/assets/index-3f9a1c2e.js')
  t.equal(asset.status, 200, 'the rest of the folder is still served')
})

t.test('without portalDir: the index page at `/` as before, nothing else', async (t) => {
  const base = await startGateway(t, { indexPage: true })
  const index = await send(base, 'GET', '/', { accept: 'text/html' })
  t.equal(index.status, 200)
  t.equal(index.headers['content-security-policy'], "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
  t.match(index.body, /<h1>rekam<\/h1>/)
  const deep = await send(base, 'GET', '/records/123', { accept: 'text/html' })
  t.strictSame([deep.status, deep.body.error.code], [404, 'NOT_FOUND'], 'no deep links without a portal')
})
