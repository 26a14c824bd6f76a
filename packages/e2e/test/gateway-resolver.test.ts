/**
 * The nginx gateway looks service names up while it serves, as compose needs: a recreated
 * container (a new address behind the same name) and a scaled one (several addresses) are
 * followed without restarting nginx. The real nginx with the committed template asks a tiny DNS
 * server of the test's own (in compose: Docker's, 127.0.0.11); the "containers" are HTTP servers
 * on 127.0.0.2-4, one port for all, as containers share a port on different addresses.
 */
import { createServer, type Server } from 'node:http'
import t, { type Test } from 'tap'
import { findNginx, freePort, startNginx } from '@rekam/testing/e2e'
import { startDnsServer } from './helpers/dns-server.js'

const nginxBin = findNginx()
const INSTANCES = { a: '127.0.0.2', b: '127.0.0.3', c: '127.0.0.4' } as const
type Instance = keyof typeof INSTANCES

function listen (server: Server, port: number, host: string) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => { server.off('error', reject); resolve() })
  })
}

/** One "container" per address, each answering with its name; the same free port on all. */
async function containers (t: Test) {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort()
    const servers = new Map<Instance, Server>()
    try {
      for (const [name, host] of Object.entries(INSTANCES) as Array<[Instance, string]>) {
        const server = createServer((_req, res) => {
          res.setHeader('content-type', 'application/json')
          res.end(JSON.stringify({ instance: name }))
        })
        servers.set(name, server)
        await listen(server, port, host)
      }
    } catch (err) {
      for (const server of servers.values()) server.close()
      if (attempt < 5) continue
      throw err
    }
    const stop = (name: Instance) => new Promise<void>((resolve) => {
      const server = servers.get(name)!
      server.closeAllConnections()
      server.close(() => resolve())
    })
    t.teardown(() => Promise.all([...servers.keys()].filter((name) => servers.get(name)!.listening).map(stop)))
    return { port, stop }
  }
}

async function whoAnswers (base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/whoami`, { signal: AbortSignal.timeout(5000) })
  const body = await res.json().catch(() => undefined) as { instance?: string, error?: { code?: string } } | undefined
  return body?.instance ?? `${res.status} ${body?.error?.code ?? ''}`.trim()
}

/** Asks until `done` holds for an answer, at most `ms`; returns every answer seen. */
async function askUntil (base: string, done: (answer: string) => boolean, ms: number): Promise<string[]> {
  const seen: string[] = []
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const answer = await whoAnswers(base)
    seen.push(answer)
    if (done(answer)) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return seen
}

t.test('nginx follows the service name to its current addresses, without a restart', {
  skip: !nginxBin && !process.env.CI ? 'nginx is not installed' : false,
}, async (t) => {
  const { port, stop } = await containers(t)
  const dns = await startDnsServer(t, { 'auth-service': [INSTANCES.a] })
  // records-service is not known to DNS at all: nginx must start anyway (an upstream{} block
  // with an unresolvable name stops nginx at start).
  const gateway = await startNginx(t, { auth: `auth-service:${port}`, records: `records-service:${port}` }, nginxBin, {
    resolver: `127.0.0.1:${dns.port}`,
  })
  const pid = gateway.process.child.pid

  t.equal(await whoAnswers(gateway.url), 'a', 'the name\'s address answers')
  t.ok((dns.queries.get('auth-service') ?? 0) >= 1, 'nginx asked the resolver')

  // Recreated: the old container is gone, the name points at a new address.
  await stop('a')
  dns.records.set('auth-service', [INSTANCES.b])
  // valid=5s in the template: the old address is asked again for at most that long.
  const recreated = await askUntil(gateway.url, (answer) => answer === 'b', 10_000)
  t.equal(recreated.at(-1), 'b', `the new container answers within the template's valid= (${recreated.join(', ')})`)
  t.ok(recreated.every((answer) => answer === 'b' || answer === '502 BAD_GATEWAY'), 'meanwhile, the envelope\'s 502')

  // Scaled: two addresses behind the name; both are used.
  dns.records.set('auth-service', [INSTANCES.b, INSTANCES.c])
  const scaled = await askUntil(gateway.url, (answer) => answer === 'c', 10_000)
  t.equal(scaled.at(-1), 'c', 'the added container answers too')
  // Round robin is kept per nginx worker, so a handful of requests can all reach one address:
  // once the added one has answered, the first one is asked until it answers again.
  const turns = await askUntil(gateway.url, (answer) => answer === 'b', 10_000)
  t.ok(turns.every((answer) => answer === 'b' || answer === 'c'), `only the two answer (${turns.join(', ')})`)
  t.equal(turns.at(-1), 'b', 'after the added container, the first answers again: requests are shared between the two')

  const unknown = await fetch(`${gateway.url}/api/records`)
  t.equal(unknown.status, 502, 'a name DNS does not know: 502')
  t.equal((await unknown.json() as { error: { code: string } }).error.code, 'BAD_GATEWAY')
  t.equal(gateway.process.child.pid, pid, 'the same nginx process throughout')
  t.doesNotThrow(() => gateway.process.assertRunning())
})
