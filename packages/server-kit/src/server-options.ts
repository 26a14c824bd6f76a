import { randomUUID } from 'node:crypto'
import type { FastifyBaseLogger, FastifyError, FastifyHttpOptions, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify'
import type { IncomingMessage } from 'node:http'
import { clientErrorHandler } from './client-errors.js'
import { requestSerializer } from './log-url.js'

export interface ServerOptionsInput {
  /** pino level, or false for no logger (tests that assert nothing about logs). */
  logLevel?: string | false
  /** Largest accepted request body, in bytes. */
  bodyLimit?: number
  /** Where log lines go instead of stdout (tests capture them to check redaction). */
  logStream?: { write (line: string): void }
  /**
   * The proxies whose X-Forwarded-For is believed (addresses or CIDRs, comma-separated): the
   * gateway only. Unset: the client address is the connection's, whatever the headers say.
   */
  trustProxy?: string | undefined
  /** Longest path parameter, in characters (route params are uuids; a gateway's are whole paths). */
  maxParamLength?: number
  /** Largest request line plus headers, in bytes (Node's HTTP parser answers 414/431 beyond). */
  maxHeaderSize?: number
  /** Longest a whole request (line, headers and body) may take to arrive, in ms (408 beyond). */
  requestTimeoutMs?: number
  /** Longest one plugin may take to load, in ms; the database plugin waits for PostgreSQL (DB_START_TIMEOUT). */
  pluginTimeoutMs?: number
}

/** The default of requestTimeoutMs: a 100 KiB body arrives well within it on any real link. */
export const REQUEST_TIMEOUT_MS = 30_000

/**
 * Largest request body the services accept: JSON documents are small, and this bounds parsing
 * work. The gateways refuse anything larger themselves (nginx's client_max_body_size, the local
 * gateway's bodyLimit), so a body a gateway passed on is never refused behind it: a service that
 * refuses a body mid-upload closes the connection, which a proxy still sending it reports as 502.
 */
export const MAX_BODY_BYTES = 100 * 1024

/** Incoming request ids are kept (the gateway sets them) only when they are short and plain. */
const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/

export function requestIdFrom (request: IncomingMessage): string {
  const incoming = request.headers['x-request-id']
  return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID()
}

/** Secrets never reach the logs, whatever a log call is given. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-internal-secret"]',
  'res.headers["set-cookie"]',
  'password', '*.password', '*.currentPassword', '*.newPassword', '*.passwordHash',
  'accessToken', '*.accessToken', 'refreshToken', '*.refreshToken', '*.token', '*.privateKey',
]

/**
 * The options every rekam server is created with; tests build their app with the same ones
 * so that production and tests validate and log alike.
 * @see https://github.com/fastify/demo/blob/main/src/server.ts
 */
export function serverOptions (input: ServerOptionsInput = {}): FastifyHttpOptions<RawServerDefault, FastifyBaseLogger> {
  const level = input.logLevel ?? 'info'
  const requestTimeout = input.requestTimeoutMs ?? REQUEST_TIMEOUT_MS
  return {
    logger: level === false
      ? false
      : {
          level,
          redact: { paths: redactPaths, censor: '[redacted]' },
          // Query values never reach the logs (a token sent as ?access_token=, a name searched for).
          serializers: { req: requestSerializer },
          ...(input.logStream ? { stream: input.logStream } : {}),
        },
    genReqId: requestIdFrom,
    trustProxy: input.trustProxy ? input.trustProxy.split(',').map((entry) => entry.trim()).filter(Boolean) : false,
    bodyLimit: input.bodyLimit ?? MAX_BODY_BYTES,
    // Longer than common load-balancer idle timeouts (60 s) so the proxy closes first.
    keepAliveTimeout: 72_000,
    // A slow client cannot hold a connection forever: the whole request, a body trickled a byte
    // at a time included, must arrive within this (see http below).
    requestTimeout,
    // Route params are uuids; anything much longer is refused before routing.
    routerOptions: { maxParamLength: input.maxParamLength ?? 100 },
    // Above what either gateway passes on (16 KiB of client headers plus its forwarded ones),
    // so a request a gateway accepted is never refused behind it.
    http: {
      maxHeaderSize: input.maxHeaderSize ?? 32 * 1024,
      // Node swaps the two when headersTimeout (60 s by default) is the longer, which would make
      // it the deadline of the whole request: set equal, requestTimeout is the total.
      headersTimeout: requestTimeout,
      // Expired requests are looked for this often (Node's default, 30 s, could let a deadline
      // run late by as much again); a pass over the open connections each second is cheap.
      connectionsCheckingInterval: 1000,
    },
    clientErrorHandler,
    return503OnClosing: true,
    // Start-up work in plugins and onReady hooks (migrations, demo accounts hashed at the real
    // bcrypt cost) can pass Fastify's default 10 s on a small, busy machine; slow is not stuck.
    pluginTimeout: input.pluginTimeoutMs ?? 60_000,
    forceCloseConnections: 'idle',
    frameworkErrors,
  }
}

/** What the router refuses before any hook or error handler runs, by Fastify error code. */
const ROUTER_ERRORS: Record<string, string> = {
  FST_ERR_BAD_URL: 'The URL is not valid',
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is too long',
}

/**
 * A URL that does not decode or a path param past maxParamLength is refused by the router itself,
 * which would answer Fastify's own body; these get the error envelope and the request id too.
 */
function frameworkErrors (error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const message = ROUTER_ERRORS[error.code]
  const requestId = String(request.id)
  reply.header('x-request-id', requestId)
  if (message) return reply.code(400).send({ success: false, error: { code: 'BAD_REQUEST', message, requestId } })
  request.log.error({ err: error }, 'request failed')
  return reply.code(500).send({ success: false, error: { code: 'INTERNAL_ERROR', message: 'Internal server error', requestId } })
}
