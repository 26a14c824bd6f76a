import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTestDatabase } from '@rekam/testing'
import t from 'tap'
import { buildAppOn, login, uniqueUser } from '../helper.js'

const serviceDir = fileURLToPath(new URL('../..', import.meta.url))
const STRONG = 'velvet-harbor-quartz-19'

interface Run { code: number | null, stdout: string, stderr: string }

/** `pnpm admin:create` as an operator runs it: a child process, its own environment, stdin piped. */
function adminCreate (args: string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  const child = spawn(process.execPath, ['--conditions=@rekam/source', '--import=tsx', 'src/scripts/admin-create.ts', ...args], {
    cwd: serviceDir,
    // PATH etc. only: no setting of this test process leaks in.
    env: { PATH: process.env.PATH ?? '', BCRYPT_COST: '4', LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  child.stdin.end(stdin)
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

const adminArgs = () => {
  const { username, email, fullName } = uniqueUser('root')
  return { username, email, args: ['--email', email, '--username', username, '--name', fullName] }
}
const tokenOf = (url: string) => new URL(url.trim()).hash.slice('#token='.length)

t.test('on PostgreSQL', async (t) => {
  const database = await createTestDatabase(t, 'postgres')
  const env = { DATABASE_URL: database.url! }

  const first = adminArgs()
  const made = await adminCreate(first.args, { ...env, PUBLIC_URL: 'https://clinic.example' })
  t.equal(made.code, 0, made.stderr)
  t.match(made.stdout, /^https:\/\/clinic\.example\/set-password#token=[A-Za-z0-9_-]{43}\n$/, 'stdout is the link alone')
  t.equal(made.stderr, `auth-service: ADMIN ${first.username} created; open this link within 24 hours to set its password (it works once):\n`)

  const app = await buildAppOn(t, database)
  const [event] = await app.securityEventsRepository.list({ page: 1, limit: 5, type: 'USER_INVITED' }).then((p) => p.rows)
  t.match(event, { type: 'USER_INVITED', actorUserId: null, reason: 'ADMIN via admin:create', userAgent: 'admin:create' }, 'recorded as a security event')
  t.equal((await app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token: tokenOf(made.stdout), password: STRONG } })).statusCode, 200)
  const signedIn = await login(app, first.email, STRONG)
  t.equal(signedIn.statusCode, 200)
  t.equal(signedIn.json().data.user.role, 'ADMIN')

  const second = adminArgs()
  const refused = await adminCreate(second.args, env)
  t.strictSame(refused, { code: 1, stdout: '', stderr: 'auth-service admin:create: an active ADMIN already exists; pass --force to create another one\n' }, 'a second admin needs --force')

  const weak = await adminCreate([...second.args, '--force', '--password-stdin'], env, 'qwertyuiop\n')
  t.equal(weak.code, 1)
  t.match(weak.stderr, /^auth-service admin:create: password is too easy to guess .*\n$/)
  t.notOk((weak.stderr + weak.stdout).includes('qwertyuiop'), 'the password given is never printed')

  const taken = await adminCreate(['--email', `x${first.email}`, '--username', first.username, '--name', 'Other', '--force'], env)
  t.strictSame(taken, { code: 1, stdout: '', stderr: 'auth-service admin:create: A user with that username or email already exists\n' })

  const piped = await adminCreate([...second.args, '--force', '--password-stdin'], env, `${STRONG}\n`)
  t.strictSame(piped, { code: 0, stdout: '', stderr: `auth-service: ADMIN ${second.username} created; sign in with the password given\n` })
  t.equal((await login(app, second.username, STRONG)).statusCode, 200, 'the password from stdin, without its line break')

  const usage = await adminCreate(['--email', 'a@b.test'], env)
  t.strictSame(usage, { code: 1, stdout: '', stderr: 'auth-service admin:create: --username is required; usage: admin:create --email <email> --username <name> --name "<full name>" [--password-stdin] [--force]\n' })
  const badEmail = await adminCreate(['--email', 'not-an-address', '--username', 'someone', '--name', 'X'], env)
  t.equal(badEmail.code, 1)
  t.match(badEmail.stderr, /^auth-service admin:create: --email .+\n$/)
})

t.test('on PGlite, in the folder the service then serves', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rekam-admin-create-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const first = adminArgs()
  const made = await adminCreate(first.args, { DATA_DIR: dir })
  t.equal(made.code, 0, made.stderr)
  const database = await createTestDatabase(t, 'pglite')
  const app = await buildAppOn(t, database, { DATA_DIR: dir })
  t.equal((await app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token: tokenOf(made.stdout), password: STRONG } })).statusCode, 200)
  t.equal((await login(app, first.username, STRONG)).json().data.user.role, 'ADMIN')
})
