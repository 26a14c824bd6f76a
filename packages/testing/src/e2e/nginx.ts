import { accessSync, chmodSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { ManagedProcess, baseEnv, freePort, portAnswers, type Teardown } from './processes.js'
import { repoPath, tempDir } from './repo.js'

export const GATEWAY_TEMPLATE = repoPath('gateway', 'templates', 'default.conf.template')

/** The variables the nginx image substitutes into the template (envsubst of defined variables only). */
export interface TemplateVariables {
  AUTH_UPSTREAM: string
  RECORDS_UPSTREAM: string
  GATEWAY_PORT: string
  /** The DNS server nginx asks for service names (Docker's 127.0.0.11 in compose). */
  NGINX_RESOLVER: string
  /** The portal's build served at `/` (gateway/Dockerfile sets the image's /usr/share/nginx/html). */
  PORTAL_ROOT: string
}

/**
 * Renders the template as the nginx image does: only `${NAME}` of the given variables is
 * replaced; nginx's own `$variables` stay. Throws if a `${...}` is left over.
 */
export function renderTemplate<V extends object = TemplateVariables> (vars: V, template = readFileSync(GATEWAY_TEMPLATE, 'utf8')): string {
  const rendered = template.replace(/\$\{(\w+)\}/g, (whole, name: string) => Object.hasOwn(vars, name) ? String(vars[name as keyof V]) : whole)
  const left = rendered.match(/\$\{\w+\}/g)
  if (left) throw new Error(`the gateway template uses variables the test does not set: ${left.join(', ')}`)
  return rendered
}

/** The nginx binary: $NGINX_BIN, the usual install places, then PATH. */
export function findNginx (): string | undefined {
  const candidates = [
    process.env.NGINX_BIN,
    '/usr/sbin/nginx',
    '/usr/local/sbin/nginx',
    '/usr/local/nginx/sbin/nginx',
    '/opt/homebrew/bin/nginx',
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'nginx')),
  ]
  return candidates.find((path) => {
    if (!path) return false
    try {
      accessSync(path, constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

/**
 * The rendered config with a service sent to several addresses in turn, as Docker's DNS answers
 * for a scaled service: the template's `set $<name> host:port;` points at an upstream block of
 * that name with one `server` line per address (nginx looks a proxy_pass variable's value up among
 * its upstream blocks before asking the resolver).
 */
export function withUpstreamServers (config: string, servers: Record<string, readonly string[]>): string {
  let scaled = config
  for (const [name, addresses] of Object.entries(servers)) {
    const line = new RegExp(`^([ \\t]*)set \\$${name} [^;\\n]+;$`, 'm')
    if (!line.test(scaled)) throw new Error(`the gateway config has no "set $${name} ...;" line`)
    if (addresses.length === 0) throw new Error(`upstream ${name} needs at least one server`)
    const pool = `${name}_pool`
    scaled = scaled.replace(line, (_whole, indent: string) => `${indent}set $${name} ${pool};`)
    scaled = `upstream ${pool} {\n${addresses.map((address) => `  server ${address};\n`).join('')}  keepalive 16;\n}\n${scaled}`
  }
  return scaled
}

/** Where nginx sends each service: one `host:port`, or several for round-robin across instances. */
export interface GatewayUpstreams {
  auth: string | readonly string[]
  records: string | readonly string[]
}

const addressList = (upstream: string | readonly string[]): readonly string[] => typeof upstream === 'string' ? [upstream] : upstream

export interface RunningNginx {
  port: number
  url: string
  dir: string
  process: ManagedProcess
  errorLog (): string
  /** The access log, when `accessLog` was asked for ('' otherwise). */
  accessLog (): string
}

export interface NginxOptions {
  /** Write the template's access log, in its own format, to the prefix directory (off by default, as for speed). */
  accessLog?: boolean
  /** Replaces the template's `proxy_read_timeout` (30s), so a test sees its 504 without waiting it out. */
  upstreamReadTimeout?: string
  /** NGINX_RESOLVER (default 127.0.0.1:53, never asked while the upstreams are addresses). */
  resolver?: string
  /** The address nginx listens on (default 127.0.0.1). */
  host?: string
  /** Files written into the prefix directory before the start, by path inside it (conf.d/*.inc, certs). */
  files?: Record<string, string | Buffer>
  /** PORTAL_ROOT: the portal's build (default an empty folder: every path but the API's is the 404 envelope). */
  portalRoot?: string
}

const READ_TIMEOUT = /^([ \t]*)proxy_read_timeout [^;\n]+;$/m

/** The rendered config with another proxy_read_timeout. */
export function withReadTimeout (config: string, timeout: string): string {
  if (!READ_TIMEOUT.test(config)) throw new Error('the gateway config has no proxy_read_timeout line')
  return config.replace(READ_TIMEOUT, (_whole, indent: string) => `${indent}proxy_read_timeout ${timeout};`)
}

/** The template's access log line: the nginx image's path (stdout there), in the template's format. */
const TEMPLATE_ACCESS_LOG = /^([ \t]*)access_log \/var\/log\/nginx\/access\.log (\w+);$/m

/** The rendered config with its access log written to `path`, or turned off. */
export function withAccessLog (config: string, path: string | false): string {
  if (!TEMPLATE_ACCESS_LOG.test(config)) throw new Error('the gateway config has no access_log line to redirect')
  return config.replace(TEMPLATE_ACCESS_LOG, (_whole, indent: string, format: string) => `${indent}access_log ${path === false ? 'off' : `${path} ${format}`};`)
}

/**
 * The real nginx with the committed gateway template, rendered with the given upstreams, in a
 * temporary prefix directory: a minimal main nginx.conf around it, everything nginx writes
 * (pid, logs, temp files) inside that directory. Resolves when the port answers. An upstream
 * given as several addresses gets one `server` line each (`withUpstreamServers`).
 */
export async function startNginx (t: Teardown, upstreams: GatewayUpstreams, nginxBin = findNginx(), options: NginxOptions = {}): Promise<RunningNginx> {
  if (!nginxBin) throw new Error('nginx is not installed (looked at $NGINX_BIN, /usr/sbin/nginx and PATH)')
  const dir = tempDir(t, 'nginx')
  // When the tests run as root, nginx workers run as an unprivileged user: they must reach
  // the prefix and write request bodies to the temp directories.
  chmodSync(dir, 0o755)
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => {
    const path = join(dir, `${name}_temp`)
    mkdirSync(path)
    chmodSync(path, 0o777)
    return [name, path] as const
  })
  const port = await freePort()
  const host = options.host ?? '127.0.0.1'
  for (const [path, content] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  const portalRoot = options.portalRoot ?? join(dir, 'portal')
  if (!options.portalRoot) mkdirSync(portalRoot)
  const auth = addressList(upstreams.auth)
  const records = addressList(upstreams.records)
  const rendered = renderTemplate({
    AUTH_UPSTREAM: auth[0] ?? '',
    RECORDS_UPSTREAM: records[0] ?? '',
    GATEWAY_PORT: `${host}:${port}`,
    NGINX_RESOLVER: options.resolver ?? '127.0.0.1:53',
    PORTAL_ROOT: portalRoot,
  })
  const scaled = auth.length === 1 && records.length === 1
    ? rendered
    : withUpstreamServers(rendered, { auth_service: auth, records_service: records })
  const logged = withAccessLog(scaled, options.accessLog ? join(dir, 'access.log') : false)
  writeFileSync(join(dir, 'rendered.conf'), options.upstreamReadTimeout ? withReadTimeout(logged, options.upstreamReadTimeout) : logged)
  writeFileSync(join(dir, 'nginx.conf'), [
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} info;`,
    // As the official nginx image's nginx.conf: a burst of a hundred clients needs two connections each.
    'events { worker_connections 1024; }',
    'http {',
    '  access_log off;',
    ...temps.map(([name, path]) => `  ${name}_temp_path ${path};`),
    `  include ${join(dir, 'rendered.conf')};`,
    '}',
    '',
  ].join('\n'))

  const proc = new ManagedProcess(t, 'nginx', nginxBin, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    env: baseEnv(),
  })
  const read = (name: string) => () => {
    try {
      return readFileSync(join(dir, name), 'utf8')
    } catch {
      return ''
    }
  }
  const errorLog = read('error.log')
  try {
    await proc.waitFor(`port ${port} answering`, () => portAnswers(port, host), 15_000, 50)
  } catch (err) {
    throw new Error(`${(err as Error).message}\nnginx error.log:\n${errorLog()}`)
  }
  return { port, url: `http://${host}:${port}`, dir, process: proc, errorLog, accessLog: read('access.log') }
}
