/**
 * The compose signing key, made the documented way (deploy/compose/create-signing-key.sh, run by
 * whoever runs compose: here root, not uid 1000), is readable by the image's user: the deployed
 * auth-service started as uid 1000 signs with it. Compose gives the container the key as a bind
 * mount of the file, which shows the file's own owner and mode and none of the host folders above
 * it; a hard link (the same inode) in an open folder stands for it here.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { createPublicKey } from 'node:crypto'
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createTestDatabase, testDatabaseMode } from '@rekam/testing'
import t, { type Test } from 'tap'
import { ManagedProcess, baseEnv, ensureBuilt, freePort, repoPath, repoRoot, tempDir } from '@rekam/testing/e2e'
import { startCommand } from './helpers/start-command.js'

/** The node image's `node` user, the Dockerfiles' USER. */
const IMAGE_UID = '1000'
const SCRIPT = repoPath('deploy', 'compose', 'create-signing-key.sh')
const asImageUser = (command: string[]) => ['--reuid', IMAGE_UID, '--regid', IMAGE_UID, '--clear-groups', ...command]

/** An open temporary folder (the uid-1000 process must reach it). */
function openDir (t: Test, prefix: string): string {
  const dir = tempDir(t, prefix)
  chmodSync(dir, 0o755)
  return dir
}

/** The service as the image holds it: `pnpm deploy --prod`, owned by the image's user (COPY --chown). */
async function deployAuth (t: Test): Promise<string> {
  const out = join(openDir(t, 'key-uid'), 'app')
  await promisify(execFile)('npx', ['-y', 'pnpm@10', '--filter', '@rekam/auth-service', 'deploy', '--prod', '--legacy', out], { cwd: repoRoot, env: process.env, timeout: 180_000 })
  execFileSync('chown', ['-R', `${IMAGE_UID}:${IMAGE_UID}`, out])
  return out
}

const skip = process.getuid?.() !== 0
  ? 'needs root, to be another user than the image\'s and to start the service as uid 1000'
  : testDatabaseMode() === 'pglite' ? 'production mode needs PostgreSQL' : false

t.test('a key made by the documented step is read by the deployed service as uid 1000', { skip }, async (t) => {
  ensureBuilt()
  t.match(readFileSync(repoPath('services', 'auth-service', 'Dockerfile'), 'utf8'), /^USER node$/m, 'the image runs as node (uid 1000)')

  const host = tempDir(t, 'host')
  const key = join(host, 'secrets', 'jwt-private.pem')
  execFileSync('sh', [SCRIPT, key], { cwd: host, stdio: 'pipe' })
  t.equal(statSync(key).mode & 0o777, 0o644, 'the key: readable by the container\'s user')
  t.equal(statSync(join(host, 'secrets')).mode & 0o777, 0o700, 'its folder: only its owner')
  t.not(spawnSync('setpriv', asImageUser(['cat', key])).status, 0, 'another host user cannot reach it through the folder')
  t.not(spawnSync('sh', [SCRIPT, key], { stdio: 'pipe' }).status, 0, 'a second run does not replace the key')

  // The container's view: the file itself, in an open /run/secrets.
  const secrets = join(openDir(t, 'run'), 'secrets')
  mkdirSync(secrets, { mode: 0o755 })
  const mounted = join(secrets, 'jwt-private.pem')
  linkSync(key, mounted)
  t.equal(statSync(mounted).ino, statSync(key).ino, 'the same file, owner and mode')

  const app = await deployAuth(t)
  const database = await createTestDatabase(t, 'postgres')
  const env = (keyFile: string, port: number) => ({
    ...baseEnv(),
    HOME: app,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: database.url!,
    INTERNAL_SECRET: 'signing-key-uid-internal-secret-0123456789',
    LOG_LEVEL: 'warn',
    JWT_PRIVATE_KEY_FILE: keyFile,
  })

  t.test('openssl\'s own 0600 key, owned by another user: the service cannot start', async (t) => {
    const bare = join(openDir(t, 'bare'), 'jwt-private.pem')
    execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', bare], { stdio: 'ignore' })
    t.equal(statSync(bare).mode & 0o777, 0o600, 'openssl writes private keys 0600')
    const run = spawnSync('setpriv', asImageUser(startCommand('auth-service')), { cwd: app, env: env(bare, await freePort()), encoding: 'utf8', timeout: 60_000 })
    t.not(run.status, 0, 'exits with an error')
    t.match(`${run.stdout}${run.stderr}`, /EACCES|permission denied/i, 'because it may not read the key')
  })

  t.test('the documented key: the service starts as uid 1000 and publishes that key', async (t) => {
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    const proc = new ManagedProcess(t, 'auth-service (uid 1000)', 'setpriv', asImageUser(startCommand('auth-service')), { cwd: app, env: env(mounted, port) })
    await proc.waitFor('ready', async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200, 90_000, 250)
    t.equal(readFileSync(`/proc/${proc.child.pid}/status`, 'utf8').match(/^Uid:\s+(\d+)/m)?.[1], IMAGE_UID, 'running as uid 1000')
    const jwks = await (await fetch(`${url}/.well-known/jwks.json`)).json() as { keys: Array<{ n?: string }> }
    const expected = createPublicKey(readFileSync(key)).export({ format: 'jwk' }).n
    t.ok(jwks.keys.some((k) => k.n === expected), 'the JWKS publishes the key the script made')
  })
})
