/**
 * docker-compose.yml, checked without Docker: the four services and their wiring, health
 * checks and start order, every file it points at, every variable it reads listed in
 * .env.example, and the service Dockerfiles (multi-stage, non-root, `node dist/server.js`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import t from 'tap'
import { renderTemplate, repoPath, repoRoot, type ServiceName } from '@rekam/testing/e2e'
import { COMMENTS, compose, composeDir, envOf, instructions, interpolate, mounts, oneShot, resolved, services, strings, type Build } from './helpers/compose-file.js'
import { startCommand } from './helpers/start-command.js'

t.test('the four services exist', async (t) => {
  for (const name of ['postgres', 'auth-service', 'records-service', 'gateway']) t.ok(services[name], `service ${name}`)
})

t.test('every service has a health check', async (t) => {
  for (const [name, service] of Object.entries(services).filter(([, s]) => !oneShot(s))) {
    const test = service.healthcheck?.test
    t.ok(test && !service.healthcheck?.disable && !(Array.isArray(test) && test[0] === 'NONE'), `${name} has a healthcheck`)
  }
})

t.test('start order waits for health: depends_on with condition service_healthy', async (t) => {
  for (const [name, service] of Object.entries(services)) {
    if (!service.depends_on) continue
    t.notOk(Array.isArray(service.depends_on), `${name}: depends_on is the long form (a list cannot wait for health)`)
    if (Array.isArray(service.depends_on)) continue
    for (const [dep, spec] of Object.entries(service.depends_on)) {
      t.ok(services[dep], `${name} depends on an existing service (${dep})`)
      t.equal(spec?.condition, oneShot(services[dep]) ? 'service_completed_successfully' : 'service_healthy', `${name} waits until ${dep} is healthy (a one-shot check: done)`)
    }
  }
  const deps = (name: string) => Object.keys(services[name]?.depends_on ?? {})
  t.ok(deps('auth-service').includes('postgres'), 'auth-service waits for postgres')
  t.ok(deps('records-service').includes('postgres'), 'records-service waits for postgres')
  t.ok(deps('gateway').includes('auth-service') && deps('gateway').includes('records-service'), 'the gateway waits for both services')
})

t.test('the gateway is nginx with the committed template, published on port 3000', async (t) => {
  const gateway = services.gateway
  // The official nginx image (renders /etc/nginx/templates at start) with the portal: portal-serving-image.test.ts.
  t.strictSame(gateway?.build, { context: '.', dockerfile: 'gateway/Dockerfile' }, 'built from gateway/Dockerfile')
  const env = envOf(gateway)
  const containerPort = env.GATEWAY_PORT
  t.ok(containerPort, 'GATEWAY_PORT is set')
  const published = (gateway?.ports ?? []).map((p) => {
    if (typeof p === 'object') return { host: resolved(p.published ?? ''), container: String(p.target) }
    const parts = resolved(p).split(':')
    return { host: parts.length > 1 ? parts.at(-2)! : '', container: parts.at(-1)!.split('/')[0]! }
  })
  t.ok(published.some((p) => p.host === '3000' && p.container === containerPort), `host port 3000 -> the gateway's port (${JSON.stringify(published)})`)

  const templates = mounts(gateway).find((m) => m.target === '/etc/nginx/templates' || m.target.startsWith('/etc/nginx/templates/'))
  t.ok(templates, 'the template folder is mounted at /etc/nginx/templates')
  if (templates) {
    const source = resolve(composeDir, templates.source)
    const file = templates.target === '/etc/nginx/templates' ? join(source, 'default.conf.template') : source
    t.equal(relative(repoRoot, file), join('gateway', 'templates', 'default.conf.template'), 'the committed template')
  }

  const port = (name: string) => envOf(services[name]).PORT
  t.equal(env.AUTH_UPSTREAM, `auth-service:${port('auth-service')}`, 'AUTH_UPSTREAM is auth-service on its PORT')
  t.equal(env.RECORDS_UPSTREAM, `records-service:${port('records-service')}`, 'RECORDS_UPSTREAM is records-service on its PORT')
  // The image's envsubst replaces only variables that are set: all three must be.
  t.doesNotThrow(() => renderTemplate({ AUTH_UPSTREAM: env.AUTH_UPSTREAM ?? '', RECORDS_UPSTREAM: env.RECORDS_UPSTREAM ?? '', GATEWAY_PORT: env.GATEWAY_PORT ?? '', NGINX_RESOLVER: env.NGINX_RESOLVER ?? '', PORTAL_ROOT: env.PORTAL_ROOT ?? '' }), 'the template needs no other variable')
  t.match(JSON.stringify(gateway?.healthcheck?.test), new RegExp(`:${containerPort}/health/live`), 'the health check asks the gateway\'s own port')
})

t.test('services are wired to their databases, keys and each other', async (t) => {
  const postgres = services.postgres
  const created = new Set<string>()
  const pgEnv = envOf(postgres)
  created.add(pgEnv.POSTGRES_DB || pgEnv.POSTGRES_USER || 'postgres')
  for (const m of mounts(postgres).filter((m) => m.bind && m.target.startsWith('/docker-entrypoint-initdb.d'))) {
    const source = resolve(composeDir, m.source)
    if (!existsSync(source)) continue
    const files = statSync(source).isDirectory() ? readdirSync(source).map((f) => join(source, f)) : [source]
    for (const file of files.filter((f) => /\.(sql|sh)$/.test(f))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/create\s+database\s+"?(\w+)"?/gi)) created.add(match[1]!.toLowerCase())
    }
  }
  t.ok(created.has('auth') && created.has('records'), `PostgreSQL creates the databases auth and records (found: ${[...created].join(', ')})`)

  for (const [name, db, port] of [['auth-service', 'auth', '3001'], ['records-service', 'records', '3002']] as const) {
    const env = envOf(services[name])
    t.equal(env.HOST, '0.0.0.0', `${name} listens on every interface of its container`)
    t.equal(env.PORT, port, `${name} PORT`)
    const url = env.DATABASE_URL ? new URL(env.DATABASE_URL) : undefined
    t.equal(url?.hostname, 'postgres', `${name} uses the compose PostgreSQL`)
    t.equal(url?.pathname, `/${db}`, `${name} uses its own database (${db})`)
    t.match(JSON.stringify(services[name]?.healthcheck?.test), new RegExp(`:${port}/health/ready`), `${name}'s health check asks /health/ready on its port`)
    t.not(env.DEMO_MODE, 'true', `${name} is not in demo mode`)
  }

  const records = envOf(services['records-service'])
  t.equal(records.AUTH_JWKS_URL, `http://auth-service:${envOf(services['auth-service']).PORT}/.well-known/jwks.json`, 'records-service verifies tokens with auth-service\'s JWKS')

  // Strict mode (on unless REVOCATION_STRICT=false): records-service follows auth-service's feed
  // with the secret both share.
  if (records.REVOCATION_STRICT !== 'false') {
    t.equal(records.AUTH_REVOCATIONS_URL, `http://auth-service:${envOf(services['auth-service']).PORT}/internal/revocations`, 'records-service follows auth-service\'s revocation feed')
    const raw = (name: string) => {
      const env = services[name]?.environment
      return Array.isArray(env) ? env.find((e) => e.startsWith('INTERNAL_SECRET='))?.slice(16) : env?.INTERNAL_SECRET
    }
    t.ok(raw('auth-service'), 'auth-service gets INTERNAL_SECRET')
    t.equal(raw('records-service'), raw('auth-service'), 'records-service gets the same INTERNAL_SECRET')
  }

  const auth = services['auth-service']
  const keyFile = envOf(auth).JWT_PRIVATE_KEY_FILE ?? ''
  const secretNames = (auth?.secrets ?? []).map((s) => typeof s === 'string' ? { source: s, target: s } : { source: s.source, target: s.target ?? s.source })
  const secret = secretNames.find((s) => keyFile === (isAbsolute(s.target) ? s.target : `/run/secrets/${s.target}`))
  t.ok(secret, `JWT_PRIVATE_KEY_FILE (${keyFile}) is a secret given to auth-service`)
  t.ok(secret && compose.secrets?.[secret.source]?.file, 'that secret is defined from a file')
})

t.test('every file or folder the compose file refers to exists, or the file says how to create it', async (t) => {
  const refs: Array<{ what: string, path: string }> = []
  for (const [name, service] of Object.entries(services)) {
    if (service.build !== undefined) {
      const build: Build = typeof service.build === 'string' ? { context: service.build } : service.build
      const context = resolve(composeDir, resolved(build.context ?? '.'))
      refs.push({ what: `${name} build context`, path: context })
      refs.push({ what: `${name} Dockerfile`, path: resolve(context, resolved(build.dockerfile ?? 'Dockerfile')) })
    }
    for (const m of mounts(service).filter((m) => m.bind)) refs.push({ what: `${name} mount -> ${m.target}`, path: resolve(composeDir, m.source) })
    const envFiles = service.env_file === undefined ? [] : Array.isArray(service.env_file) ? service.env_file : [service.env_file]
    for (const f of envFiles) refs.push({ what: `${name} env_file`, path: resolve(composeDir, resolved(typeof f === 'string' ? f : f.path)) })
    for (const m of mounts(service).filter((m) => !m.bind && m.source)) {
      t.ok(compose.volumes && m.source in compose.volumes, `${name}: named volume ${m.source} is declared`)
    }
  }
  for (const [name, s] of Object.entries({ ...compose.secrets, ...compose.configs })) {
    if (s?.file) refs.push({ what: `secret/config ${name}`, path: resolve(composeDir, resolved(s.file)) })
  }
  t.ok(refs.length >= 5, 'found the references')
  for (const { what, path } of refs) {
    const rel = relative(repoRoot, path) || '.'
    t.notOk(rel.startsWith('..'), `${what} (${rel}) is inside the repository`)
    if (existsSync(path)) {
      t.pass(`${what}: ${rel} exists`)
    } else {
      t.ok(COMMENTS.includes(rel), `${what}: ${rel} does not exist; the compose file's comments say how to create it`)
    }
  }
  // A key created in secrets/ must never reach an image or a commit.
  const dockerignore = readFileSync(repoPath('.dockerignore'), 'utf8').split('\n').map((l) => l.trim())
  const gitignore = readFileSync(repoPath('.gitignore'), 'utf8').split('\n').map((l) => l.trim())
  for (const secretDir of new Set(refs.filter((r) => r.what.startsWith('secret')).map((r) => relative(repoRoot, r.path).split('/')[0]!))) {
    t.ok(dockerignore.some((l) => l.replace(/\/$/, '') === secretDir), `${secretDir} is in .dockerignore`)
    t.ok(gitignore.some((l) => l.replace(/\/$/, '') === secretDir), `${secretDir} is in .gitignore`)
  }
  t.ok(dockerignore.includes('.env'), '.env is in .dockerignore')
})

t.test('every variable the compose file reads is listed in .env.example', async (t) => {
  const listed = new Set([...readFileSync(repoPath('.env.example'), 'utf8').matchAll(/^\s*#?\s*([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!))
  const used = new Map<string, string>()
  for (const [path, value] of strings(compose)) {
    for (const name of interpolate(value).variables) if (!used.has(name)) used.set(name, path)
  }
  t.ok(used.size > 0, `the compose file reads variables (${[...used.keys()].join(', ')})`)
  for (const [name, where] of used) t.ok(listed.has(name), `${name} (used at ${where}) is in .env.example`)
})

t.test('each service Dockerfile is multi-stage and ends as a non-root user running its start command', async (t) => {
  // The gateway's image is nginx with static files: portal-serving-image.test.ts.
  const built = Object.entries(services).filter(([name, s]) => s.build !== undefined && name !== 'gateway')
  t.strictSame(built.map(([name]) => name).sort(), ['auth-service', 'records-service'], 'the two services are built from this repository')
  for (const [name, service] of built) {
    const build: Build = typeof service.build === 'string' ? { context: service.build } : service.build!
    const file = resolve(composeDir, resolved(build.context ?? '.'), resolved(build.dockerfile ?? 'Dockerfile'))
    t.ok(existsSync(file), `${name}: ${relative(repoRoot, file)} exists`)
    if (!existsSync(file)) continue
    const steps = instructions(readFileSync(file, 'utf8'))
    const froms = steps.map((s, i) => [s, i] as const).filter(([s]) => s.op === 'FROM')
    t.ok(froms.length >= 2, `${name}: multi-stage (${froms.length} FROM)`)
    const finalStage = steps.slice(froms.at(-1)?.[1] ?? 0)
    const user = finalStage.filter((s) => s.op === 'USER').at(-1)?.args
    t.ok(user, `${name}: the final stage sets USER`)
    t.notOk(user && /^(root|0)(:|$)/.test(user), `${name}: USER ${user} is not root`)
    const last = steps.at(-1)
    t.equal(last?.op, 'CMD', `${name}: the last instruction is CMD`)
    let cmd: unknown
    try {
      cmd = JSON.parse(last?.args ?? '')
    } catch {
      cmd = last?.args
    }
    t.strictSame(cmd, startCommand(name as ServiceName), `${name}: CMD is the start script, node <heap flags> dist/server.js (exec form)`)
    t.ok(finalStage.some((s) => s.op === 'COPY' && /--from=/.test(s.args)), `${name}: the final stage copies the build output from an earlier stage`)
  }
})
