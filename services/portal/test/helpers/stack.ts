/**
 * The portal under test: the built services on the test PostgreSQL in demo mode, the local
 * gateway of `pnpm start` in front of them, and the built portal (services/portal/dist).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { buildGateway } from '@rekam/launcher'
import { ensureBuilt, freePort, repoPath, startServices, type Services, type Teardown } from '@rekam/testing/e2e'
import { preview } from 'vite'

export const PORTAL_DIR = repoPath('services', 'portal')

/** The policy the gateways serve the portal with: nothing inline, nothing from elsewhere. */
export const PORTAL_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

export interface PortalStack extends Services {
  /** Where the browser opens the portal: localhost, where browsers keep Secure cookies over HTTP. */
  url: string
  gatewayUrl: string
}

/** Builds the portal when its dist/ is missing (CI builds it with the rest, `pnpm build`). */
function ensurePortalBuilt (): void {
  if (existsSync(repoPath('services', 'portal', 'dist', 'index.html'))) return
  const result = spawnSync('npx', ['-y', 'pnpm@10', '--filter', '@rekam/portal', 'build'], { cwd: PORTAL_DIR, encoding: 'utf8', timeout: 300_000 })
  if (result.status !== 0) throw new Error(`building the portal failed:\n${result.stdout}\n${result.stderr}`.slice(-4000))
}

export async function startPortalStack (t: Teardown & { comment (...args: unknown[]): void }): Promise<PortalStack> {
  for (const note of ensureBuilt()) t.comment(note)
  ensurePortalBuilt()
  const services = await startServices(t)
  const gateway = await buildGateway({ upstreams: { auth: services.auth.url, records: services.records.url }, logLevel: 'warn' })
  const gatewayPort = await freePort()
  await gateway.listen({ host: '127.0.0.1', port: gatewayPort })
  t.teardown(() => gateway.close())
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`

  // STAND-IN until buildGateway serves the portal itself (its `portalDir` option): Vite's preview
  // server serves dist/ with the gateways' CSP and passes /api and /.well-known to the gateway.
  const port = await freePort()
  const proxy = { target: gatewayUrl, changeOrigin: false }
  const server = await preview({
    configFile: false,
    root: PORTAL_DIR,
    logLevel: 'warn',
    build: { outDir: 'dist' },
    preview: { host: '127.0.0.1', port, strictPort: true, headers: { 'content-security-policy': PORTAL_CSP }, proxy: { '/api': proxy, '/.well-known': proxy } },
  })
  t.teardown(() => server.close())
  return { ...services, url: `http://localhost:${port}`, gatewayUrl }
}
