import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'

export interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: any
}

/**
 * One request on its own connection. `declaredLength` sends a Content-Length without the body
 * (a gateway refuses an oversized one on the header alone).
 */
export function send (base: string, method: string, path: string, headers: Record<string, string> = {}, declaredLength?: number): Promise<RawAnswer> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: url.hostname,
      port: url.port,
      method,
      path,
      agent: false,
      timeout: 15_000,
      headers: { ...headers, ...(declaredLength === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(declaredLength) }) },
    }, (res) => {
      let text = ''
      res.setEncoding('utf8').on('data', (chunk: string) => { text += chunk }).on('end', () => {
        let body: unknown
        try { body = JSON.parse(text) } catch { body = text }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body })
        req.destroy()
      })
    })
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)))
    req.on('error', reject)
    if (declaredLength === undefined) req.end()
    else req.flushHeaders()
  })
}

export interface TrickleResult {
  /** The answer's status line, when one came. */
  statusLine: string | undefined
  /** The answer's body, parsed when JSON. */
  body: any
  /** Milliseconds from the first byte sent until the gateway closed the connection. */
  closedAfterMs: number | undefined
  bytesSent: number
}

/**
 * A JSON body declared at `length` bytes and sent one byte every `everyMs`, until the other side
 * closes the connection or `giveUpMs` pass (then `closedAfterMs` is undefined).
 */
export function trickle (base: string, path: string, opts: { length: number, everyMs: number, giveUpMs: number }): Promise<TrickleResult> {
  const url = new URL(base)
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) })
    const started = Date.now()
    let received = ''
    let bytesSent = 0
    const finish = (closed: boolean) => {
      clearInterval(drip)
      clearTimeout(giveUp)
      socket.destroy()
      const split = received.indexOf('\r\n\r\n')
      const text = split === -1 ? '' : received.slice(split + 4)
      let body: unknown
      try { body = JSON.parse(text) } catch { body = text }
      resolve({ statusLine: received ? received.split('\r\n')[0] : undefined, body, closedAfterMs: closed ? Date.now() - started : undefined, bytesSent })
    }
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => { received += chunk })
    socket.on('close', () => finish(true))
    socket.on('error', () => {})
    socket.write(`POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${opts.length}\r\n\r\n`)
    const drip = setInterval(() => {
      if (bytesSent < opts.length && socket.writable) {
        socket.write(bytesSent === 0 ? '{' : ' ')
        bytesSent++
      }
    }, opts.everyMs)
    const giveUp = setTimeout(() => finish(false), opts.giveUpMs)
  })
}
