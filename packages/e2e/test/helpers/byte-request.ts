/**
 * Requests written byte for byte on a socket, and their answers parsed by hand: for input no HTTP
 * client library would send (oversized lines and headers, bad request lines, raw bodies).
 */
import { connect } from 'node:net'

export interface RawResponse {
  status: number
  headers: Map<string, string>
  body: any
  text: string
}

/**
 * One request written byte for byte on its own connection (no client library between: header
 * sizes, request lines and bodies are exactly as given). The connection is never half-closed:
 * a proxy would take that for a client gone away.
 */
export function send (base: string, method: string, path: string, headers: Array<[string, string]> = [], body?: string | Buffer): Promise<RawResponse> {
  const url = new URL(base)
  const payload = typeof body === 'string' ? Buffer.from(body) : body
  const head = [
    `${method} ${path} HTTP/1.1`,
    `Host: ${url.host}`,
    'Connection: close',
    ...headers.map(([name, value]) => `${name}: ${value}`),
    ...(payload ? [`Content-Length: ${payload.length}`] : []),
    '',
    '',
  ].join('\r\n')
  const what = `${method} ${path.slice(0, 40)}`
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) })
    let received = Buffer.alloc(0)
    let done = false
    const finish = (error?: Error) => {
      if (done) return
      const res = parseResponse(received)
      if (!res && !error && !socket.destroyed) return
      done = true
      socket.destroy()
      if (res) resolve(res)
      else reject(error ?? new Error(`${what}: no complete HTTP answer (${received.length} bytes)`))
    }
    socket.setTimeout(20_000, () => finish(new Error(`${what}: no answer in 20 s`)))
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk])
      finish()
    })
    // A server that refuses early may reset the connection after its answer: the answer counts.
    socket.on('error', (err) => finish(err))
    socket.on('close', () => finish())
    socket.write(head)
    if (payload) socket.write(payload)
  })
}

/** The response in `raw` once it is complete (by Content-Length or the last chunk), else undefined. */
function parseResponse (raw: Buffer): RawResponse | undefined {
  const split = raw.indexOf('\r\n\r\n')
  if (split === -1) return undefined
  const [statusLine = '', ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n')
  const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]))
  let rest = raw.subarray(split + 4)
  if (headers.get('transfer-encoding') === 'chunked') {
    const body = dechunk(rest)
    if (!body) return undefined
    rest = body
  } else {
    const length = Number(headers.get('content-length') ?? NaN)
    if (!(rest.length >= length)) return undefined
    rest = rest.subarray(0, length)
  }
  const text = rest.toString('utf8')
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {}
  return { status: Number(statusLine.split(' ')[1]), headers, body, text }
}

/** A chunked body decoded, or undefined while its last chunk has not arrived. */
function dechunk (data: Buffer): Buffer | undefined {
  const out: Buffer[] = []
  let at = 0
  while (at < data.length) {
    const lineEnd = data.indexOf('\r\n', at)
    if (lineEnd === -1) return undefined
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16)
    if (size === 0) return Buffer.concat(out)
    if (lineEnd + 2 + size > data.length) return undefined
    out.push(data.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
  return undefined
}

/** Headers and body of a JSON request for `send`. */
export const json = (body: string | Buffer) => ({ headers: [['Content-Type', 'application/json']] as Array<[string, string]>, body })
