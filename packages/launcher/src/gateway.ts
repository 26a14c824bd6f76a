import { randomUUID } from 'node:crypto'
import httpProxy from '@fastify/http-proxy'
import { answerNotFound, appError, errorsPlugin } from '@rekam/errors'
import { MAX_BODY_BYTES, MAX_REQUEST_LINE, requestIdPlugin, serverOptions } from '@rekam/server-kit'
import Fastify from 'fastify'
import { healthRoutes } from './health.js'
import { indexRoute, ownAnswerHeaders } from './own-routes.js'
import { portal, portalAnswerHeaders } from './portal.js'
import { GATEWAY_ROUTES, type Upstream } from './routes.js'

export interface GatewayOptions {
  upstreams: Record<Upstream, string>
  /** Largest request body passed on, in bytes; by default the services' own limit (MAX_BODY_BYTES). */
  bodyLimit?: number
  /** How long an upstream may take to answer, in ms. */
  upstreamTimeoutMs?: number
  logLevel?: string | false
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write (line: string): void }
  /** Serve the index page at `/` (the launcher); otherwise `/` is a 404, as nginx answers it. */
  indexPage?: boolean
  /**
   * The portal's build to serve at `/` (portal.ts), as nginx serves it. It takes `/`, so the
   * index page is not served then.
   */
  portalDir?: string
}

/** nginx's total for the request line and headers with `large_client_header_buffers 2 8k`. */
const MAX_HEADERS_SIZE = 16 * 1024

/** A refusal with a status of its own (414, 431); the envelope's code is BAD_REQUEST. */
function clientError (statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { statusCode })
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
  // The services' own limit, as nginx: a body a service would refuse mid-upload is refused here.
  const bodyLimit = opts.bodyLimit ?? MAX_BODY_BYTES
  const app = Fastify({
    ...serverOptions({
      logLevel: opts.logLevel ?? 'info',
      ...(opts.logStream ? { logStream: opts.logStream } : {}),
      // As nginx: 16 KiB of request line and headers in all (431 or 414 beyond, from the parser)...
      maxHeaderSize: MAX_HEADERS_SIZE,
      // ...and the path is one wildcard param here: the URL check below decides, not the router.
      maxParamLength: MAX_HEADERS_SIZE,
    }),
    bodyLimit,
  })
  await app.register(requestIdPlugin)
  await app.register(errorsPlugin, { development: false })
  // The portal's not-found handler answers a browser's deep link with its page, the rest as this one.
  if (!opts.portalDir) app.setNotFoundHandler(answerNotFound)

  // nginx keeps the request line and each header line in one 8 KiB buffer; so does this gateway.
  app.addHook('onRequest', async (request) => {
    const raw = request.raw
    if (`${raw.method} ${raw.url} HTTP/1.1\r\n`.length > MAX_REQUEST_LINE) throw clientError(414, 'The request URL is too long')
    const headers = raw.rawHeaders
    for (let i = 0; i < headers.length; i += 2) {
      if (headers[i]!.length + headers[i + 1]!.length + 4 > MAX_REQUEST_LINE) throw clientError(431, 'The request headers are too large')
    }
  })

  // Proxied bodies are streamed, so the limit is checked on the declared length.
  app.addHook('onRequest', async (request) => {
    const length = Number(request.headers['content-length'] ?? 0)
    if (length > bodyLimit) throw appError('PAYLOAD_TOO_LARGE', `Request body is larger than ${bodyLimit} bytes`)
  })

  // An upstream's answer keeps its own headers, a portal file has its own (portal.ts); everything
  // else was answered here.
  const proxied = new WeakSet<object>()
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!proxied.has(request)) reply.headers(portalAnswerHeaders(request, reply) ?? ownAnswerHeaders(request))
    done(null, payload)
  })

  // The gateway's own answers: its health as nginx's, and at `/` the portal or the index page.
  await app.register(healthRoutes, { upstreams: opts.upstreams })
  if (opts.portalDir) await app.register(portal, { root: opts.portalDir })
  else if (opts.indexPage) await app.register(indexRoute)

  for (const route of GATEWAY_ROUTES) {
    await app.register(httpProxy, {
      upstream: opts.upstreams[route.upstream],
      prefix: route.prefix,
      rewritePrefix: route.prefix,
      http: { requestOptions: { timeout: opts.upstreamTimeoutMs ?? 30_000 } },
      replyOptions: {
        onError: upstreamFailure,
        // Hop-by-hop headers describe the upstream connection, not the client's: as nginx, drop
        // them (a client's `Connection: close` is then honoured instead of the upstream's keep-alive).
        rewriteHeaders: ({ connection: _connection, 'keep-alive': _keepAlive, ...headers }, request) => {
          if (request) proxied.add(request)
          return headers
        },
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
