import { connect, type AddressInfo } from 'node:net'
import Fastify from 'fastify'
import t from 'tap'
import { serverOptions } from '../src/index.js'

t.test('a whole request must arrive within requestTimeoutMs, a trickled body included', async (t) => {
  const app = Fastify(serverOptions({ logLevel: false, requestTimeoutMs: 1000 }))
  t.teardown(() => app.close())
  app.post('/echo', async (request) => request.body)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo

  const started = Date.now()
  const socket = connect({ port, host: '127.0.0.1' })
  socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{')
  // A byte every 100 ms: no per-read timeout would ever fire.
  const drip = setInterval(() => { if (socket.writable) socket.write(' ') }, 100)
  let received = ''
  socket.setEncoding('latin1').on('data', (chunk: string) => { received += chunk })
  await new Promise((resolve) => socket.on('close', resolve))
  clearInterval(drip)
  const elapsed = Date.now() - started

  // Without headersTimeout set to match, Node would take its 60 s default as the total instead.
  t.ok(elapsed >= 900 && elapsed < 3000, `closed after ${elapsed} ms`)
  t.match(received, /^HTTP\/1\.1 408 Request Timeout\r\n/)
  t.match(received, /"code":"BAD_REQUEST","message":"The request took too long to arrive"/)
})
