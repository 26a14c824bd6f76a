import type { FastifyRequest } from 'fastify'

/** What stands in for a query value (and for a name that is not a plain one) in logs. */
export const REDACTED = '[redacted]'

/** A query parameter name kept in logs: short and plain, as the API's own names are. */
const PLAIN_NAME = /^[A-Za-z_][\w.[\]-]{0,31}$/

/**
 * The URL as logs show it: the path, and every query value replaced by `[redacted]`, the names
 * kept. Every value, not only those named like secrets: a token pasted into any parameter
 * (`?access_token=`, `?token=`, `?code=`) and personal data in a search (`?search=Siti`) are
 * as sensitive, and no list of names catches them all. A name that is not plain (a token sent
 * as `?eyJ...`) is redacted too.
 */
export function redactedUrl (url: string): string {
  const mark = url.indexOf('?')
  if (mark === -1) return url
  const query = url.slice(mark + 1)
  if (query === '') return url
  const parts = query.split('&').map((part) => {
    const equals = part.indexOf('=')
    const name = equals === -1 ? part : part.slice(0, equals)
    return `${PLAIN_NAME.test(name) ? name : REDACTED}=${REDACTED}`
  })
  return `${url.slice(0, mark)}?${parts.join('&')}`
}

/**
 * pino's `req` serializer: Fastify's own fields, the URL through `redactedUrl`.
 * @see https://fastify.dev/docs/latest/Reference/Logging/#serializers
 */
export function requestSerializer (request: FastifyRequest) {
  return {
    method: request.method,
    url: redactedUrl(request.url),
    version: request.headers?.['accept-version'] as string | undefined,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }
}
