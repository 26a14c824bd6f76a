import { HSTS, NO_STORE_HEADERS } from '@rekam/server-kit'
import type { FastifyInstance, FastifyRequest } from 'fastify'

/**
 * Over HTTPS: a TLS connection, or a TLS terminator in front that says so in the first value of
 * X-Forwarded-Proto. As nginx decides it (gateway/templates); a client that claims https over
 * plain HTTP gains nothing, browsers ignore HSTS there (RFC 6797 8.1).
 */
export function servedOverHttps (request: FastifyRequest): boolean {
  const forwarded = request.headers['x-forwarded-proto']
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase()
  return request.protocol === 'https' || first === 'https'
}

/** What the gateway's own answers (404, 413, 414, 431, 502, 504) carry, as the services' do. */
export function ownAnswerHeaders (request: FastifyRequest): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    ...NO_STORE_HEADERS,
    ...(servedOverHttps(request) ? { 'strict-transport-security': HSTS } : {}),
  }
}

/**
 * The index page: where to go next when the gateway serves no portal (the launcher without a
 * portal build). Plain links, no script and no style, so its policy allows nothing at all.
 */
const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>rekam</title>
</head>
<body>
<h1>rekam</h1>
<p>The rekam gateway: auth-service and records-service behind one address.</p>
<h2>API documentation</h2>
<ul>
<li><a href="/api/auth/docs">auth-service</a> (accounts, sign-in, sessions)</li>
<li><a href="/api/records/docs">records-service</a> (patients, doctors, medical records)</li>
</ul>
<h2>Health</h2>
<ul>
<li><a href="/health/live">/health/live</a>: the gateway is up</li>
<li><a href="/health/ready">/health/ready</a>: both services can serve requests (503 naming the one that cannot)</li>
</ul>
</body>
</html>
`

const INDEX_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** The index page at `/` (the launcher's gateway when it has no portal to serve there). */
export async function indexRoute (app: FastifyInstance) {
  app.get('/', async (_request, reply) => {
    reply.type('text/html; charset=utf-8').header('content-security-policy', INDEX_CSP)
    return INDEX_HTML
  })
}
