import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { sql } from 'drizzle-orm'
import t, { type Test } from 'tap'
import { repoPath, scriptArgs } from '@rekam/testing/e2e'
import { buildStack, signUp, type Stack } from './helper.js'

const KEY_ENCRYPTION_KEY = 'test-key-encryption-key-0123456789abcdef'
const authServiceDir = repoPath('services', 'auth-service')

/** The real command, as an operator runs it beside the running services. */
async function rotate (stack: Stack) {
  const { stdout } = await promisify(execFile)(process.execPath, [...scriptArgs(import.meta.url, authServiceDir, 'rotate-keys'), '--delay=0'], {
    cwd: authServiceDir,
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: stack.authDatabaseUrl, KEY_ENCRYPTION_KEY },
  })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { kid: string, activatesAt: string, retired: string[] }
}

const kidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid as string

t.test('keys rotate without downtime, with both services running', async (t) => {
  // records-service's verifier runs on this clock: the test moves it past the JWKS cache's TTL.
  let offset = 0
  const stack = await buildStack(t, {
    verifierNow: () => Date.now() + offset,
    authEnv: { KEY_ENCRYPTION_KEY, KEY_ACTIVATION_DELAY: '0' },
    // A short JWKS cache so the retirement is seen within the test.
    recordsEnv: { JWKS_CACHE_TTL: '1', JWKS_MIN_REFETCH_INTERVAL: '0' },
  })
  // The command runs in its own process, so it needs a database it can reach: PostgreSQL.
  await t.test('stage, overlap, retire', { skip: stack.authDatabaseUrl ? false : 'needs PostgreSQL' }, (t) => rotation(t, stack, (ms) => { offset += ms }))
})

async function rotation (t: Test, stack: Stack, advance: (ms: number) => void) {
  const records = (token: string) => stack.records.inject({ method: 'GET', url: '/api/records', headers: { authorization: `Bearer ${token}` } })
  const jwksKids = async () => ((await stack.auth.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json().keys as Array<{ kid: string }>).map((k) => k.kid)

  const before = await signUp(stack.auth, 'PATIENT')
  const oldKid = kidOf(before.accessToken)
  t.strictSame(await jwksKids(), [oldKid], 'the first key was created in the database on first start')
  t.equal((await records(before.accessToken)).statusCode, 200)

  const rotated = await rotate(stack)
  t.not(rotated.kid, oldKid)
  // Instances re-read the keys every few seconds; the test does not wait for the timer.
  await stack.auth.signingKeys.reload()
  t.strictSame(await jwksKids(), [rotated.kid, oldKid], 'both keys are published during the overlap')

  const after = await signUp(stack.auth, 'PATIENT')
  t.equal(kidOf(after.accessToken), rotated.kid, 'new tokens are signed with the new key')
  t.equal((await records(after.accessToken)).statusCode, 200, 'records-service fetched the new key from the JWKS, no restart')
  t.equal((await records(before.accessToken)).statusCode, 200, 'tokens of the old key are still accepted')

  // Move time forward: the new key took over longer ago than an access token lives.
  await stack.auth.db.execute(sql`update signing_keys set activates_at = now() - interval '2 hours' where kid = ${oldKid}`)
  await stack.auth.db.execute(sql`update signing_keys set activates_at = now() - interval '1 hour' where kid = ${rotated.kid}`)
  await stack.auth.signingKeys.reload()
  t.strictSame(await jwksKids(), [rotated.kid], 'the old key left the JWKS once its tokens could all have expired')
  advance(1200)
  const refused = await records(before.accessToken)
  t.strictSame([refused.statusCode, refused.json().error.code], [401, 'TOKEN_INVALID'], 'a retired key\'s tokens are refused')
  t.equal((await records(after.accessToken)).statusCode, 200)

  const again = await rotate(stack)
  t.strictSame(again.retired, [oldKid], 'the next rotation marks the old key retired for good')

  const events = await stack.auth.db.execute(sql`select reason from security_events where type = 'KEY_ROTATED' order by created_at`)
  const reasons = (Array.isArray(events) ? events : (events as { rows: unknown[] }).rows) as Array<{ reason: string }>
  t.equal(reasons.length, 2, 'each rotation is a security event')
  t.match(reasons[1]?.reason, new RegExp(`staged ${again.kid}.*retired ${oldKid}`))
}
