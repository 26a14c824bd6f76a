/**
 * The nginx gateway (gateway/templates/default.conf.template) and the local Node gateway
 * (packages/launcher, GATEWAY_ROUTES) must send every path to the same service. Checked twice:
 * on the text of the template's `location` blocks, and by sending the same paths through the
 * real nginx and the real Node gateway to two upstreams that answer with their own name.
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { buildGateway, GATEWAY_ROUTES } from '@rekam/launcher'
import { MAX_BODY_BYTES } from '@rekam/server-kit'
import t from 'tap'
import { findNginx, GATEWAY_TEMPLATE, startNginx } from '@rekam/testing/e2e'

type Upstream = 'auth' | 'records'

interface Location {
  modifier: '' | '=' | '~' | '~*' | '^~' | '@'
  path: string
  /** The upstream it proxies to, if it proxies. */
  upstream: string | undefined
}

/**
 * Splits nginx configuration text into directives and blocks: comments dropped, quoted strings
 * kept whole (so braces inside `return 404 '{...}'` do not count), `${VAR}` left as text.
 */
interface Directive { name: string, args: string[], block?: Directive[] }

function parseConfig (text: string): Directive[] {
  const tokens: string[] = []
  const re = /\s+|#[^\n]*|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[{};]|(?:\$\{[^}]*\}|[^\s{};'"#])+/gy
  let match: RegExpExecArray | null
  while (re.lastIndex < text.length && (match = re.exec(text))) {
    const token = match[0]
    if (/^\s/.test(token) || token.startsWith('#')) continue
    tokens.push(token)
  }
  if (re.lastIndex < text.length) throw new Error(`cannot parse the template near: ${text.slice(re.lastIndex, re.lastIndex + 40)}`)
  let i = 0
  function block (): Directive[] {
    const out: Directive[] = []
    while (i < tokens.length && tokens[i] !== '}') {
      const words: string[] = []
      while (i < tokens.length && !['{', ';', '}'].includes(tokens[i]!)) words.push(tokens[i++]!)
      const [name = '', ...args] = words
      if (tokens[i] === '{') {
        i++
        out.push({ name, args, block: block() })
        if (tokens[i++] !== '}') throw new Error(`unclosed block ${name}`)
      } else if (tokens[i] === ';') {
        i++
        out.push({ name, args })
      } else {
        throw new Error(`unterminated directive ${name}`)
      }
    }
    return out
  }
  const parsed = block()
  if (i !== tokens.length) throw new Error('unbalanced braces in the template')
  return parsed
}

/** The `location` blocks of the template's server block (named `@` locations included). */
function parseLocations (text: string): Location[] {
  const servers = parseConfig(text).filter((d) => d.name === 'server')
  if (servers.length !== 1) throw new Error(`expected one server block, found ${servers.length}`)
  return servers[0]!.block!.filter((d) => d.name === 'location').map((d) => {
    const [first = '', second] = d.args
    const path = second ?? first
    const proxy = d.block?.find((x) => x.name === 'proxy_pass')?.args[0]
    return {
      modifier: (path.startsWith('@') ? '@' : second !== undefined ? first : '') as Location['modifier'],
      path,
      upstream: proxy ? /^http:\/\/\$?([\w.-]+)$/.exec(proxy)?.[1] ?? proxy : undefined,
    }
  })
}

/** The template's upstream variable (`set $auth_service host:port;`) -> the GATEWAY_ROUTES upstream it stands for. */
const UPSTREAM_NAMES: Record<string, Upstream> = { auth_service: 'auth', records_service: 'records' }

const template = readFileSync(GATEWAY_TEMPLATE, 'utf8')
/** /health/ready's subrequests (`= /.rekam-ready/<service>`), each asking one service's own readiness. */
const READINESS = /^\/\.rekam-ready\/(\w+)$/
const readiness = parseLocations(template).filter((l) => READINESS.test(l.path))
const locations = parseLocations(template).filter((l) => !READINESS.test(l.path))
const routes = GATEWAY_ROUTES.map((r) => ({ prefix: r.prefix as string, upstream: r.upstream as Upstream }))

t.test('the template is parsed: its locations and upstream blocks', async (t) => {
  t.ok(locations.length >= routes.length * 2, 'found the location blocks')
  t.strictSame(locations.filter((l) => l.modifier === '@').map((l) => l.path).sort(), ['@bad_gateway', '@gateway_timeout', '@payload_too_large', '@rekam_auth_not_ready', '@rekam_ready', '@rekam_ready_records', '@rekam_records_not_ready'], 'the named error and readiness locations')
  t.strictSame([...template.matchAll(/^\s*set\s+\$(\w+)\s+\$\{\w+\};/gm)].map((m) => m[1]).sort(), Object.keys(UPSTREAM_NAMES).sort(), 'two upstream variables')
  t.strictSame(locations.filter((l) => l.modifier === '~' || l.modifier === '~*'), [], 'no regex locations (prefix and exact matching decide everything)')
  for (const l of locations.filter((l) => l.upstream)) {
    t.ok(Object.hasOwn(UPSTREAM_NAMES, l.upstream!), `${l.modifier} ${l.path} proxies to a known upstream (${l.upstream})`)
  }
})

