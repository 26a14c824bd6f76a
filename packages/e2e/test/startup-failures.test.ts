/**
 * What an operator sees when a built service cannot start: exit code 1 and one line on stderr
 * naming the variable to fix, never a stack trace (a port in use, a setting outside its allowed
 * values, a missing key file, an unreachable PostgreSQL after DB_START_TIMEOUT, a database another service owns).
 */
import { execFile } from 'node:child_process'
import { createServer } from 'node:net'
import { promisify } from 'node:util'
import t from 'tap'
import { createTestDatabase } from '@rekam/testing'
import { baseEnv, ensureBuilt, repoPath, scriptArgs, startTcpProxy, tempDir, type ServiceName } from '@rekam/testing/e2e'

for (const note of ensureBuilt()) t.comment(note)

interface Outcome { code: number | null, stdout: string, stderr: string }

/**
 * A built service started once, to see how it fails. On a test database of its own when there is
 * PostgreSQL: none of these failures depends on the database, and booting embedded PGlite (its
 * WebAssembly server and migrations) before reaching the failure cost about 4 CPU-seconds.
 */
async function start (name: ServiceName, env: Record<string, string>): Promise<Outcome> {
  const database = 'DATABASE_URL' in env ? undefined : await createTestDatabase(t)
  const result = await promisify(execFile)(process.execPath, ['dist/server.js'], {
    cwd: repoPath('services', name),
    env: { ...baseEnv(), NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'silent', BCRYPT_COST: '4', DATA_DIR: tempDir(t, 'startup'), ...(database?.url ? { DATABASE_URL: database.url } : {}), ...env },
    timeout: 60_000,
  }).then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), (err: { code: number | null, stdout: string, stderr: string }) => err)
  return { code: result.code, stdout: result.stdout, stderr: result.stderr }
}

t.test('a port in use names PORT', async (t) => {
  const busy = createServer()
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
  t.teardown(() => busy.close())
  const port = (busy.address() as { port: number }).port
  const outcome = await start('auth-service', { PORT: String(port) })
  t.strictSame(outcome, {
    code: 1,
    stdout: '',
    stderr: `auth-service: port ${port} on 127.0.0.1 is already in use; stop what listens there or choose another port (PORT)\n`,
  })
})

t.test('a setting outside its allowed values lists them', async (t) => {
  const outcome = await start('auth-service', { LOG_LEVEL: 'verbose' })
  t.strictSame(outcome, { code: 1, stdout: '', stderr: 'auth-service: LOG_LEVEL must be one of: fatal, error, warn, info, debug, trace, silent\n' })
})

t.test('a missing key file names JWT_PRIVATE_KEY_FILE', async (t) => {
  const outcome = await start('auth-service', { JWT_PRIVATE_KEY_FILE: '/nonexistent/jwt-private.pem' })
  t.strictSame(outcome, { code: 1, stdout: '', stderr: 'auth-service: cannot read the signing key JWT_PRIVATE_KEY_FILE=/nonexistent/jwt-private.pem (no such file)\n' })
})

t.test('an unreachable PostgreSQL: tried for DB_START_TIMEOUT, then one line naming DATABASE_URL and the host', async (t) => {
  const proxy = await startTcpProxy(t)
  await proxy.cut('refuse')
  const outcome = await start('auth-service', { DATABASE_URL: `postgres://postgres:hunter2@127.0.0.1:${proxy.port}/auth`, DB_START_TIMEOUT: '2' })
  t.equal(outcome.code, 1)
  t.equal(outcome.stdout, '')
  t.match(outcome.stderr, new RegExp(`^auth-service: cannot reach PostgreSQL at 127\\.0\\.0\\.1:${proxy.port}/auth \\(DATABASE_URL\\) within DB_START_TIMEOUT=2 s: [^\\n]+\\n$`), 'one line')
  t.notMatch(outcome.stderr, /hunter2/, 'never the password')
})

t.test('records-service pointed at auth-service\'s database refuses in one line; its own database works', async (t) => {
  const database = await createTestDatabase(t, 'postgres')
  const migrated = await promisify(execFile)(process.execPath, scriptArgs(import.meta.url, repoPath('services', 'auth-service'), 'migrate'), {
    cwd: repoPath('services', 'auth-service'),
    env: { ...baseEnv(), DATABASE_URL: database.url! },
  })
  t.equal(migrated.stdout, 'auth-service: migrations applied (postgres)\n')
  const outcome = await promisify(execFile)(process.execPath, scriptArgs(import.meta.url, repoPath('services', 'records-service'), 'migrate'), {
    cwd: repoPath('services', 'records-service'),
    env: { ...baseEnv(), DATABASE_URL: database.url! },
  }).then(() => ({ code: 0, stderr: '' }), (err: { code: number, stderr: string }) => ({ code: err.code, stderr: err.stderr }))
  const where = new URL(database.url!)
  t.equal(outcome.code, 1)
  t.match(outcome.stderr, new RegExp(`^records-service: the database at ${where.hostname}:${where.port}${where.pathname} already holds tables this service did not create \\([a-z_, …]+\\); give each service a database of its own \\(DATABASE_URL\\)\\n$`))
})
