/**
 * A portal build as Vite lays it out (index.html, hashed files under assets/, an unhashed file of
 * public/), written by the test, and the answers both gateways must give for it: the checks of
 * portal-serving-node.test.ts and portal-serving-nginx.test.ts.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import type { Test } from 'tap'
import { tempDir } from '@rekam/testing/e2e'
import { send, type RawAnswer } from './raw-http.js'

export const PAGE = '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>rekam</title>\n' +
  '<script type="module" crossorigin src="/assets/index-3f9a1c2e.js"></script>\n' +
  '<link rel="stylesheet" crossorigin href="/assets/index-8b0d4e11.css">\n</head>\n<body><div id="root"></div></body>\n</html>\n'

export const PORTAL_FILES: Record<string, string> = {
  'index.html': PAGE,
  'assets/index-3f9a1c2e.js': 'document.getElementById("root").textContent = "rekam"\n',
  'assets/index-8b0d4e11.css': 'body{margin:0}\n',
  'assets/logo-5c2e9a70.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n',
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>\n',
}

/** The portal folder in a fresh temporary directory (readable by nginx's workers when tests run as root). */
export function writePortal (t: Test, files: Record<string, string> = PORTAL_FILES): string {
  const dir = join(tempDir(t, 'portal'), 'dist')
  mkdirSync(dir)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  for (const folder of [dirname(dir), dir, join(dir, 'assets')]) chmodSync(folder, 0o755)
  return dir
}

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

/** The headers compared; the others (date, etag, last-modified, connection) are each gateway's own. */
const COMPARED = ['content-type', 'cache-control', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'strict-transport-security', 'pragma'] as const

export function picked (res: RawAnswer): Record<string, string> {
  return Object.fromEntries(COMPARED.flatMap((name) => res.headers[name] === undefined ? [] : [[name, String(res.headers[name])]]))
}

/** What two gateways' answers must share: the status, the compared headers, the body (an envelope: its code and requestId's presence). */
export function comparable (res: RawAnswer) {
  const { requestId, message: _message, ...error } = res.body?.error ?? {}
  const body = res.body?.error ? { ...res.body, error: { ...error, requestId: typeof requestId } } : res.body
  // The charset of the gateway's own JSON is each gateway's own (nginx: none, Node: utf-8), as before.
  const headers = picked(res)
  if (headers['content-type']?.startsWith('application/json;')) headers['content-type'] = 'application/json'
  return { status: res.status, headers, body }
}

const portalHeaders = (type: string, cacheControl: string) => ({
  'content-type': type,
  'cache-control': cacheControl,
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
})
export const PAGE_HEADERS = portalHeaders('text/html; charset=utf-8', 'no-cache')
const IMMUTABLE = 'public, max-age=31536000, immutable'
export const GATEWAY_404_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', pragma: 'no-cache' }

/** An upstream that answers every request with its name and the path it received. */
export async function labelledUpstream (t: Test, name: string): Promise<string> {
  const server = createServer((req, res) => {
    req.resume().on('end', () => {
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ upstream: name, path: req.url }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }))
  return `127.0.0.1:${(server.address() as AddressInfo).port}`
}

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }
const API_CLIENT = { accept: '*/*' }

/**
 * The portal as served by one gateway at `base`, with the fixture above in its folder and the
 * labelled upstreams behind it. `notFound` is that gateway's 404 message for a method and path.
 */
