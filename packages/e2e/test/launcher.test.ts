/**
 * The quick start without Docker: the real launcher (packages/launcher/src/launch.ts, what
 * `pnpm start` runs) with both services on embedded PGlite and the local gateway, on free ports
 * and a temporary data folder, served to the network (GATEWAY_HOST=0.0.0.0). It runs as the README
 * says, `npx -y pnpm@10 start`, in a process group of its own. Ctrl-C (SIGINT to that group, as a
 * terminal sends it) must stop every process it started, quietly, with exit code 0.
 * One start for the whole file: it is the slow part.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { DEMO, client, newRequestId, ManagedProcess, baseEnv, freePort, portAnswers, repoRoot, tempDir } from '@rekam/testing/e2e'
import { linkToken } from '@rekam/testing/mail'
import { CSP, PAGE, writePortal } from './helpers/portal-fixture.js'
import { alive, descendants, groupOf } from './helpers/process-tree.js'
import { send } from './helpers/raw-http.js'

const READY = 'Press Ctrl-C to stop.'

/** The launcher's services: the processes below npx that run in process groups of their own. */
const servicesOf = (leader: number) => descendants(leader).filter((pid) => groupOf(pid) !== leader)

const dataDir = tempDir(t, 'launcher')
const portalDir = writePortal(t)
const ports = { gateway: await freePort(), auth: await freePort(), records: await freePort(), maildev: await freePort() }
// The README's command itself: npx runs pnpm through its script shell, pnpm runs the root start
// script (`exec`: its shell becomes the launcher); npx leads the process group, as in a terminal.
const launcher = new ManagedProcess(t, 'launcher', 'npx', ['-y', 'pnpm@10', 'start'], {
  cwd: repoRoot,
  detached: true,
  env: {
    ...baseEnv(),
    // The shell finds this test's node first.
    PATH: [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    GATEWAY_HOST: '0.0.0.0',
    GATEWAY_PORT: String(ports.gateway),
    AUTH_PORT: String(ports.auth),
    RECORDS_PORT: String(ports.records),
    MAILDEV_PORT: String(ports.maildev),
    REKAM_DATA_DIR: dataDir,
    // A portal folder written here; building the checkout's: portal-serving-launcher.test.ts.
    PORTAL_DIR: portalDir,
  },
})
let services: number[] = []
// Whatever happens to the launcher, its services do not outlive the test.
t.teardown(async () => {
  const pids = new Set([...services, ...(launcher.running ? descendants(launcher.child.pid!) : [])])
  await launcher.stop()
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL')
})

/** The services' own logs, which the launcher writes to the data folder. */
function serviceLogs (): string {
  return readdirSync(dataDir).filter((f) => f.endsWith('.log')).map((f) => `--- ${f}\n${readFileSync(join(dataDir, f), 'utf8').slice(-6000)}`).join('\n')
}

// In t.before, so that a failed start still runs every teardown.
t.before(async () => {
  try {
    await launcher.waitFor(`"${READY}"`, () => launcher.output.includes(READY), 150_000, 200)
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${serviceLogs()}`)
  }
  services = servicesOf(launcher.child.pid!)
})
const api = client(`http://127.0.0.1:${ports.gateway}`)
const lan = Object.values(networkInterfaces()).flatMap((entries) => entries ?? []).find((entry) => entry.family === 'IPv4' && !entry.internal)?.address

t.test('the banner shows the addresses and the demo accounts', async (t) => {
  const banner = launcher.output
  t.match(banner, `http://localhost:${ports.gateway}`, 'the gateway address')
  t.match(banner, `http://localhost:${ports.gateway}/api/auth/docs`, 'auth-service docs')
  t.match(banner, `http://localhost:${ports.gateway}/api/records/docs`, 'records-service docs')
  t.match(banner, `http://127.0.0.1:${ports.auth}`, 'auth-service direct address')
  t.match(banner, `http://127.0.0.1:${ports.records}`, 'records-service direct address')
  t.match(banner, dataDir, 'the data folder')
  t.match(banner, `  Mail              http://localhost:${ports.maildev}/  (maildev`, 'maildev\'s web view')
  t.equal((await fetch(`http://127.0.0.1:${ports.maildev}/`, { headers: { accept: 'text/html' } })).status, 200, 'maildev\'s web view answers a browser')
  const lines = banner.split('\n')
  for (const [role, account] of [['ADMIN', DEMO.admin], ['DOCTOR', DEMO.sari], ['DOCTOR', DEMO.budi], ['PATIENT', DEMO.andi], ['PATIENT', DEMO.siti]] as const) {
    const line = lines.find((l) => l.includes(account.email))
    t.ok(line, `${account.email} is listed`)
    t.match(line ?? '', new RegExp(`\\b${role}\\b.*${account.email.replace(/\./g, '\\.')}\\s+${account.password}\\b`), `${account.email}: role and password`)
  }
  t.ok(banner.trimEnd().endsWith(READY), 'ends with the Ctrl-C hint')
})

t.test('GATEWAY_HOST=0.0.0.0: the banner names the network addresses and the risk; the gateway answers there', async (t) => {
  if (lan) t.match(launcher.output, `On the network    http://${lan}:${ports.gateway}`)
  t.match(launcher.output, '(GATEWAY_HOST=0.0.0.0: anyone who reaches it can sign in with the demo accounts)')
  for (const address of ['127.0.0.1', ...(lan ? [lan] : [])]) {
    for (const path of ['/', '/api/auth/docs', '/api/records/docs', '/health/live', '/health/ready']) {
      const res = await fetch(`http://${address}:${ports.gateway}${path}`, { headers: { accept: 'text/html' } })
      await res.arrayBuffer()
      t.equal(res.status, 200, `${address}${path} answers 200`)
    }
  }
})

t.test('the gateway\'s /health/ready: both services are ready', async (t) => {
  const ready = await send(`http://127.0.0.1:${ports.gateway}`, 'GET', '/health/ready', { 'x-request-id': 'launcher-ready-1' })
  t.strictSame([ready.status, ready.body, ready.headers['x-request-id'], ready.headers['cache-control']], [200, { success: true, data: { status: 'ready' } }, 'launcher-ready-1', 'no-store'])
})

t.test('andi logs in through the launcher\'s gateway and reads his records', async (t) => {
  const { user, tokens } = await api.login(DEMO.andi.email, DEMO.andi.password)
  t.equal(user.role, 'PATIENT')
  const list = await api.get('/api/records', { token: tokens.accessToken })
  t.equal(list.status, 200)
  t.equal(list.body.success, true)
  const items = list.body.data.items as Array<Record<string, any>>
  t.ok(items.length >= 3, 'the demo records')
  for (const record of items) t.match(record.doctor, { id: record.doctorId, fullName: /^dr\. /, specialization: String }, 'each with its doctor')

  const id = newRequestId()
  const one = await api.get(`/api/records/${items[0]!.id}`, { token: tokens.accessToken, headers: { 'x-request-id': id } })
  t.equal(one.status, 200)
  t.strictSame(one.body.data.record, items[0])
  t.equal(one.headers.get('x-request-id'), id, 'the request id comes back')
})

t.test('the portal at /: its page for a browser\'s deep link, with the strict CSP', async (t) => {
  t.match(launcher.output, `  Portal            http://localhost:${ports.gateway}/  (the build in ${portalDir})\n`, 'named in the banner')
  const page = await send(`http://127.0.0.1:${ports.gateway}`, 'GET', '/records/123', { accept: 'text/html' })
  t.strictSame([page.status, page.headers['content-security-policy'], page.body], [200, CSP, PAGE])
})

t.test('a mail the stack sends shows up in maildev, read at the address the banner prints; its link works', async (t) => {
  const printed = /^ {2}Mail +(http:\/\/\S+) {2}\(maildev/m.exec(launcher.output)?.[1]
  t.equal(printed, `http://localhost:${ports.maildev}/`, 'the web view\'s address, on MAILDEV_PORT')
  const email = `launcher-mail-${Date.now()}@example.test`
  const registered = await api.post('/api/auth/register', { username: `launchermail${Date.now()}`, email, password: 'correct-horse-battery', fullName: 'Dewi Lestari' })
  t.strictSame([registered.status, registered.body.data.verificationSent], [201, true], 'registered; a verification link is on its way')

  // maildev's REST API (3.x: GET /api/email): every mail it caught, parsed.
  type Caught = { to: Array<{ address: string }>, subject: string, text: string }
  let caught: Caught | undefined
  await launcher.waitFor(`the mail to ${email} in maildev`, async () => {
    const mails = await (await fetch(new URL('api/email', printed))).json() as Caught[]
    caught = mails.find((mail) => mail.to.some((to) => to.address === email))
    return caught !== undefined
  }, 20_000, 200)
  t.equal(caught!.subject, 'Verifikasi alamat email Anda di rekam')
  t.match(caught!.text, 'Halo Dewi Lestari,')
  const verified = await api.post('/api/auth/email/verify', { token: linkToken(caught!, '/verify-email') })
  t.strictSame([verified.status, verified.body.data], [200, { emailVerified: true }], 'the link verifies the address through the gateway')
})

t.test('an unknown route is a 404 in the envelope', async (t) => {
  const res = await api.get('/api/nothing-here')
  t.equal(res.status, 404)
  t.match(res.headers.get('content-type') ?? '', /^application\/json/)
  t.equal(res.body.success, false)
  t.equal(res.body.error.code, 'NOT_FOUND')
  t.equal(res.body.error.requestId, res.headers.get('x-request-id'))
})

t.test('Ctrl-C (SIGINT to the process group) stops the gateway and both services; exit code 0', async (t) => {
  for (const [name, port] of Object.entries(ports)) t.ok(await portAnswers(port), `${name} answers before`)
  t.ok(services.length >= 2, `the launcher runs its services as processes of their own groups (${services.join(', ')})`)

  const started = Date.now()
  const before = launcher.output.length
  launcher.signalGroup('SIGINT')
  const exit = await Promise.race([launcher.exited, sleep(10_000).then(() => undefined)])
  t.ok(exit, 'the launcher exits within 10 s')
  t.strictSame(exit, { code: 0, signal: null }, 'with exit code 0, not by the signal (which a shell would report as 130)')
  t.equal(launcher.output.slice(before).trim(), '', 'nothing printed after the banner: no error line, no stack')

  const deadline = started + 10_000
  let open = Object.entries(ports)
  let running = services
  while (Date.now() < deadline) {
    open = (await Promise.all(open.map(async ([name, port]) => [name, port, await portAnswers(port)] as const))).filter(([, , answers]) => answers).map(([name, port]) => [name, port])
    running = running.filter(alive)
    if (open.length === 0 && running.length === 0) break
    await sleep(100)
  }
  t.strictSame(open, [], 'no port answers any more')
  t.strictSame(running, [], 'no service process is left')
  t.comment(`stopped in ${Date.now() - started} ms`)
})
