import Fastify from 'fastify'
import t from 'tap'
import { serverOptions } from '../src/server-options.js'

async function clientAddress (trustProxy: string | undefined, forwardedFor: string) {
  const app = Fastify(serverOptions({ logLevel: false, trustProxy }))
  app.get('/ip', async (request) => ({ ip: request.ip }))
  const res = await app.inject({ method: 'GET', url: '/ip', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': forwardedFor } })
  await app.close()
  return res.json().ip
}

t.test('X-Forwarded-For is believed only from the configured gateway', async (t) => {
  t.equal(await clientAddress(undefined, '203.0.113.7'), '127.0.0.1', 'no trusted proxy: the connection address')
  t.equal(await clientAddress('127.0.0.1', '203.0.113.7'), '203.0.113.7', 'from the gateway: the address it reports')
  t.equal(await clientAddress('10.0.0.5, 10.0.0.6', '203.0.113.7'), '127.0.0.1', 'from anyone else: ignored')
  t.equal(await clientAddress('127.0.0.0/8', '198.51.100.1, 203.0.113.7'), '203.0.113.7', 'CIDRs work; a spoofed earlier hop is not taken')
})