export function checkPortal (t: Test, base: string, notFound: (method: string, path: string) => string, { proxies = true } = {}) {
  function assertNotFound (t: Test, res: RawAnswer, method: string, path: string) {
    t.equal(res.status, 404, `${method} ${path}: 404`)
    // The content-type's charset is each gateway's own (nginx: none, Node: utf-8).
    t.strictSame({ ...picked(res), 'content-type': String(res.headers['content-type']).split(';')[0] }, GATEWAY_404_HEADERS, `${method} ${path}: the gateway's own 404 headers`)
    t.strictSame(res.body, { success: false, error: { code: 'NOT_FOUND', message: notFound(method, path), requestId: res.headers['x-request-id'] } }, `${method} ${path}: the envelope`)
  }

  t.test('the page at / and /index.html, whatever the client accepts', async (t) => {
    for (const [path, headers] of [['/', API_CLIENT], ['/', BROWSER], ['/', {}], ['/index.html', API_CLIENT]] as const) {
      const res = await send(base, 'GET', path, headers)
      t.equal(res.status, 200, `${path} ${JSON.stringify(headers)}`)
      t.strictSame(picked(res), PAGE_HEADERS, 'strict CSP, revalidated on every use')
      t.equal(res.body, PAGE)
    }
  })

  t.test('hashed assets: a year, immutable, each with its type', async (t) => {
    for (const [path, type] of [
      ['/assets/index-3f9a1c2e.js', 'application/javascript; charset=utf-8'],
      ['/assets/index-8b0d4e11.css', 'text/css; charset=utf-8'],
      ['/assets/logo-5c2e9a70.svg', 'image/svg+xml'],
    ] as const) {
      const res = await send(base, 'GET', path, BROWSER)
      t.equal(res.status, 200, path)
      t.strictSame(picked(res), portalHeaders(type, IMMUTABLE), `${path} headers`)
      t.equal(res.body, PORTAL_FILES[path.slice(1)])
    }
  })

  t.test('an unhashed file (the portal\'s public/) is revalidated', async (t) => {
    const res = await send(base, 'GET', '/favicon.svg', { accept: 'image/svg+xml,*/*' })
    t.equal(res.status, 200)
    t.strictSame(picked(res), portalHeaders('image/svg+xml', 'no-cache'))
    t.equal(res.body, PORTAL_FILES['favicon.svg'])
  })

  t.test('a browser\'s deep link (a client-side route) gets the page', async (t) => {
    for (const path of ['/records/123', '/records/123?tab=access-log', '/admin/users/', '/assets', '/sign-in.html']) {
      const res = await send(base, 'GET', path, BROWSER)
      t.equal(res.status, 200, path)
      t.strictSame(picked(res), PAGE_HEADERS, `${path}: the page's headers`)
      t.equal(res.body, PAGE, `${path}: the page`)
    }
    const head = await send(base, 'HEAD', '/records/123', BROWSER)
    t.strictSame([head.status, picked(head), head.body], [200, PAGE_HEADERS, ''], 'HEAD too')
  })

  t.test('the 404 envelope: a missing asset, an API client\'s unknown path, other methods, the API\'s namespace', async (t) => {
    const cases: Array<[string, string, Record<string, string>]> = [
      ['GET', '/assets/index-00000000.js', BROWSER],
      ['GET', '/assets/index-00000000.js', API_CLIENT],
      ['GET', '/assets/', BROWSER],
      ['GET', '/records/123', API_CLIENT],
      ['GET', '/favicon.ico', { accept: 'image/avif,image/webp,image/*,*/*;q=0.8' }],
      ['POST', '/records/123', BROWSER],
      ['POST', '/index.html', BROWSER],
      ['DELETE', '/assets/index-3f9a1c2e.js', API_CLIENT],
      ['GET', '/api', BROWSER],
      ['GET', '/api/unknown', BROWSER],
      ['GET', '/health', BROWSER],
      ['GET', '/health/unknown', BROWSER],
      ['POST', '/health/live', BROWSER],
      ['POST', '/health/ready', BROWSER],
    ]
    for (const [method, path, headers] of cases) assertNotFound(t, await send(base, method, path, headers), method, path)
  })

  // The portal served alone (Kubernetes) proxies nothing: portal-serving-kubernetes.test.ts.
  t.test('the API is proxied as before, whatever the client accepts', { skip: proxies ? false : 'this nginx serves the portal alone' }, async (t) => {
    for (const [path, upstream] of [['/api/records/123', 'records'], ['/api/auth/docs', 'auth'], ['/.well-known/jwks.json', 'auth'], ['/api/patients', 'records']] as const) {
      const res = await send(base, 'GET', path, BROWSER)
      t.strictSame([res.status, res.body], [200, { upstream, path }], `${path} goes to ${upstream}`)
      t.equal(res.headers['content-security-policy'], undefined, 'the service\'s own headers, not the portal\'s')
    }
    const live = await send(base, 'GET', '/health/live', BROWSER)
    t.strictSame([live.status, live.body], [200, { success: true, data: { status: 'live' } }], 'the gateway\'s health')
    const ready = await send(base, 'GET', '/health/ready', BROWSER)
    t.strictSame([ready.status, ready.body], [200, { success: true, data: { status: 'ready' } }], 'the services\' readiness (both upstreams answer 200)')
  })

  t.test('HSTS on portal answers over HTTPS only (a TLS terminator in front says so)', async (t) => {
    const secure = await send(base, 'GET', '/records/123', { ...BROWSER, 'x-forwarded-proto': 'https' })
    t.strictSame(picked(secure), { ...PAGE_HEADERS, 'strict-transport-security': 'max-age=31536000; includeSubDomains' })
    const asset = await send(base, 'GET', '/assets/index-3f9a1c2e.js', { 'x-forwarded-proto': 'https' })
    t.equal(asset.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains')
    const plain = await send(base, 'GET', '/', { 'x-forwarded-proto': 'http' })
    t.equal(plain.headers['strict-transport-security'], undefined)
  })
}
