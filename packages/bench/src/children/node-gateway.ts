/**
 * The fallback gateway when nginx is not installed: the launcher's Node gateway (packages/launcher),
 * loaded from the workspace source, in front of AUTH_UPSTREAM and RECORDS_UPSTREAM on PORT.
 */
import { pathToFileURL } from 'node:url'
import { repoPath } from '@rekam/testing/e2e'

interface Gateway { listen (where: { host: string, port: number }): Promise<string> }
type BuildGateway = (opts: { upstreams: { auth: string, records: string }, logLevel: string | false }) => Promise<Gateway>

const { buildGateway } = await import(pathToFileURL(repoPath('packages', 'launcher', 'src', 'index.ts')).href) as { buildGateway: BuildGateway }
const gateway = await buildGateway({
  upstreams: { auth: process.env.AUTH_UPSTREAM!, records: process.env.RECORDS_UPSTREAM! },
  logLevel: 'warn',
})
await gateway.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
