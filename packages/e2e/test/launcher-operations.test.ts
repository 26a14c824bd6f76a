/**
 * The launcher as an operator meets it (packages/launcher/src/launch.ts): a port in use stops it
 * at once with one line naming the variable; GATEWAY_HOST serves the LAN; the gateway answers an
 * index page at `/` and `/health/live` as nginx does; Ctrl-C exits 0 and prints nothing more.
 * One full start (slow); the port checks stop before any service starts.
 */
import { createServer, type Server } from 'node:net'
import { networkInterfaces } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { buildGateway } from '@rekam/launcher'
import t from 'tap'
import { ManagedProcess, baseEnv, freePort, repoPath, repoRoot, tempDir } from '@rekam/testing/e2e'

const READY = 'Press Ctrl-C to stop.'

function launcher (name: string, env: Record<string, string>) {
  return new ManagedProcess(t, name, process.execPath, ['--conditions=@rekam/source', '--import=tsx', repoPath('packages/launcher/src/launch.ts')], {
    cwd: repoRoot,
    // No portal: the index page is what `/` answers then (the portal: portal-serving-launcher.test.ts).
    env: { ...baseEnv(), REKAM_DATA_DIR: tempDir(t, 'launcher-ops'), PORTAL_DIR: 'off', ...env },
  })
}

async function occupied (port: number): Promise<Server> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  t.teardown(() => server.close())
  return server
}

t.test('a port in use stops the launcher at once, with one line naming its variable', async (t) => {
  for (const variable of ['GATEWAY_PORT', 'AUTH_PORT', 'RECORDS_PORT']) {
    const ports: Record<string, string> = { GATEWAY_PORT: String(await freePort()), AUTH_PORT: String(await freePort()), RECORDS_PORT: String(await freePort()) }
    await occupied(Number(ports[variable]))
    const proc = launcher(`launcher (${variable} taken)`, ports)
    const exit = await Promise.race([proc.exited, sleep(30_000).then(() => undefined)])
    t.equal(exit?.code, 1, `${variable}: exits 1`)
    t.strictSame(proc.output.trim().split('\n'), [`rekam: port ${ports[variable]} on 127.0.0.1 is already in use; stop what listens there or choose another port (${variable})`], `${variable}: one line`)
  }
})

t.test('the Node gateway\'s own answers: /health/live as nginx\'s template, the index page only when asked', async (t) => {
  const upstreams = { auth: 'http://127.0.0.1:9', records: 'http://127.0.0.1:9' }
  const plain = await buildGateway({ upstreams, logLevel: false })
  const launcherGateway = await buildGateway({ upstreams, logLevel: false, indexPage: true })
  t.teardown(() => Promise.all([plain.close(), launcherGateway.close()]))
  for (const app of [plain, launcherGateway]) {
    const live = await app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'health-check-1' } })
    t.equal(live.statusCode, 200)
    t.equal(live.body, '{"success":true,"data":{"status":"live"}}', 'the template\'s body, byte for byte')
    t.match(live.headers, { 'content-type': /^application\/json/, 'x-request-id': 'health-check-1', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', pragma: 'no-cache' })
    t.equal(live.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP')
  }
  t.equal((await plain.inject({ method: 'GET', url: '/' })).statusCode, 404, 'without the index page, / is a 404 as nginx answers it')
})

t.test('GATEWAY_HOST serves the LAN; index page, health; Ctrl-C exits 0 quietly', async (t) => {
  const ports = { gateway: await freePort(), auth: await freePort(), records: await freePort() }
  const proc = launcher('launcher', { GATEWAY_HOST: '0.0.0.0', GATEWAY_PORT: String(ports.gateway), AUTH_PORT: String(ports.auth), RECORDS_PORT: String(ports.records) })
  await proc.waitFor(`"${READY}"`, () => proc.output.includes(READY), 150_000, 200)
  const lan = Object.values(networkInterfaces()).flatMap((entries) => entries ?? []).find((entry) => entry.family === 'IPv4' && !entry.internal)?.address

  t.test('the banner names the network addresses and the risk', async (t) => {
    if (lan) t.match(proc.output, `On the network    http://${lan}:${ports.gateway}`)
    t.match(proc.output, '(GATEWAY_HOST=0.0.0.0: anyone who reaches it can sign in with the demo accounts)')
  })

  t.test('the index page links the docs and health, with no script', async (t) => {
    for (const address of ['127.0.0.1', ...(lan ? [lan] : [])]) {
      const res = await fetch(`http://${address}:${ports.gateway}/`)
      t.equal(res.status, 200, `answers on ${address}`)
      t.match(res.headers.get('content-type'), /^text\/html; charset=utf-8/)
      t.equal(res.headers.get('content-security-policy'), "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
      const html = await res.text()
      for (const href of ['/api/auth/docs', '/api/records/docs', '/health/live']) t.match(html, `href="${href}"`, `links ${href}`)
      t.notMatch(html, /<script|<style|\sstyle=|\son[a-z]+=/i, 'no script or inline style')
    }
    for (const path of ['/api/auth/docs', '/api/records/docs', '/health/live']) {
      const res = await fetch(`http://127.0.0.1:${ports.gateway}${path}`)
      await res.arrayBuffer()
      t.equal(res.status, 200, `${path} answers 200`)
    }
  })

  t.test('Ctrl-C: exit 0, nothing printed after the banner, services closed', async (t) => {
    const before = proc.output.length
    proc.signal('SIGINT')
    const exit = await Promise.race([proc.exited, sleep(15_000).then(() => undefined)])
    t.equal(exit?.code, 0, 'exit code 0')
    t.equal(proc.output.slice(before).trim(), '', 'no error line, no stack')
    for (const port of Object.values(ports)) {
      const answered = await fetch(`http://127.0.0.1:${port}/health/live`).then(() => true, () => false)
      t.notOk(answered, `port ${port} is closed`)
    }
  })
})
