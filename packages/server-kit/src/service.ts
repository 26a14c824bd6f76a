import fastifyEnv from '@fastify/env'
import sensible from '@fastify/sensible'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorsPlugin, StartupError } from '@rekam/errors'
import type { Static, TSchema } from '@sinclair/typebox'
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify'
import { buildSerializer } from './compiled-schemas.js'
import { apiDocsEnabled, type BaseConfig } from './config.js'
import docsPlugin, { type DocsOptions } from './docs.js'
import { loadConfig } from './load-config.js'
import securityPlugin from './security.js'
import requestIdPlugin from './request-id.js'
import { serverOptions } from './server-options.js'
import validationPlugin from './validation.js'

/** What a service's `buildApp(options)` accepts: tests use these to isolate and observe it. */
export interface AppOptions {
  /** Environment to read the configuration from (defaults to process.env). */
  env?: Record<string, unknown> | undefined
  /** pino level, or false for no logs. */
  logLevel?: string | false | undefined
  /** Where log lines go instead of stdout. */
  logStream?: { write (line: string): void } | undefined
  /** Told of every route as it is added (tests list the routes to fuzz). */
  onRoute?: ((route: RouteOptions) => void) | undefined
}

export interface ServiceOptions<S extends TSchema & { static: BaseConfig }> extends AppOptions {
  /** TypeBox schema of the service's environment; validated (loadConfig) before the server exists. */
  configSchema: S
  /** Cross-variable rules beyond the shared ones; throw to refuse to start. */
  checkConfig?: (config: Static<S>) => void
  docs: DocsOptions
}

/**
 * The part every rekam service starts with, in this order: server options, validated config,
 * the error envelope, security headers and CORS, @fastify/sensible, strict body validation,
 * request ids, OpenAPI docs (unless turned off: API_DOCS).
 * The service then registers its own plugins and routes on the returned instance.
 */
export async function createService<S extends TSchema & { static: BaseConfig }> (opts: ServiceOptions<S>) {
  const config = loadConfig(opts.configSchema, opts.env ?? process.env, opts.checkConfig)
  const app = Fastify({
    ...serverOptions({
      logLevel: opts.logLevel ?? config.LOG_LEVEL,
      logStream: opts.logStream,
      trustProxy: config.TRUST_PROXY,
      requestTimeoutMs: config.REQUEST_TIMEOUT * 1000,
      // The database plugin may wait DB_START_TIMEOUT for PostgreSQL, then migrate.
      pluginTimeoutMs: (config.DB_START_TIMEOUT + 60) * 1000,
    }),
    // Requests that arrive while closing are refused below, in the envelope, not with Fastify's own body.
    return503OnClosing: false,
    // Response serializers compiled once per process (compiled-schemas.ts); validators: validation.ts.
    schemaController: { compilersFactory: { buildSerializer } },
  })
    .withTypeProvider<TypeBoxTypeProvider>()
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute)
  // The config is already valid; @fastify/env decorates it (`app.config`) under the name the
  // services' plugins declare as their dependency.
  await app.register(fastifyEnv, { schema: opts.configSchema, data: config, env: false, dotenv: false })
  // Before any plugin that adds routes: a route keeps the error handler set when it was added
  // (the CORS preflight route would otherwise answer Fastify's own error body).
  await app.register(errorsPlugin, { development: config.NODE_ENV === 'development' })
  await app.register(securityPlugin, { corsOrigins: config.CORS_ORIGINS })
  await app.register(sensible)
  await app.register(validationPlugin)
  await app.register(requestIdPlugin)
  if (apiDocsEnabled(config)) await app.register(docsPlugin, opts.docs)
  // Answers sent while closing end their connection: a kept-alive one (every gateway keeps
  // them) would hold server.close(), and so the process, until the grace period runs out. A
  // request that reaches a closing instance on a connection opened before is served, not refused:
  // the database stays open until every connection has ended (Fastify runs onClose hooks after
  // the server has closed), and a gateway does not retry a refused POST on another instance.
  let closing = false
  app.addHook('preClose', (done) => { closing = true; done() })
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close')
    done(null, payload)
  })
  return app
}

export type ServiceInstance = Awaited<ReturnType<typeof createService>>

/**
 * Listens, and on SIGTERM/SIGINT lets requests in flight finish before closing. A port already
 * in use is a StartupError naming the variable that sets it (`portVariable`, PORT by default).
 */
export async function listenWithGrace (app: FastifyInstance, where: { host: string, port: number, portVariable?: string }, graceMs = 10_000) {
  const { default: closeWithGrace } = await import('close-with-grace')
  closeWithGrace({ delay: graceMs }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'closing because of an error')
    else app.log.info({ signal }, 'closing')
    await app.close()
  })
  try {
    await app.listen({ host: where.host, port: where.port })
  } catch (err) {
    await app.close()
    throw listenError(err, where)
  }
}

/**
 * A failure to listen as the operator fixes it: a port in use, or an address this machine does
 * not have, is a StartupError naming the variables that set them (PORT and HOST by default).
 */
export function listenError (err: unknown, where: { host: string, port: number, portVariable?: string, hostVariable?: string }): unknown {
  const code = (err as { code?: string }).code
  const port = where.portVariable ?? 'PORT'
  if (code === 'EADDRINUSE') return new StartupError(`port ${where.port} on ${where.host} is already in use; stop what listens there or choose another port (${port})`)
  if (code === 'EACCES' || code === 'EADDRNOTAVAIL') return new StartupError(`cannot listen on ${where.host}:${where.port} (${code}); check ${where.hostVariable ?? 'HOST'} and ${port}`)
  return err
}
