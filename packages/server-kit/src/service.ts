import fastifyEnv from '@fastify/env'
import sensible from '@fastify/sensible'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorsPlugin, serviceUnavailable } from '@rekam/errors'
import type { TObject } from '@sinclair/typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import { apiDocsEnabled, checkBaseConfig } from './config.js'
import docsPlugin, { type DocsOptions } from './docs.js'
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
}

export interface ServiceOptions<C> extends AppOptions {
  /** TypeBox schema of the service's environment; @fastify/env validates it at start. */
  configSchema: TObject
  /** Cross-variable rules beyond the shared ones; throw to refuse to start. */
  checkConfig?: (config: C) => void
  docs: DocsOptions
}

/** An empty variable (`JWT_PRIVATE_KEY=` in an env file) counts as unset. */
function withoutEmpty (env: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
}

/**
 * The part every rekam service starts with, in this order: server options, validated config,
 * the error envelope, security headers and CORS, @fastify/sensible, strict body validation,
 * request ids, OpenAPI docs (unless turned off: API_DOCS).
 * The service then registers its own plugins and routes on the returned instance.
 */
export async function createService<C extends { NODE_ENV: string, DEMO_MODE?: boolean, API_DOCS?: boolean }> (opts: ServiceOptions<C>) {
  const env = opts.env ?? process.env
  // Server options exist before the configuration is validated; TRUST_PROXY is checked again with the rest.
  const trustProxy = typeof env.TRUST_PROXY === 'string' ? env.TRUST_PROXY : undefined
  // So is REQUEST_TIMEOUT (seconds); a value the schema refuses stops the start below anyway.
  const requestTimeout = Number(env.REQUEST_TIMEOUT)
  const requestTimeoutMs = Number.isInteger(requestTimeout) && requestTimeout > 0 ? requestTimeout * 1000 : undefined
  const app = Fastify({
    ...serverOptions({ logLevel: opts.logLevel ?? process.env.LOG_LEVEL ?? 'info', logStream: opts.logStream, trustProxy, requestTimeoutMs }),
    // Requests that arrive while closing are refused below, in the envelope, not with Fastify's own body.
    return503OnClosing: false,
  })
    .withTypeProvider<TypeBoxTypeProvider>()
  await app.register(fastifyEnv, { schema: opts.configSchema, data: withoutEmpty(env), env: false, dotenv: false })
  const config = (app as unknown as { config: C }).config
  checkBaseConfig(config)
  opts.checkConfig?.(config)
  // Before any plugin that adds routes: a route keeps the error handler set when it was added
  // (the CORS preflight route would otherwise answer Fastify's own error body).
  await app.register(errorsPlugin, { development: config.NODE_ENV === 'development' })
  await app.register(securityPlugin, { corsOrigins: (config as { CORS_ORIGINS?: string }).CORS_ORIGINS })
  await app.register(sensible)
  await app.register(validationPlugin)
  await app.register(requestIdPlugin)
  if (apiDocsEnabled(config)) await app.register(docsPlugin, opts.docs)
  // Answers sent while closing end their connection: a kept-alive one (every gateway keeps
  // them) would hold server.close(), and so the process, until the grace period runs out.
  let closing = false
  app.addHook('preClose', (done) => { closing = true; done() })
  // A request that reaches a closing instance (on a connection opened before) is refused, so the
  // client retries elsewhere; those in flight already finish.
  app.addHook('onRequest', (_request, _reply, done) => {
    done(closing ? serviceUnavailable('The service is shutting down; retry the request', 1) : undefined)
  })
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close')
    done(null, payload)
  })
  return app
}

export type ServiceInstance = Awaited<ReturnType<typeof createService>>

/** Listens, and on SIGTERM/SIGINT lets requests in flight finish before closing. */
export async function listenWithGrace (app: FastifyInstance, where: { host: string, port: number }, graceMs = 10_000) {
  const { default: closeWithGrace } = await import('close-with-grace')
  closeWithGrace({ delay: graceMs }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'closing because of an error')
    else app.log.info({ signal }, 'closing')
    await app.close()
  })
  try {
    await app.listen(where)
  } catch (err) {
    app.log.error({ err }, 'failed to start')
    process.exit(1)
  }
}