t.test('every GATEWAY_ROUTES prefix is routed by nginx to the same upstream', async (t) => {
  for (const { prefix, upstream } of routes) {
    const under = locations.find((l) => (l.modifier === '' || l.modifier === '^~') && l.path === `${prefix}/`)
    t.ok(under, `nginx has location ${prefix}/`)
    t.equal(under && UPSTREAM_NAMES[under.upstream ?? ''], upstream, `${prefix}/... goes to ${upstream}`)
    // The Node gateway proxies the bare prefix too; so must nginx (exactly, or by a prefix location).
    const exact = locations.find((l) => l.modifier === '=' && l.path === prefix) ??
      locations.find((l) => (l.modifier === '' || l.modifier === '^~') && l.path === prefix)
    t.ok(exact, `nginx has a location for ${prefix} itself`)
    t.equal(exact && UPSTREAM_NAMES[exact.upstream ?? ''], upstream, `${prefix} goes to ${upstream}`)
  }
})

t.test('every nginx location that proxies is a GATEWAY_ROUTES prefix with the same upstream', async (t) => {
  for (const l of locations.filter((l) => l.upstream)) {
    const prefix = l.path.replace(/\/$/, '')
    const route = routes.find((r) => r.prefix === prefix)
    t.ok(route, `${l.modifier} ${l.path} is in GATEWAY_ROUTES`)
    t.equal(route?.upstream, UPSTREAM_NAMES[l.upstream!], `${l.path} goes to ${route?.upstream}`)
  }
  const nonProxy = locations.filter((l) => !l.upstream && l.modifier !== '@').map((l) => `${l.modifier} ${l.path}`.trim())
  t.strictSame(nonProxy.sort(), ['/', '= /health/live', '= /health/ready'].sort(), 'the only other locations: the catch-all 404 and the gateway\'s own health')
})

t.test('/health/ready asks every upstream of GATEWAY_ROUTES, as the Node gateway does, from internal locations only', async (t) => {
  const asked = readiness.map((l) => {
    const service = READINESS.exec(l.path)![1]!
    return { modifier: l.modifier, service, upstream: l.upstream }
  })
  t.strictSame(asked, [...new Set(routes.map((r) => r.upstream))].map((service) => ({ modifier: '=', service, upstream: `http://$${service}_service/health/ready` })), 'auth, then records, each its own /health/ready')
  for (const l of readiness) t.match(template, new RegExp(`location = ${l.path.replace(/\./g, '\\.')} \\{\\n\\s*internal;`), `${l.path} is internal`)
})

/** An upstream that answers every request with its name and the path it received. */
async function labelledUpstream (t: { teardown (fn: () => unknown): void }, name: Upstream): Promise<string> {
  const server: Server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ upstream: name, path: req.url }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  }))
  return `127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** Which upstream answered a path through a gateway ('gateway' when the gateway answered itself). */
async function routedTo (base: string, path: string): Promise<string> {
  const res = await fetch(`${base}${path}`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) })
  const body = await res.json().catch(() => undefined) as { upstream?: string, path?: string } | undefined
  if (!body?.upstream) return `gateway ${res.status}${res.headers.get('location') ? ` to ${res.headers.get('location')}` : ''}`
  // The path arrives unchanged (no prefix stripping).
  return body.path === path ? body.upstream : `${body.upstream} (received ${body.path})`
}

const nginxBin = findNginx()
t.test('the real nginx and the real Node gateway send the same paths to the same upstream', { skip: !nginxBin && !process.env.CI ? 'nginx is not installed' : false }, async (t) => {
  const upstreams = { auth: await labelledUpstream(t, 'auth'), records: await labelledUpstream(t, 'records') }
  const nginx = await startNginx(t, upstreams, nginxBin)
  const node = await buildGateway({ upstreams: { auth: `http://${upstreams.auth}`, records: `http://${upstreams.records}` }, logLevel: false })
  t.teardown(() => node.close())
  await node.listen({ host: '127.0.0.1', port: 0 })
  const nodeUrl = `http://127.0.0.1:${(node.server.address() as AddressInfo).port}`

  const prefixes = new Set([...routes.map((r) => r.prefix), ...locations.filter((l) => l.upstream).map((l) => l.path.replace(/\/$/, ''))])
  // records-service's own JWKS (signed records) sits under its prefix, not under auth-service's /.well-known.
  const paths = new Set(['/', '/api', '/api/', '/unknown', '/api/unknown', '/health/ready', '/api/records/.well-known/jwks.json'])
  for (const prefix of prefixes) {
    for (const suffix of ['', '/', '/x', '/x/y', '/x?q=1', 'x', '-x/y']) paths.add(`${prefix}${suffix}`)
  }
  for (const path of paths) {
    const [viaNginx, viaNode] = await Promise.all([routedTo(nginx.url, path), routedTo(nodeUrl, path)])
    t.equal(viaNginx, viaNode, `${path}: nginx -> ${viaNginx}, Node gateway -> ${viaNode}`)
    const route = routes.find((r) => path.split('?')[0] === r.prefix || path.startsWith(`${r.prefix}/`))
    // /health/ready is the gateway's answer: both labelled upstreams answer it 200, so ready.
    t.equal(viaNginx, route ? route.upstream : path === '/health/ready' ? 'gateway 200' : 'gateway 404', `${path} goes where GATEWAY_ROUTES says`)
  }
})

t.test('nginx refuses bodies over exactly the services\' limit', async (t) => {
  const sizes = [...readFileSync(GATEWAY_TEMPLATE, 'utf8').matchAll(/^\s*client_max_body_size\s+(\d+)([km]?);/gm)]
  t.equal(sizes.length, 1, 'one client_max_body_size')
  const [, amount, unit] = sizes[0] ?? []
  t.equal(Number(amount) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : 1), MAX_BODY_BYTES, 'client_max_body_size = MAX_BODY_BYTES')
})
