/**
 * The portal served alone, as the Kubernetes portal pod runs it: the real nginx with the
 * committed gateway/portal-only main configuration and template. It serves the portal exactly as
 * the gateway does (the same checks, then both side by side), proxies nothing (the Ingress sends
 * the API's prefixes to the services), and its blocks are the gateway template's, byte for byte.
 */
import { readFileSync } from 'node:fs'
import t, { type Test } from 'tap'
import { GATEWAY_TEMPLATE, findNginx, startNginx } from '@rekam/testing/e2e'
import { PORTAL_ONLY_MAIN, PORTAL_ONLY_TEMPLATE, startPortalNginx } from './helpers/portal-nginx.js'
import { checkPortal, comparable, labelledUpstream, writePortal } from './helpers/portal-fixture.js'
import { send } from './helpers/raw-http.js'

const nginxBin = findNginx()
const BROWSER = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }

/** The blocks of an nginx configuration at the top level and in `server`, by their opening line. */
function blocks (config: string): Map<string, string> {
  const lines = config.split('\n')
  const found = new Map<string, string>()
  lines.forEach((line, i) => {
    const open = /^( {0,2})(\S.*) \{$/.exec(line)
    if (!open || open[2] === 'server') return
    const end = lines.findIndex((l, j) => j > i && l === `${open[1]}}`)
    found.set(open[2]!, lines.slice(i, end + 1).join('\n'))
  })
  return found
}

/** Directive lines of the server block, outside its locations. */
const serverLines = (config: string) => config.split('\n').filter((l) => /^ {2}[a-z_]+ /.test(l) && !l.startsWith('  location'))

async function portal (t: Test) {
  const portalRoot = writePortal(t)
  return { portalRoot, portal: await startPortalNginx(t, nginxBin!, portalRoot) }
}

function main () {
  t.test('the portal pod\'s nginx serves the portal as the gateway does', async (t) => {
    const { portal: running } = await portal(t)
    checkPortal(t, running.url, () => 'Route not found', { proxies: false })
    t.test('its own liveness answer; the API\'s namespace and readiness are the 404 envelope', async (t) => {
      const live = await send(running.url, 'GET', '/health/live')
      t.strictSame([live.status, live.body], [200, { success: true, data: { status: 'live' } }])
      for (const path of ['/api/records/123', '/api/auth/login', '/api/users', '/health/ready']) {
        const res = await send(running.url, 'GET', path, BROWSER)
        t.strictSame([res.status, res.body.error?.code], [404, 'NOT_FOUND'], `${path}: not the portal's, and never passed on`)
      }
    })
    t.test('the access log holds no query string; nothing in the error log', async (t) => {
      await send(running.url, 'GET', '/records/123?search=Siti', BROWSER)
      t.match(running.accessLog(), /"GET \/records\/123\?\[redacted\] HTTP\/1\.1" 200 /)
      t.notMatch(running.accessLog(), /Siti/)
      t.notMatch(running.errorLog(), /\[(error|crit|alert|emerg)\]/)
    })
  })

  t.test('the portal pod and the gateway answer the same for every path but the API\'s', async (t) => {
    const { portalRoot, portal: running } = await portal(t)
    const upstreams = { auth: await labelledUpstream(t, 'auth'), records: await labelledUpstream(t, 'records') }
    const gateway = await startNginx(t, upstreams, nginxBin, { portalRoot })
    const paths = ['/', '/index.html', '/assets/index-3f9a1c2e.js', '/assets/index-8b0d4e11.css', '/favicon.svg', '/assets/missing.js',
      '/assets/', '/assets', '/records/123', '/records/123?tab=log', '/admin/users/', '/api', '/api/unknown', '/health', '/health/live',
      '/health/unknown', '/index.htm', `/${'a'.repeat(9000)}`]
    for (const path of paths) {
      for (const headers of [BROWSER, { accept: '*/*' }, {}, { ...BROWSER, 'x-forwarded-proto': 'https' }]) {
        const [alone, viaGateway] = await Promise.all([send(running.url, 'GET', path, headers), send(gateway.url, 'GET', path, headers)])
        t.strictSame(comparable(alone), comparable(viaGateway), `GET ${path.slice(0, 40)} ${JSON.stringify(headers)}`)
      }
      for (const method of ['HEAD', 'POST']) {
        const [alone, viaGateway] = await Promise.all([send(running.url, method, path, BROWSER), send(gateway.url, method, path, BROWSER)])
        t.strictSame(comparable(alone), comparable(viaGateway), `${method} ${path.slice(0, 40)}`)
      }
    }
    const [alone, viaGateway] = await Promise.all([send(running.url, 'POST', '/', {}, 200_000), send(gateway.url, 'POST', '/', {}, 200_000)])
    t.strictSame(comparable(alone), comparable(viaGateway), 'a body over the limit: 413 from both')
  })

  t.test('the portal-only template: the gateway\'s blocks byte for byte, no upstream, two variables', async (t) => {
    const alone = readFileSync(PORTAL_ONLY_TEMPLATE, 'utf8')
    const gateway = readFileSync(GATEWAY_TEMPLATE, 'utf8')
    const gatewayBlocks = blocks(gateway)
    const aloneBlocks = blocks(alone)
    t.ok(['location /', 'location = /health/live', 'map "$scheme,$http_x_forwarded_proto" $rekam_hsts'].every((b) => aloneBlocks.has(b)), 'the portal, liveness and HSTS blocks are there')
    for (const [opening, text] of aloneBlocks) t.equal(text, gatewayBlocks.get(opening), `${opening}: the gateway's`)
    for (const line of serverLines(alone).filter((l) => !l.startsWith('  listen '))) t.ok(serverLines(gateway).includes(line), `${line.trim()}: as at the gateway`)
    t.ok(gateway.includes(alone.slice(alone.indexOf('log_format'), alone.indexOf("'$rekam_request_id';"))), 'the access log format is the gateway\'s')
    t.notMatch(alone.replace(/#.*$/gm, ''), /proxy_pass|resolver|auth_request/, 'nothing is proxied, no name is resolved')
    t.strictSame([...new Set(alone.match(/\$\{\w+\}/g))].map((v) => v.slice(2, -1)).sort(), ['GATEWAY_PORT', 'PORTAL_ROOT'], 'the image\'s entrypoint fills in GATEWAY_PORT and PORTAL_ROOT')
    const main = readFileSync(PORTAL_ONLY_MAIN, 'utf8')
    t.notMatch(main, /^\s*user\s/m, 'no `user` directive: the pod\'s non-root user runs every process')
    t.match(main, /^worker_processes \d+;$/m, 'a fixed number of workers (auto counts the node\'s CPUs, not the pod\'s)')
  })
}

// CI has nginx and must run these; elsewhere a machine without it skips them.
if (!nginxBin && !process.env.CI) t.plan(0, 'nginx is not installed; set NGINX_BIN to run the gateway end-to-end tests')
else main()
