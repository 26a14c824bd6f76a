import { randomUUID } from 'node:crypto'
import httpProxy from '@fastify/http-proxy'
import { appError, errorsPlugin } from '@rekam/errors'
import { requestIdPlugin, serverOptions } from '@rekam/server-kit'
import Fastify from 'fastify'
import { GATEWAY_ROUTES, type Upstream } from './routes.js'

export interface GatewayOptions {
  upstreams: Record<Upstream, string>
  /** Largest request body passed on, in bytes (the services accept 100 KiB). */
  bodyLimit?: number
  /** How long an upstream may take to answer, in ms. */
  upstreamTimeoutMs?: number
  logLevel?: string | false
}

/** Upstream failures in our envelope: a timeout is 504, anything else (refused, reset) 502. */
function upstreamFailure (reply: { send (payload: unknown): unknown }, { error }: { error: Error }): void {
  const timedOut = (error as { statusCode?: number }).statusCode === 504
  reply.send(timedOut
    ? appError('GATEWAY_TIMEOUT', 'The upstream service did not answer in time')
    : appError('BAD_GATEWAY', 'The upstream service is unavailable'))
}

/**
 * The local gateway: one address for both services, the same paths as the nginx gateway,
 * a request id on every request (kept when the client sent a plain one), forwarded headers,
 * a body-size limit, and errors in the rekam envelope.
 * @see https://github.com/fastify/fastify-http-proxy
 */
export async function buildGateway (opts: GatewayOptions) {
  const bodyLimit = opts.bodyLimit ?? 1024 * 1024
  const app = Fastify({ ...serverOptions({ logLevel: opts.logLevel ?? 'info' }), bodyLimit })
  await app.register(requestIdPlugin)
  await app.register(errorsPlugin, { development: false })

  // Proxied bodies are streamed, so the limit is checked on the declared length.
  app.addHook('onRequest', async (request) => {
    const length = Number(request.headers['content-length'] ?? 0)
    if (length > bodyLimit) throw appError('PAYLOAD_TOO_LARGE', `Request body is larger than ${bodyLimit} bytes`)
  })

  for (const route of GATEWAY_ROUTES) {
    await app.register(httpProxy, {
      upstream: opts.upstreams[route.upstream],
      prefix: route.prefix,
      rewritePrefix: route.prefix,
      http: { requestOptions: { timeout: opts.upstreamTimeoutMs ?? 30_000 } },
      replyOptions: {
        onError: upstreamFailure,
        rewriteRequestHeaders: (request, headers) => ({
          ...headers,
          'x-request-id': String(request.id ?? randomUUID()),
          // The gateway is the edge, as nginx is: the address it saw replaces what the client claimed.
          'x-forwarded-for': request.ip,
          'x-forwarded-proto': request.protocol,
          'x-forwarded-host': request.host,
        }),
      },
    })
  }
  return app
}
