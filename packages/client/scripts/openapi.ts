import openapiTS, { astToString } from 'openapi-typescript'
import { buildTestAuthApp } from '@rekam/auth-service/testing'

export type ServiceName = 'auth' | 'records'
export const SERVICES: readonly ServiceName[] = ['auth', 'records']

interface DocumentedApp {
  ready (): Promise<unknown>
  swagger (): unknown
  close (): Promise<unknown>
}
interface RecordsModule {
  buildApp (options: { logLevel: false, env: Record<string, string> }): Promise<DocumentedApp>
}
// A specifier TypeScript does not follow: both services augment Fastify's types, and this
// package's program must hold neither (tsconfig/README.md).
const recordsModule: string = '@rekam/records-service'

/** Configuration that starts each app with nothing outside the process: PGlite in memory, no feeds. */
const ENV = { NODE_ENV: 'test', DATA_DIR: 'memory://' }

/** postgres:// URLs of empty databases for the apps; without them each runs on PGlite in memory. */
export type DocumentDatabases = Partial<Record<ServiceName, string | undefined>>

const databaseEnv = (url: string | undefined): Record<string, string> => url ? { DATABASE_URL: url } : {}

/**
 * The OpenAPI document each service generates from its routes' schemas (`app.swagger()`), with
 * both apps built in this process: what the services serve at `/api/<service>/docs/json`, without
 * a port. On PGlite in memory by default, so generating needs no database server; the test passes
 * PostgreSQL databases when it has them, where an app starts for a fraction of PGlite's
 * CPU-seconds (the document does not depend on the database).
 */
export async function liveDocuments (databases: DocumentDatabases = {}): Promise<Record<ServiceName, unknown>> {
  const auth = await buildTestAuthApp({ databaseUrl: databases.auth, env: ENV }) as unknown as DocumentedApp
  const { buildApp } = await import(recordsModule) as RecordsModule
  const records = await buildApp({ logLevel: false, env: { ...ENV, ...databaseEnv(databases.records), REVOCATION_STRICT: 'false' } })
  try {
    await Promise.all([auth.ready(), records.ready()])
    return { auth: auth.swagger(), records: records.swagger() }
  } finally {
    await Promise.all([auth.close(), records.close()])
  }
}

/**
 * The document with each path as the API is called: a prefix's root route is documented as
 * `/api/records/` (Fastify's prefix plus '/'), and the services answer it without the slash too,
 * which is how DESIGN.md and every caller write it.
 */
export function withoutTrailingSlashes (document: unknown): unknown {
  const { paths, ...rest } = document as { paths: Record<string, unknown> }
  const entries = Object.entries(paths).map(([path, item]) => [path.length > 1 ? path.replace(/\/$/, '') : path, item] as const)
  return { ...rest, paths: Object.fromEntries(entries) }
}

/** The checked-in files of one document: the JSON as served and its openapi-typescript types. */
export async function renderFiles (name: ServiceName, document: unknown): Promise<Record<string, string>> {
  const json = `${JSON.stringify(document, null, 2)}\n`
  const ast = await openapiTS(JSON.stringify(withoutTrailingSlashes(document)), { exportType: false })
  const types = [
    '/* eslint-disable */',
    `// Generated from openapi/${name}.json by \`pnpm --filter @rekam/client generate\`; do not edit.`,
    '',
    astToString(ast),
  ].join('\n')
  return { [`openapi/${name}.json`]: json, [`src/generated/${name}.ts`]: types }
}

/** Every checked-in generated file, by its path inside the package. */
export async function generatedFiles (databases: DocumentDatabases = {}): Promise<Record<string, string>> {
  const documents = await liveDocuments(databases)
  const files = await Promise.all(SERVICES.map((name) => renderFiles(name, documents[name])))
  return Object.assign({}, ...files)
}
