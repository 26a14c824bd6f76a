/**
 * The launcher as an operator meets it (packages/launcher/src/launch.ts): a port in use stops it
 * at once with one line naming the variable (before any service starts); the gateway answers an
 * index page at `/` when there is no portal, and `/health/live` as nginx does. A full start on
 * the network (GATEWAY_HOST) and its quiet Ctrl-C: launcher.test.ts.
 */
import { createServer, type Server } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { buildGateway } from '@rekam/launcher'
import t from 'tap'
import { ManagedProcess, baseEnv, freePort, repoPath, repoRoot, tempDir } from '@rekam/testing/e2e'

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
  for (const variable of ['GATEWAY_PORT', 'AUTH_PORT', 'RECORDS_PORT', 'MAILDEV_PORT']) {
    const ports: Record<string, string> = {
      GATEWAY_PORT: String(await freePort()),
      AUTH_PORT: String(await freePort()),
      RECORDS_PORT: String(await freePort()),
      MAILDEV_PORT: String(await freePort()),
    }
    await occupied(Number(ports[variable]))
    const proc = launcher(`launcher (${variable} taken)`, ports)
    // A cap for a very busy machine (the launcher itself starts through tsx); it exits within seconds otherwise.
    const exit = await Promise.race([proc.exited, sleep(90_000, undefined, { ref: false }).then(() => undefined)])
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

  const index = await launcherGateway.inject({ method: 'GET', url: '/' })
  t.equal(index.statusCode, 200, 'the index page')
  t.match(index.headers['content-type'], /^text\/html; charset=utf-8/)
  t.equal(index.headers['content-security-policy'], "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
  for (const href of ['/api/auth/docs', '/api/records/docs', '/health/live']) t.match(index.body, `href="${href}"`, `links ${href}`)
  t.notMatch(index.body, /<script|<style|\sstyle=|\son[a-z]+=/i, 'no script or inline style')
})
