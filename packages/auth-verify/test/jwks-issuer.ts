import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Test } from 'tap'
import type { JwksOptions } from '../src/index.js'
import { buildApp, sign, type TestKey } from './helpers.js'

export const JWKS_PATH = '/issuer/.well-known/jwks.json'

/**
 * A real issuer over real HTTP: the served key set can change at runtime, every request is
 * counted, and it can be stopped (issuer down), made to hang, or made to answer badly.
 */
export class JwksServer {
  keys: object[]
  /** Requests received on the JWKS path, including those never answered. */
  fetches = 0
  paths: string[] = []
  /** When set, served as is instead of the key set. */
  raw: { status: number, body: string } | undefined
  /** Accept the request and never answer. */
  hang = false
  private port = 0
  private readonly server: Server

  constructor (keys: TestKey[]) {
    this.keys = keys.map((key) => key.jwk)
    this.server = createServer((req, res) => {
      this.paths.push(req.url ?? '')
      if (req.url !== JWKS_PATH) {
        res.writeHead(404).end()
        return
      }
      this.fetches++
      if (this.hang) return
      const { status, body } = this.raw ?? { status: 200, body: JSON.stringify({ keys: this.keys }) }
      res.writeHead(status, { 'content-type': 'application/json' }).end(body)
    })
  }

  get url () {
    return `http://127.0.0.1:${this.port}${JWKS_PATH}`
  }

  serve (keys: TestKey[]) {
    this.keys = keys.map((key) => key.jwk)
  }

  async start () {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject)
        resolve()
      })
    })
    this.port = (this.server.address() as AddressInfo).port
  }

  /** Closes the port and every open connection, kept-alive or hanging. */
  async stop () {
    if (!this.server.listening) return
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    this.server.closeAllConnections()
    await closed
  }
}

export async function startIssuer (tap: Test, keys: TestKey[]): Promise<JwksServer> {
  const issuer = new JwksServer(keys)
  await issuer.start()
  tap.teardown(() => issuer.stop())
  return issuer
}

/** The real time plus what a test has advanced it by: the verifier's clock, moved instead of sleeping. */
export class TestClock {
  private offset = 0
  readonly now = () => Date.now() + this.offset
  advance (ms: number) {
    this.offset += ms
  }
}

export function jwksApp (tap: Test, issuer: JwksServer, jwks: Omit<JwksOptions, 'url'> = {}, clock = new TestClock()) {
  return buildApp(tap, { jwks: { url: issuer.url, timeoutMs: 500, ...jwks }, now: clock.now })
}

export async function timed<T> (fn: () => Promise<T>): Promise<{ result: T, ms: number }> {
  const start = performance.now()
  const result = await fn()
  return { result, ms: performance.now() - start }
}

export const bearer = async (key: TestKey, kid?: string) => `Bearer ${await sign({ key, kid })}`
export const junkKid = () => randomBytes(16).toString('base64url')
