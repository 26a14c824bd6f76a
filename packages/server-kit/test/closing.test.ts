import { Agent, request } from 'node:http'
import { Type } from '@sinclair/typebox'
import { inject } from 'light-my-request'
import t from 'tap'
import { baseConfigProperties, createService } from '../src/index.js'

const DOCS = { title: 'test', version: '0.0.0', description: 'test', routePrefix: '/docs' }

/** A service whose GET /slow waits in its handler until the test calls finish(). */
async function appWithHeldRoute () {
  const app = await createService({ configSchema: Type.Object(baseConfigProperties(0)), docs: DOCS, env: { PORT: '0' }, logLevel: false })
  let entered!: () => void
  const inHandler = new Promise<void>((resolve) => { entered = resolve })
  let finish!: () => void
  const finished = new Promise<void>((resolve) => { finish = resolve })
  app.get('/slow', async () => {
    entered()
    await finished
    return { ok: true }
  })
  return { app, inHandler, finish }
}

t.test('a request in flight when the server closes is answered, and its kept-alive connection does not hold the close', async (t) => {
  const { app, inHandler, finish } = await appWithHeldRoute()
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as { port: number }

  // A client that keeps connections open, as a gateway does.
  const agent = new Agent({ keepAlive: true })
  t.teardown(() => agent.destroy())
  const answer = new Promise<{ status: number, connection: string | undefined, body: string }>((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/slow', agent }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => { body += chunk }).on('end', () => {
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body })
      })
    }).on('error', reject).end()
  })
  await inHandler

  const closed = app.close()
  // The handler finishes only once the server has stopped listening (the close is under way).
  while (app.server.listening) await new Promise((resolve) => setTimeout(resolve, 5))
  finish()
  const res = await answer
  t.strictSame(res, { status: 200, connection: 'close', body: '{"ok":true}' }, 'answered in full, with Connection: close')
  const outcome = await Promise.race([closed.then(() => 'closed'), new Promise((resolve) => setTimeout(resolve, 5000, 'still open'))])
  t.equal(outcome, 'closed', 'the server finished closing without waiting for the client to drop the connection')
})

t.test('a request that reaches a closing instance on a connection opened before is served, and ends its connection', async (t) => {
  const { app, inHandler, finish } = await appWithHeldRoute()
  let poolOpen = true
  app.addHook('onClose', (_instance, done) => { poolOpen = false; done() })
  app.get('/fast', async () => ({ ok: true, poolOpen }))
  await app.listen({ host: '127.0.0.1', port: 0 })

  const { port } = app.server.address() as { port: number }
  // A real connection in flight: the server (and so the database plugin's onClose) waits for it.
  const inFlight = fetch(`http://127.0.0.1:${port}/slow`)
  await inHandler
  const closed = app.close()
  // The server stops listening once closing has begun.
  while (app.server.listening) await new Promise((resolve) => setTimeout(resolve, 5))
  // As a request arriving on a connection opened before (app.inject itself refuses a closing app,
  // so the request goes to Fastify's request handler directly, as the HTTP server would send it).
  // A gateway would not retry a refused POST elsewhere, so it is served.
  const late = await inject(app.routing, { method: 'GET', url: '/fast', headers: { 'x-request-id': 'late-request' } })
  t.equal(late.statusCode, 200)
  t.strictSame(late.json(), { ok: true, poolOpen: true }, 'served while what the handlers use is still open')
  t.equal(late.headers.connection, 'close', 'and its connection ends with the answer')

  finish()
  t.equal((await inFlight).status, 200, 'the request in flight still finished')
  await closed
  t.equal(poolOpen, false, 'onClose ran once the server had closed')
})
