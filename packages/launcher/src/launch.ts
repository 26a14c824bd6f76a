import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, mkdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEMO_ACCOUNTS } from '@rekam/demo-data'
import { StartupError } from '@rekam/errors'
import { defaultDataDir, listenError, localDataRoot, startOrExit } from '@rekam/server-kit'
import { buildGateway } from './gateway.js'
import { startMaildev, type RunningMaildev } from './maildev.js'
import { portalSetting, preparePortal } from './portal-build.js'
import { ensurePortFree, lanAddresses, portSetting } from './settings.js'
import { nodeFlags } from './start-command.js'

/**
 * Runs rekam on a machine without Docker: auth-service and records-service from source on
 * embedded PGlite (demo data, development keys) and the local gateway in front of them, serving
 * the portal's build at `/` (built first when missing or stale). Ctrl-C stops everything and
 * exits 0.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url))
// The services' own default (server-kit): their scripts (db:migrate, db:backup...) find the same data.
const dataDir = localDataRoot()
// The services listen on loopback only: the gateway, on GATEWAY_HOST, is the one way in.
const host = '127.0.0.1'
const gatewayHost = process.env.GATEWAY_HOST || '127.0.0.1'

/** A folder as the banner names it: from the checkout's root when inside it. */
function shown (dir: string): string {
  const inside = relative(root, dir)
  return inside && !inside.startsWith('..') ? inside : dir
}

function withoutDatabaseUrl (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env
  return rest
}
const children: ChildProcess[] = []
// The portal's build, while it runs: it ends with the launcher, unlike the services, unwaited.
let portalBuild: ChildProcess | undefined
let stopping = false
let gateway: Awaited<ReturnType<typeof buildGateway>> | undefined
let maildev: RunningMaildev | undefined

function startService (name: 'auth' | 'records', env: Record<string, string>) {
  const logFile = join(dataDir, `${name}-service.log`)
  const log = createWriteStream(logFile, { flags: 'a' })
  const dir = join(root, 'services', `${name}-service`)
  const child = spawn(process.execPath, [...nodeFlags(dir), '--conditions=@rekam/source', '--import=tsx', 'src/server.ts'], {
    cwd: dir,
    // No DATABASE_URL: each service keeps its own embedded PGlite database in DATA_DIR.
    // TRUST_PROXY: the local gateway (on this host) tells the services the real client address.
    env: { ...withoutDatabaseUrl(process.env), NODE_ENV: 'development', HOST: host, TRUST_PROXY: host, DEMO_MODE: 'true', ...env },
    // A process group of its own: Ctrl-C reaches the launcher only, which sends each service one
    // SIGTERM. Sent to both, the service would take the launcher's as a second signal and exit
    // at once instead of closing its database.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.pipe(log)
  child.stderr?.pipe(log)
  child.on('exit', (code, signal) => {
    if (stopping) return
    console.error(`${name}-service stopped unexpectedly (${signal ?? `exit code ${code}`}); see ${logFile}`)
    stop(1).catch(() => process.exit(1))
  })
  children.push(child)
}

async function waitReady (name: string, url: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new StartupError(`${name} did not become ready within ${timeoutMs / 1000} s; see ${join(dataDir, '*-service.log')}`)
}

async function stop (code: number) {
  if (stopping) return
  stopping = true
  await gateway?.close().catch(() => {})
  await maildev?.stop().catch(() => {})
  await Promise.all(children.map((child) => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(null)
    child.once('exit', resolve)
    child.kill('SIGTERM')
  })))
  process.exit(code)
}

