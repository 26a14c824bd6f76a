import type { FastifyInstance } from 'fastify'

/**
 * The index page: where to go next, until the portal is served here. Plain links, no script and
 * no style, so its policy allows nothing at all.
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
<li><a href="/health/live">/health/live</a>: the gateway is up (each service answers
<code>/health/live</code> and <code>/health/ready</code> on its own port, which the launcher prints)</li>
</ul>
</body>
</html>
`

const INDEX_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** `/health/live` exactly as the nginx template answers it (gateway/templates), the same body. */
export async function healthRoute (app: FastifyInstance) {
  app.get('/health/live', async () => ({ success: true, data: { status: 'live' } }))
}

/** The index page at `/` (the launcher's gateway; the portal takes its place later). */
export async function indexRoute (app: FastifyInstance) {
  app.get('/', async (_request, reply) => {
    reply.type('text/html; charset=utf-8').header('content-security-policy', INDEX_CSP)
    return INDEX_HTML
  })
}
