/**
 * docker compose refuses .env.example's placeholder POSTGRES_PASSWORD: its one-shot check-env
 * service runs deploy/compose/check-env.sh before PostgreSQL starts. Without Docker: the script
 * itself under POSIX sh, and the compose wiring that puts it before everything else.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import t from 'tap'
import { parse } from 'yaml'
import { repoPath } from '@rekam/testing/e2e'

const SCRIPT = repoPath('deploy', 'compose', 'check-env.sh')

function check (password: string) {
  const run = spawnSync('sh', [SCRIPT], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', POSTGRES_PASSWORD: password }, encoding: 'utf8' })
  return { status: run.status, stderr: run.stderr, stdout: run.stdout }
}

t.test('the placeholder and URL-breaking passwords are refused, with the fix named', async (t) => {
  const placeholder = check('change-me')
  t.equal(placeholder.status, 1, 'change-me: refused')
  t.match(placeholder.stderr, /POSTGRES_PASSWORD is still \.env\.example's placeholder/)
  t.match(placeholder.stderr, /openssl rand -hex 24/, 'says how to make one')
  for (const password of ['p@ss:word', 'a/b', 'with space', 'per%cent', 'hash#tag']) {
    const res = check(password)
    t.equal(res.status, 1, `${JSON.stringify(password)}: refused`)
    t.match(res.stderr, /only letters, digits/)
  }
  for (const password of ['9f2c4e1a7b3d5f60a8c2e4b6d1f3a5c7e9b0d2f4a6c8e0b2', 'Kopi.Tubruk_2026~x-y']) {
    const res = check(password)
    t.equal(res.status, 0, `${password}: accepted`)
    t.equal(res.stderr, '')
  }
  // Compose passes the value exactly as .env has it; the example's own value is the placeholder.
  const example = /^POSTGRES_PASSWORD=(.*)$/m.exec(readFileSync(repoPath('.env.example'), 'utf8'))?.[1]
  t.equal(check(example ?? '').status, 1, '.env.example copied unchanged is refused')
})

t.test('compose runs the check once, before PostgreSQL and so before everything', async (t) => {
  type Service = { image?: string, restart?: string, entrypoint?: string[], environment?: Record<string, string>, volumes?: string[], depends_on?: Record<string, { condition?: string }> }
  const { services } = parse(readFileSync(repoPath('docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> }
  const checkEnv = services['check-env']
  t.ok(checkEnv, 'a check-env service')
  t.equal(checkEnv?.restart, 'no', 'a one-shot: no restart loop on a refusal')
  t.ok(checkEnv?.volumes?.includes('./deploy/compose/check-env.sh:/rekam/check-env.sh:ro'), 'runs the committed script')
  t.strictSame(checkEnv?.entrypoint, ['/bin/sh', '/rekam/check-env.sh'])
  t.equal(checkEnv?.environment?.POSTGRES_PASSWORD, services.postgres?.environment?.POSTGRES_PASSWORD, 'checks the value PostgreSQL gets')
  t.equal(services.postgres?.depends_on?.['check-env']?.condition, 'service_completed_successfully', 'PostgreSQL starts only after it succeeded')
  for (const name of ['auth-service', 'records-service']) {
    t.equal(services[name]?.depends_on?.postgres?.condition, 'service_healthy', `${name} waits for PostgreSQL`)
  }
})
