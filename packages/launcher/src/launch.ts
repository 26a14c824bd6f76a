import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEMO_ACCOUNTS } from '@rekam/demo-data'
import { defaultDataDir, localDataRoot } from '@rekam/server-kit'
import { buildGateway } from './gateway.js'
import { nodeFlags } from './start-command.js'

/**
 * Runs rekam on a machine without Docker: auth-service and records-service from source on
 * embedded PGlite (demo data, development keys) and the local gateway in front of them.
 * Ctrl-C stops everything.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url))
// The services' own default (server-kit): their scripts (db:migrate, db:backup...) find the same data.
const dataDir = localDataRoot()
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const ports = { gateway: port('GATEWAY_PORT', 3000), auth: port('AUTH_PORT', 3001), records: port('RECORDS_PORT', 3002) }
const host = '127.0.0.1'

mkdirSync(dataDir, { recursive: true })

function withoutDatabaseUrl (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env
  return rest
}
const children: ChildProcess[] = []
let stopping = false

function startService (name: 'auth' | 'records', env: Record<string, string>) {
  const log = createWriteStream(join(dataDir, `${name}-service.log`), { flags: 'a' })
  const dir = join(root, 'services', `${name}-service`)
  const child = spawn(process.execPath, [...nodeFlags(dir), '--conditions=@rekam/source', '--import=tsx', 'src/server.ts'], {
    cwd: dir,
    // No DATABASE_URL: each service keeps its own embedded PGlite database in DATA_DIR.
    // TRUST_PROXY: the local gateway (on this host) tells the services the real client address.
    env: { ...withoutDatabaseUrl(process.env), NODE_ENV: 'development', HOST: host, TRUST_PROXY: host, DEMO_MODE: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.pipe(log)
  child.stderr?.pipe(log)
  child.on('exit', (code, signal) => {
    if (stopping) return
    console.error(`${name}-service stopped unexpectedly (${signal ?? `exit code ${code}`}); see ${join(dataDir, `${name}-service.log`)}`)
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
  throw new Error(`${name} did not become ready within ${timeoutMs / 1000} s`)
}

let gateway: Awaited<ReturnType<typeof buildGateway>> | undefined

async function stop (code: number) {
  if (stopping) return
  stopping = true
  await gateway?.close().catch(() => {})
  await Promise.all(children.map((child) => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(null)
    child.once('exit', resolve)
    child.kill('SIGTERM')
  })))
  process.exit(code)
}

process.on('SIGINT', () => { stop(0).catch(() => process.exit(1)) })
process.on('SIGTERM', () => { stop(0).catch(() => process.exit(1)) })

// Both services share an internal secret so records-service can follow the revocation feed.
const internalSecret = process.env.INTERNAL_SECRET ?? randomBytes(32).toString('base64url')
const authUrl = `http://${host}:${ports.auth}`
const recordsUrl = `http://${host}:${ports.records}`
startService('auth', { PORT: String(ports.auth), DATA_DIR: defaultDataDir('auth'), INTERNAL_SECRET: internalSecret })
startService('records', {
  PORT: String(ports.records),
  DATA_DIR: defaultDataDir('records'),
  AUTH_JWKS_URL: `${authUrl}/.well-known/jwks.json`,
  AUTH_REVOCATIONS_URL: `${authUrl}/internal/revocations`,
  INTERNAL_SECRET: internalSecret,
})

try {
  await Promise.all([waitReady('auth-service', `${authUrl}/health/ready`), waitReady('records-service', `${recordsUrl}/health/ready`)])
  gateway = await buildGateway({ upstreams: { auth: authUrl, records: recordsUrl }, logLevel: 'warn' })
  await gateway.listen({ host, port: ports.gateway })
} catch (err) {
  console.error((err as Error).message)
  await stop(1)
}

const base = `http://localhost:${ports.gateway}`
console.log(`
rekam is running (demo mode, embedded PGlite in ${dataDir})

  Gateway           ${base}
  auth-service      ${base}/api/auth/docs     (direct: ${authUrl})
  records-service   ${base}/api/records/docs  (direct: ${recordsUrl})
  Logs              ${join(dataDir, '*-service.log')}

Demo accounts (demo mode only):
${DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(8)} ${a.email.padEnd(22)} ${a.password}`).join('\n')}

Try:
  curl -s -X POST ${base}/api/auth/login -H 'content-type: application/json' \\
    -d '{"email":"andi@rekam.local","password":"patient-demo-123"}'

Press Ctrl-C to stop.
`)
