import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { buildApp, makeKey, sign } from './helpers.js'

const rsa = makeKey('RS256', 'rsa-1')

/**
 * A GET sent as raw bytes over a real socket: `inject` builds its request from a headers object,
 * which cannot hold the same header twice, so only a socket shows what Node does with duplicates.
 */
function rawGet (port: number, headerLines: string[]): Promise<{ status: number, body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => { text += chunk })
    socket.on('error', reject)
    socket.on('end', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n')
      resolve({ status: Number(head.split(' ')[1]), body: JSON.parse(body) })
    })
    socket.write(['GET /me HTTP/1.1', 'Host: localhost', 'Connection: close', ...headerLines, '', ''].join('\r\n'))
  })
}

t.test('two Authorization headers: 400 BAD_REQUEST, whichever of them is valid', async (t) => {
  const app = await buildApp(t, { keys: [{ kid: rsa.kid, publicKey: rsa.publicPem }] })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  const good = await sign({ key: rsa })
  const other = await sign({ key: rsa })

  const one = await rawGet(port, [`Authorization: Bearer ${good}`])
  t.equal(one.status, 200, 'one header is served')

  for (const [label, lines] of [
    ['the valid token first', [`Authorization: Bearer ${good}`, 'Authorization: Bearer garbage']],
    ['the valid token second', ['Authorization: Bearer garbage', `Authorization: Bearer ${good}`]],
    ['two valid tokens, names in other cases', [`authorization: Bearer ${good}`, `AUTHORIZATION: Bearer ${other}`]],
  ] as const) {
    const res = await rawGet(port, [...lines])
    t.equal(res.status, 400, label)
    t.strictSame(res.body, {
      success: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'The request carries more than one Authorization header',
        requestId: (res.body as { error?: { requestId?: string } }).error?.requestId,
      },
    }, label)
  }
})
