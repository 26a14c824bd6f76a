import { createServer, connect, type Server, type Socket } from 'node:net'
import type { Teardown } from './processes.js'

/**
 * How a cut proxy treats new connections: `refuse` stops listening (the connect fails at once,
 * as when the database is down), `blackhole` accepts and then never answers (as a dropped
 * network path does; only the client's own timeouts end the wait).
 */
export type CutMode = 'refuse' | 'blackhole'

export interface TcpProxy {
  /** The loopback port clients connect to. */
  readonly port: number
  /** Connections currently forwarded to the target. */
  readonly liveConnections: number
  /**
   * Connections accepted since the last `cut('blackhole')`, held open or not: the client gives
   * up on one after its connect timeout, so how many are open at a given moment proves little.
   */
  readonly blackholedConnections: number
  /** The same URL with its host and port replaced by the proxy's. */
  url (through: string): string
  /** Destroys every live connection and treats new ones as `mode` says, until `restore()`. */
  cut (mode?: CutMode): Promise<void>
  /** Forwards new connections again (held blackholed connections are dropped). */
  restore (): Promise<void>
  close (): Promise<void>
}

function listen (server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      const address = server.address()
      if (typeof address === 'object' && address) resolve(address.port)
      else reject(new Error('the proxy has no port'))
    })
  })
}

function stopListening (server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) resolve()
    else server.close(() => resolve())
  })
}

/** The PostgreSQL server the tests use (as `createTestDatabase` finds it). */
export function testDatabaseServer (): { host: string, port: number } {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres')
  return { host: url.hostname, port: Number(url.port || 5432) }
}

/**
 * A TCP proxy on a free loopback port in front of `target` (the tests' PostgreSQL by default),
 * that a test can cut and restore to take a dependency away from a running service and give it
 * back without touching the dependency itself. Closed by teardown.
 */
export async function startTcpProxy (t: Teardown, target = testDatabaseServer()): Promise<TcpProxy> {
  const live = new Set<Socket>()
  const held = new Set<Socket>()
  let blackholed = 0
  let mode: CutMode | undefined

  const server = createServer((client) => {
    client.on('error', () => {})
    if (mode === 'blackhole') {
      // Accepted, read and discarded: the client sees an open connection that never answers.
      held.add(client)
      blackholed++
      client.on('close', () => held.delete(client))
      client.resume()
      return
    }
    const upstream = connect(target.port, target.host)
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
    for (const socket of [client, upstream]) {
      live.add(socket)
      socket.on('close', () => {
        live.delete(socket)
        // One side gone: the other goes too, as a real connection would.
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  })

  const port = await listen(server, 0)

  const proxy: TcpProxy = {
    port,
    get liveConnections () {
      // Each forwarded connection is two sockets.
      return live.size / 2
    },
    get blackholedConnections () {
      return blackholed
    },
    url (through) {
      const url = new URL(through)
      url.hostname = '127.0.0.1'
      url.port = String(port)
      return url.toString()
    },
    async cut (cutMode = 'refuse') {
      mode = cutMode
      blackholed = 0
      for (const socket of live) socket.destroy()
      if (cutMode === 'refuse') await stopListening(server)
    },
    async restore () {
      mode = undefined
      for (const socket of held) socket.destroy()
      // The same port again: the service keeps its configured address.
      if (!server.listening) await listen(server, port)
    },
    async close () {
      for (const socket of [...live, ...held]) socket.destroy()
      await stopListening(server)
    },
  }
  t.teardown(() => proxy.close())
  return proxy
}