// Ctrl-C is how this is meant to end: no error, no stack, exit code 0, given by process.exit
// here, never by dying of the signal (pnpm and shells report that as 130). pnpm passes the
// terminal's SIGINT on too: the second one finds the stop under way.
process.on('SIGINT', () => { stop(0).catch(() => process.exit(1)) })
process.on('SIGTERM', () => { stop(0).catch(() => process.exit(1)) })
// However the launcher ends, its services (in their own process groups) end with it.
process.on('exit', () => { for (const child of [...children, ...(portalBuild ? [portalBuild] : [])]) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM') })

await startOrExit('rekam', async () => {
  const ports = { gateway: portSetting('GATEWAY_PORT', 3000), auth: portSetting('AUTH_PORT', 3001), records: portSetting('RECORDS_PORT', 3002) }
  await ensurePortFree(gatewayHost, ports.gateway, 'GATEWAY_PORT', 'GATEWAY_HOST')
  await ensurePortFree(host, ports.auth, 'AUTH_PORT')
  await ensurePortFree(host, ports.records, 'RECORDS_PORT')
  // Mail goes to maildev unless SMTP_URL names a real server.
  const maildevPort = process.env.SMTP_URL ? undefined : portSetting('MAILDEV_PORT', 1080)
  if (maildevPort !== undefined) await ensurePortFree(host, maildevPort, 'MAILDEV_PORT')
  const portal = portalSetting(root)
  mkdirSync(dataDir, { recursive: true })

  // Both services share an internal secret so records-service can follow the revocation feed.
  const internalSecret = process.env.INTERNAL_SECRET ?? randomBytes(32).toString('base64url')
  const authUrl = `http://${host}:${ports.auth}`
  const recordsUrl = `http://${host}:${ports.records}`
  // The portal's origin: set-password links start with it, and the refresh cookie is accepted
  // only from it (CSRF checks), so it follows GATEWAY_PORT unless PUBLIC_URL says otherwise.
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${ports.gateway}`
  if (maildevPort !== undefined) maildev = await startMaildev({ host, webPort: maildevPort })
  const smtpUrl = process.env.SMTP_URL ?? maildev!.smtpUrl
  startService('auth', { PORT: String(ports.auth), DATA_DIR: defaultDataDir('auth'), INTERNAL_SECRET: internalSecret, PUBLIC_URL: publicUrl, SMTP_URL: smtpUrl })
  startService('records', {
    PORT: String(ports.records),
    DATA_DIR: defaultDataDir('records'),
    AUTH_JWKS_URL: `${authUrl}/.well-known/jwks.json`,
    AUTH_REVOCATIONS_URL: `${authUrl}/internal/revocations`,
    INTERNAL_SECRET: internalSecret,
  })

  // Built while the services start; a failed build leaves the API running and says why.
  const portalDir = preparePortal(portal, { root, dataDir, say: (line) => console.log(line), onBuild: (child) => { portalBuild = child } })
    .catch((err: Error) => { console.log(`rekam: the portal could not be prepared (${err.message}); serving the API only`); return undefined })

  let served: string | undefined
  try {
    await Promise.all([waitReady('auth-service', `${authUrl}/health/ready`), waitReady('records-service', `${recordsUrl}/health/ready`)])
    served = await portalDir
    gateway = await buildGateway({ upstreams: { auth: authUrl, records: recordsUrl }, logLevel: 'warn', indexPage: true, ...(served ? { portalDir: served } : {}) })
    await gateway.listen({ host: gatewayHost, port: ports.gateway }).catch((err: unknown) => {
      throw listenError(err, { host: gatewayHost, port: ports.gateway, portVariable: 'GATEWAY_PORT', hostVariable: 'GATEWAY_HOST' })
    })
  } catch (err) {
    // The services are running: stop them first, then report in one line.
    if (stopping) return
    const message = err instanceof StartupError ? err.message : String((err as Error).stack ?? err)
    process.stderr.write(`rekam: ${message}\n`)
    await stop(1)
  }

  const base = `http://localhost:${ports.gateway}`
  const lan = lanAddresses(gatewayHost).map((address) => `http://${address}:${ports.gateway}`)
  console.log(`
rekam is running (demo mode, embedded PGlite in ${dataDir})

  Gateway           ${base}${lan.length ? `\n  On the network    ${lan.join('  ')}\n                    (GATEWAY_HOST=${gatewayHost}: anyone who reaches it can sign in with the demo accounts)` : ''}${served ? `\n  Portal            ${base}/  (the build in ${shown(served)})` : ''}
  auth-service      ${base}/api/auth/docs     (direct: ${authUrl})
  records-service   ${base}/api/records/docs  (direct: ${recordsUrl})
  Mail              ${maildev ? `${maildev.webUrl}  (maildev: every mail rekam sends, none delivered)` : 'through SMTP_URL'}
  Logs              ${join(dataDir, '*-service.log')}

Demo accounts (demo mode only):
${DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(8)} ${a.email.padEnd(22)} ${a.password}`).join('\n')}

Try:
  curl -s -X POST ${base}/api/auth/login -H 'content-type: application/json' \\
    -d '{"email":"andi@rekam.local","password":"patient-demo-123"}'

Press Ctrl-C to stop.
`)
})
