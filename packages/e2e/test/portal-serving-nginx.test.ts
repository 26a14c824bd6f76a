/**
 * The real nginx with the committed template (gateway/templates/default.conf.template) serving a
 * portal build from PORTAL_ROOT at `/`: the same checks as the local Node gateway's
 * (portal-serving-node.test.ts), then both gateways side by side on the same requests, which must
 * get the same status, the same compared headers and the same body.
 */
import { buildGateway } from '@rekam/launcher'
import t, { type Test } from 'tap'
import { findNginx, startNginx } from '@rekam/testing/e2e'
import { checkPortal, comparable, labelledUpstream, picked, PORTAL_FILES, writePortal } from './helpers/portal-fixture.js'
import { send } from './helpers/raw-http.js'

const nginxBin = findNginx()

async function gateways (t: Test) {
  const portalRoot = writePortal(t)
  const upstreams = { auth: await labelledUpstream(t, 'auth'), records: await labelledUpstream(t, 'records') }
  const nginx = await startNginx(t, upstreams, nginxBin, { portalRoot })
  const node = await buildGateway({ upstreams: { auth: `http://${upstreams.auth}`, records: `http://${upstreams.records}` }, logLevel: false, portalDir: portalRoot })
  t.teardown(() => node.close())
  return { nginx: nginx.url, node: await node.listen({ host: '127.0.0.1', port: 0 }), nginxLog: nginx.errorLog }
}

function main () {
  t.test('nginx serves the portal', async (t) => {
    const { nginx, nginxLog } = await gateways(t)
    checkPortal(t, nginx, () => 'Route not found')
    t.test('nothing in nginx\'s error log', async (t) => {
      t.notMatch(nginxLog(), /\[(error|crit|alert|emerg)\]/)
    })
  })

  t.test('nginx and the Node gateway answer the same', async (t) => {
    const { nginx, node } = await gateways(t)
    const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }
    const requests: Array<[string, string, Record<string, string>]> = []
    const paths = ['/', '/index.html', '/assets/index-3f9a1c2e.js', '/assets/index-8b0d4e11.css', '/assets/logo-5c2e9a70.svg',
      '/favicon.svg', '/assets/missing.js', '/assets/', '/assets', '/records/123', '/records/123?tab=log', '/admin/users/', '/api',
      '/api/unknown', '/health', '/health/live', '/health/ready', '/health/unknown', '/index.htm']
    for (const path of paths) {
      for (const headers of [browser, { accept: '*/*' }, {}, { ...browser, 'x-forwarded-proto': 'https' }]) requests.push(['GET', path, headers])
      requests.push(['HEAD', path, browser], ['POST', path, browser])
    }
    // Proxied as before (over HTTPS nginx adds HSTS to a service's answer, the Node gateway relays
    // the service's own: gateway-answers.test.ts).
    for (const path of ['/api/records/1', '/.well-known/jwks.json']) requests.push(['GET', path, browser], ['POST', path, browser])
    for (const [method, path, headers] of requests) {
      const [viaNginx, viaNode] = await Promise.all([send(nginx, method, path, headers), send(node, method, path, headers)])
      t.strictSame(comparable(viaNginx), comparable(viaNode), `${method} ${path} ${JSON.stringify(headers)}`)
    }
  })

  t.test('nginx compresses the build\'s text for a client that accepts gzip (the Node gateway, local, does not)', async (t) => {
    const { nginx } = await gateways(t)
    const path = '/assets/index-3f9a1c2e.js'
    const res = await fetch(`${nginx}${path}`, { headers: { 'accept-encoding': 'gzip' } })
    t.strictSame([res.status, res.headers.get('content-encoding'), res.headers.get('vary'), await res.text()], [200, 'gzip', 'Accept-Encoding', PORTAL_FILES[path.slice(1)]])
    const plain = await send(nginx, 'GET', path)
    t.equal(plain.headers['content-encoding'], undefined, 'none without accept-encoding')
    const api = await fetch(`${nginx}/api/records/1`, { headers: { 'accept-encoding': 'gzip' } })
    t.strictSame([api.status, api.headers.get('content-encoding')], [200, null], 'never an API answer')
  })

  t.test('a conditional GET: 304 from both, with the same caching and policy', async (t) => {
    const { nginx, node } = await gateways(t)
    for (const base of [nginx, node]) {
      const first = await send(base, 'GET', '/assets/index-3f9a1c2e.js')
      const again = await send(base, 'GET', '/assets/index-3f9a1c2e.js', { 'if-none-match': String(first.headers.etag) })
      const { 'content-type': _type, ...cached } = picked(first)
      t.strictSame([again.status, picked(again)], [304, cached], base === nginx ? 'nginx' : 'node')
    }
  })
}

// CI has nginx and must run these; elsewhere a machine without it skips them.
if (!nginxBin && !process.env.CI) t.plan(0, 'nginx is not installed; set NGINX_BIN to run the gateway end-to-end tests')
else main()
