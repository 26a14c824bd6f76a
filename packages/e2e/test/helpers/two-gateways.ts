import type { AddressInfo } from 'node:net'
import { buildGateway } from '@rekam/launcher'
import type { Test } from 'tap'
import { client, startNginx, type Client, type RunningService } from '@rekam/testing/e2e'

/** One of the two gateways, with a client of it. */
export interface Gateway {
  name: string
  url: string
  api: Client
}

/**
 * The real nginx with the committed template and the local Node gateway (packages/launcher), in
 * front of the same services; both stopped when `t` ends.
 */
export async function startTwoGateways (t: Test, auth: RunningService, records: RunningService, nginxBin: string | undefined): Promise<Gateway[]> {
  const nginx = await startNginx(t, { auth: `127.0.0.1:${auth.port}`, records: `127.0.0.1:${records.port}` }, nginxBin)
  const node = await buildGateway({ upstreams: { auth: auth.url, records: records.url }, logLevel: false })
  t.teardown(() => node.close())
  await node.listen({ host: '127.0.0.1', port: 0 })
  const nodeUrl = `http://127.0.0.1:${(node.server.address() as AddressInfo).port}`
  return [{ name: 'nginx', url: nginx.url, api: client(nginx.url) }, { name: 'Node gateway', url: nodeUrl, api: client(nodeUrl) }]
}
