/**
 * The portal under test: the built services on the test PostgreSQL in demo mode, the local
 * gateway of `pnpm start` in front of them, serving the built portal (services/portal/dist) at `/`
 * with its strict CSP, as `pnpm start` does; auth-service mails through a real SMTP server of
 * the test's own (`mail`), where tests read the links people would follow.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { buildGateway } from '@rekam/launcher'
import { ensureBuilt, freePort, pnpmCommand, repoPath, startServices, type Services, type ServicesEnv, type Teardown } from '@rekam/testing/e2e'
import { startMailServer, type MailServer } from '@rekam/testing/mail'

export const PORTAL_DIR = repoPath('services', 'portal')

export interface PortalStack extends Services {
  /** Where the browser opens the portal: localhost, where browsers keep Secure cookies over HTTP. */
  url: string
  gatewayUrl: string
  /** The SMTP server auth-service mails to: invitations, verification, notices. */
  mail: MailServer
}

/** Builds the portal when its dist/ is missing (CI builds it with the rest, `pnpm build`). */
function ensurePortalBuilt (): void {
  if (existsSync(repoPath('services', 'portal', 'dist', 'index.html'))) return
  const result = spawnSync(...pnpmCommand(['--filter', '@rekam/portal', 'build']), { cwd: PORTAL_DIR, encoding: 'utf8', timeout: 300_000 })
  if (result.status !== 0) throw new Error(`building the portal failed:\n${result.stdout}\n${result.stderr}`.slice(-4000))
}

/** `env`: more settings for the services (a test's clock preload, say). */
export async function startPortalStack (t: Teardown & { comment (...args: unknown[]): void }, env: ServicesEnv = {}): Promise<PortalStack> {
  for (const note of ensureBuilt()) t.comment(note)
  ensurePortalBuilt()
  // The gateway's port first: auth-service accepts the refresh cookie only from its own origin.
  const port = await freePort()
  const url = `http://localhost:${port}`
  const mail = await startMailServer(t)
  const services = await startServices(t, { auth: { PUBLIC_URL: url, ...env.auth }, ...(env.records ? { records: env.records } : {}), smtpUrl: mail.url })
  const gateway = await buildGateway({
    upstreams: { auth: services.auth.url, records: services.records.url },
    portalDir: repoPath('services', 'portal', 'dist'),
    logLevel: 'warn',
  })
  await gateway.listen({ host: '127.0.0.1', port })
  t.teardown(() => gateway.close())
  return { ...services, url, gatewayUrl: `http://127.0.0.1:${port}`, mail }
}
