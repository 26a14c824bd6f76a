/**
 * .env.example against docker-compose.yml: every setting it documents reaches the containers of
 * the services that read it (with the same default), or its comment says that compose sets it
 * itself or does not pass it. Without this, a setting in .env is silently ignored.
 */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { parse } from 'yaml'
import { repoPath } from '@rekam/testing/e2e'

interface Setting { name: string, value: string, commented: boolean, section: string, comment: string }

/** .env.example's settings, each with its section and the comment block above it (or its group). */
function settings (text: string): Setting[] {
  const out: Setting[] = []
  let section = ''
  let block: string[] = []
  let afterSetting = false
  for (const line of text.split('\n')) {
    const header = /^# ---- (.+?) -+$/.exec(line)
    const setting = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line)
    if (header) { section = header[1]!; block = []; afterSetting = false } else if (setting) {
      out.push({ name: setting[2]!, value: setting[3]!, commented: Boolean(setting[1]), section, comment: block.join(' ') })
      afterSetting = true
    } else if (line.startsWith('#')) {
      if (afterSetting) { block = []; afterSetting = false }
      block.push(line.replace(/^#\s?/, ''))
    } else { block = []; afterSetting = false }
  }
  return out
}

type Env = Record<string, string | number | boolean | null>
const compose = parse(readFileSync(repoPath('docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, { environment?: Env }> }
const https = readFileSync(repoPath('docker-compose.https.yml'), 'utf8')
const composeText = readFileSync(repoPath('docker-compose.yml'), 'utf8')
const example = settings(readFileSync(repoPath('.env.example'), 'utf8'))

const SERVICES_OF: Record<string, string[]> = {
  'both services': ['auth-service', 'records-service'],
  'auth-service': ['auth-service'],
  'records-service': ['records-service'],
}
const SETS = /docker compose sets/i
const NOT_PASSED = /not passed by docker compose/i

/** `${NAME}`, `${NAME:-default}`, `${NAME:?message}`: the operator's value, and compose's default. */
function passThrough (value: unknown, name: string): { default?: string } | undefined {
  const m = new RegExp(`^\\$\\{${name}(?::([-?])([^}]*))?\\}$`).exec(String(value ?? ''))
  if (!m) return undefined
  return m[1] === '-' ? { default: m[2] } : {}
}

t.test('.env.example is read: sections and settings', async (t) => {
  t.strictSame(Object.keys(SERVICES_OF).filter((s) => !example.some((e) => e.section === s)), [], 'the services\' sections exist')
  t.ok(example.length > 50, `${example.length} settings`)
})

t.test('every service setting reaches the services that read it, or says why not', async (t) => {
  for (const setting of example.filter((e) => SERVICES_OF[e.section])) {
    for (const service of SERVICES_OF[setting.section]!) {
      const env = compose.services[service]?.environment ?? {}
      const where = `${setting.name} (${setting.section}) in ${service}`
      if (NOT_PASSED.test(setting.comment)) {
        t.notOk(setting.name in env, `${where}: not passed, as .env.example says`)
        continue
      }
      t.ok(setting.name in env, `${where}: passed`)
      const passed = passThrough(env[setting.name], setting.name)
      if (SETS.test(setting.comment)) {
        t.notOk(passed, `${where}: compose's own value, as .env.example says (${env[setting.name]})`)
        continue
      }
      t.ok(passed, `${where}: the operator's value, \${${setting.name}...} (found ${env[setting.name]})`)
      if (passed?.default !== undefined && !setting.commented) {
        t.equal(passed.default, setting.value, `${where}: compose's default is .env.example's`)
      }
    }
  }
})

t.test('the services get nothing .env.example does not document', async (t) => {
  const documented = new Set(example.map((e) => e.name))
  for (const service of ['auth-service', 'records-service']) {
    const extra = Object.keys(compose.services[service]?.environment ?? {}).filter((name) => !documented.has(name))
    t.strictSame(extra, [], `${service}: every variable it gets is documented`)
  }
})

t.test('the compose and launcher sections: read by the compose files, or by the launcher only', async (t) => {
  for (const setting of example.filter((e) => e.section === 'docker compose')) {
    const read = new RegExp(`\\$\\{${setting.name}[:}?-]`)
    t.ok(read.test(composeText) || read.test(https), `${setting.name} is read by docker-compose.yml or docker-compose.https.yml`)
  }
  const launcher = example.filter((e) => e.section.startsWith('local launcher'))
  t.ok(launcher.length > 0, 'the launcher\'s section')
  for (const setting of launcher) {
    t.match(example.find((e) => e.section === setting.section && e.comment)?.comment ?? '', NOT_PASSED, `${setting.name}: the section says compose does not pass it`)
    for (const service of ['auth-service', 'records-service']) t.notOk(setting.name in (compose.services[service]?.environment ?? {}), `${setting.name} not in ${service}`)
  }
})

t.test('long-running services restart; PostgreSQL\'s health check goes over TCP', async (t) => {
  for (const name of ['postgres', 'auth-service', 'records-service', 'gateway']) {
    t.equal((compose.services[name] as { restart?: string }).restart, 'unless-stopped', `${name}: restart unless-stopped`)
  }
  const check = JSON.stringify((compose.services.postgres as { healthcheck?: { test?: unknown } }).healthcheck?.test)
  t.match(check, /pg_isready -h 127\.0\.0\.1 /, 'pg_isready over TCP, not the init-time socket')
  t.match(composeText, /Compose v2/, 'the compose file states the Compose v2 requirement')
})

t.test('the README\'s Docker steps: Compose v2, and the key made by the script a test runs', async (t) => {
  const readme = readFileSync(repoPath('README.md'), 'utf8')
  const docker = readme.slice(readme.indexOf('## With Docker'), readme.indexOf('\n## ', readme.indexOf('## With Docker') + 1))
  t.match(docker, /Compose v2/)
  t.match(docker, /^sh deploy\/compose\/create-signing-key\.sh/m, 'the key step is the script signing-key-uid.test.ts runs')
  t.match(composeText, /sh deploy\/compose\/create-signing-key\.sh/, 'and so says the compose file')
  t.notMatch(docker, /openssl genpkey/, 'no bare openssl key step (its 0600 key is unreadable in the container)')
})
