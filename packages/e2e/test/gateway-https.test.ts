/**
 * The optional HTTPS gateway (docker-compose.https.yml): the real nginx with the committed
 * template plus gateway/https/tls.inc.template and a self-signed certificate made here, on
 * loopback ports. Plain HTTP redirects to HTTPS (its health check excepted); HSTS goes on HTTPS
 * answers only, whatever a service sends.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { HSTS } from '@rekam/server-kit'
import t, { type Test } from 'tap'
import { findNginx, freePort, renderTemplate, repoPath, startNginx, tempDir } from '@rekam/testing/e2e'
import { send, type RawAnswer } from './helpers/raw-http.js'

const nginxBin = findNginx()

/** A service that reports the scheme the gateway told it, and sends HSTS even over HTTP. */
async function echoService (t: Test): Promise<string> {
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json')
    res.setHeader('strict-transport-security', 'max-age=1')
    res.end(JSON.stringify({ proto: req.headers['x-forwarded-proto'], method: req.method, path: req.url }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }))
  return `127.0.0.1:${(server.address() as AddressInfo).port}`
}

function selfSigned (t: Test) {
  const dir = tempDir(t, 'tls')
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'tls.key'), '-out', join(dir, 'tls.crt')], { stdio: 'ignore' })
  return { cert: readFileSync(join(dir, 'tls.crt')), key: readFileSync(join(dir, 'tls.key')) }
}

function getHttps (port: number, path: string, ca: Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, path, ca }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => { text += chunk })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }))
    })
    req.on('error', reject)
    req.end()
  })
}

t.test('the HTTPS gateway: redirect from HTTP, HSTS only over HTTPS', { skip: !nginxBin && !process.env.CI ? 'nginx is not installed' : false }, async (t) => {
  const service = await echoService(t)
  const { cert, key } = selfSigned(t)
  const httpsPort = await freePort()
  const tls = renderTemplate({ GATEWAY_HTTPS_PORT: `127.0.0.1:${httpsPort}`, GATEWAY_HTTPS_PUBLISHED_PORT: String(httpsPort) },
    readFileSync(repoPath('gateway', 'https', 'tls.inc.template'), 'utf8'))
  const gateway = await startNginx(t, { auth: service, records: service }, nginxBin, {
    files: { 'conf.d/tls.inc': tls, 'certs/tls.crt': cert, 'certs/tls.key': key },
  })

  t.test('plain HTTP is sent to the same URL over HTTPS, method kept; no HSTS', async (t) => {
    for (const [method, path] of [['GET', '/api/auth/me?lang=id'], ['POST', '/api/auth/login'], ['GET', '/nowhere']] as const) {
      const res = await send(gateway.url, method, path)
      t.equal(res.status, 308, `${method} ${path}`)
      t.equal(res.headers.location, `https://127.0.0.1:${httpsPort}${path}`)
      t.equal(res.headers['strict-transport-security'], undefined, 'no HSTS over HTTP')
    }
    const health = await send(gateway.url, 'GET', '/health/live')
    t.equal(health.status, 200, 'the container\'s health check still answers over HTTP')
    t.equal(health.headers['strict-transport-security'], undefined)
  })

  t.test('over HTTPS: proxied with X-Forwarded-Proto https, and the gateway\'s HSTS', async (t) => {
    const proxied = await getHttps(httpsPort, '/api/records?page=1', cert)
    t.equal(proxied.status, 200)
    t.strictSame(proxied.body, { proto: 'https', method: 'GET', path: '/api/records?page=1' })
    t.equal(proxied.headers['strict-transport-security'], HSTS, 'one HSTS value, the gateway\'s (the service\'s is replaced)')
    for (const path of ['/nowhere', '/health/live']) {
      const own = await getHttps(httpsPort, path, cert)
      t.equal(own.headers['strict-transport-security'], HSTS, `${path}: the gateway's own answer too`)
    }
  })
})

t.test('without the HTTPS override: no redirect, and no HSTS even when a service sends it', { skip: !nginxBin && !process.env.CI ? 'nginx is not installed' : false }, async (t) => {
  const service = await echoService(t)
  const gateway = await startNginx(t, { auth: service, records: service }, nginxBin)
  const res = await send(gateway.url, 'GET', '/api/auth/me')
  t.equal(res.status, 200)
  t.equal(res.body.proto, 'http')
  t.equal(res.headers['strict-transport-security'], undefined)
})
