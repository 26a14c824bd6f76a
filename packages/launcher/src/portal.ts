import { existsSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import { answerNotFound } from '@rekam/errors'
import { HSTS } from '@rekam/server-kit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { servedOverHttps } from './own-routes.js'
import { GATEWAY_ROUTES } from './routes.js'

/**
 * The portal's policy: scripts, styles, fonts, images and API calls from this origin only (no
 * inline script or style, no eval), no plugins, no <base>, forms posted here only, never framed.
 * `img-src data:`: small images the build inlines into its CSS. nginx sends the same
 * (gateway/templates/default.conf.template); a test compares the two.
 */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** Hashed build output (Vite's assets/): a changed file gets a new name, so cached for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Everything else (index.html, the unhashed files of the portal's public/): revalidated on every use. */
export const REVALIDATE = 'no-cache'

const PORTAL_HEADERS = {
  'content-security-policy': PORTAL_CSP,
  'x-content-type-options': 'nosniff',
  // Not the services' no-referrer: under it a browser sends `Origin: null` with the portal's own
  // POSTs (Fetch, "append a request Origin header"), which auth-service's CSRF check must refuse.
  // same-origin keeps the Origin and sends no Referer to any other site.
  'referrer-policy': 'same-origin',
}

/** Never answered by the portal, even for a browser: the API's namespace and the health checks. */
const RESERVED = ['/api', '/health', ...GATEWAY_ROUTES.map((route) => route.prefix)]
const isReserved = (path: string) => RESERVED.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))

/** The hashed files' folder in the URL; a file missing there is a 404, never the page. */
const ASSETS = '/assets/'

/** Each answer with a file of the portal, and its Cache-Control. */
const served = new WeakMap<object, string>()

/**
 * The headers of an answer with a portal file (the policy, nosniff, the referrer policy, its
 * caching, HSTS over HTTPS), or undefined when the answer is not one: the gateway's onSend hook
 * gives those its own answers' headers instead.
 */
export function portalAnswerHeaders (request: FastifyRequest, reply: FastifyReply): Record<string, string> | undefined {
  const cacheControl = served.get(reply.raw)
  if (cacheControl === undefined) return undefined
  return { ...PORTAL_HEADERS, 'cache-control': cacheControl, ...(servedOverHttps(request) ? { 'strict-transport-security': HSTS } : {}) }
}

/**
 * Whether a path that is no file gets the page (index.html), for the portal's client-side routes
 * (/records/123): a GET or HEAD outside the API's namespace and the assets that asks for HTML, as
 * a browser's navigation does. An API client that accepts any type (curl, fetch) gets the 404
 * envelope instead, as for any unknown path. `/` is the page whatever the Accept.
 */
function wantsPage (request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  const path = request.url.split('?')[0] ?? ''
  if (path === '/') return true
  if (path.startsWith(ASSETS) || isReserved(path)) return false
  return /text\/html/i.test(request.headers.accept ?? '')
}

export interface PortalOptions {
  /** The portal's build (Vite's dist: index.html and assets/). */
  root: string
}

/**
 * Serves the portal's static build at `/`: its files as they are, index.html for `/` and for a
 * browser's deep links, the 404 envelope for anything else. Takes the app's not-found handler.
 * @see https://github.com/fastify/fastify-static
 */
async function portalPlugin (app: FastifyInstance, opts: PortalOptions) {
  const root = resolve(opts.root)
  const assets = join(root, 'assets') + sep
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // No directory answers (nginx's try_files $uri serves files only): a folder is no file.
    index: false,
    redirect: false,
    // Set by portalAnswerHeaders, per folder, instead of one max-age for all.
    cacheControl: false,
    allowedPath: (path) => !path.endsWith('/') && !isReserved(path),
    setHeaders: (res, path) => { served.set(res, path.startsWith(assets) ? IMMUTABLE : REVALIDATE) },
  })

  // Looked for on each request: a build made while the gateway runs is served at once. Without
  // it, the 404 envelope (a missing file's callNotFound inside this handler would not be).
  const page = join(root, 'index.html')
  function sendPage (request: FastifyRequest, reply: FastifyReply) {
    if (!wantsPage(request) || !existsSync(page)) return answerNotFound(request, reply)
    return reply.code(200).sendFile('index.html')
  }
  app.get('/', sendPage)
  app.setNotFoundHandler(sendPage)
}

export const portal = fp(portalPlugin, { name: '@rekam/launcher/portal', fastify: '5.x' })
