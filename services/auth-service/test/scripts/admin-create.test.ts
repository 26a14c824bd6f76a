import { createTestDatabase } from '@rekam/testing'
import t from 'tap'
import { buildAppOn, login } from '../helper.js'
import { firstStaffSignIn } from '../mfa.js'
import { adminArgs, adminCreate, STRONG, tokenOf } from './admin-create-run.js'

const USAGE = 'usage: admin:create --email <email> --username <name> --name "<full name>" [--password-stdin] [--force]'

t.test('on PostgreSQL', async (t) => {
  const database = await createTestDatabase(t, 'postgres')
  const env = { DATABASE_URL: database.url! }
  const first = adminArgs()
  // Each run is a process of its own (a few seconds under load): runs that cannot affect each other go together.
  const [made, usage, badEmail] = await Promise.all([
    adminCreate(first.args, { ...env, PUBLIC_URL: 'https://clinic.example' }),
    adminCreate(['--email', 'a@b.test'], env),
    adminCreate(['--email', 'not-an-address', '--username', 'someone', '--name', 'X'], env),
  ])
  t.equal(made.code, 0, made.stderr)
  t.match(made.stdout, /^https:\/\/clinic\.example\/set-password#token=[A-Za-z0-9_-]{43}\n$/, 'stdout is the link alone')
  t.equal(made.stderr, `auth-service: ADMIN ${first.username} created; open this link within 24 hours to set its password (it works once):\n`)
  t.strictSame(usage, { code: 1, stdout: '', stderr: `auth-service admin:create: --username is required; ${USAGE}\n` }, 'a missing option')
  t.equal(badEmail.code, 1)
  t.match(badEmail.stderr, /^auth-service admin:create: --email .+\n$/, 'an option the API\'s schema refuses')

  const app = await buildAppOn(t, database)
  const [event] = await app.securityEventsRepository.list({ page: 1, limit: 5, type: 'USER_INVITED' }).then((p) => p.rows)
  t.match(event, { type: 'USER_INVITED', actorUserId: null, reason: 'ADMIN via admin:create', userAgent: 'admin:create' }, 'recorded as a security event')
  const firstAdmin = await app.usersRepository.findByLogin({ username: first.username })
  t.ok(firstAdmin?.emailVerifiedAt, 'the operator at the server vouches for the address: verified without a mail (none is configured)')
  t.equal((await app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token: tokenOf(made.stdout), password: STRONG } })).statusCode, 200)
  // The role requires a second factor: the first sign-in enrols one.
  t.equal((await firstStaffSignIn(app, first.email, STRONG)).user!.role, 'ADMIN')

  // Refusals, none of which writes anything.
  const second = adminArgs()
  const [refused, weak, taken] = await Promise.all([
    adminCreate(second.args, env),
    adminCreate([...second.args, '--force', '--password-stdin'], env, 'qwertyuiop\n'),
    adminCreate(['--email', `x${first.email}`, '--username', first.username, '--name', 'Other', '--force'], env),
  ])
  t.strictSame(refused, { code: 1, stdout: '', stderr: 'auth-service admin:create: an active ADMIN already exists; pass --force to create another one\n' }, 'a second admin needs --force')
  t.equal(weak.code, 1)
  t.match(weak.stderr, /^auth-service admin:create: password is too easy to guess .*\n$/)
  t.notOk((weak.stderr + weak.stdout).includes('qwertyuiop'), 'the password given is never printed')
  t.strictSame(taken, { code: 1, stdout: '', stderr: 'auth-service admin:create: A user with that username or email already exists\n' })

  const piped = await adminCreate([...second.args, '--force', '--password-stdin'], env, `${STRONG}\n`)
  t.strictSame(piped, { code: 0, stdout: '', stderr: `auth-service: ADMIN ${second.username} created; sign in with the password given\n` })
  t.equal((await login(app, second.username, STRONG)).statusCode, 200, 'the password from stdin, without its line break')
})
