/**
 * Which service serves which path prefix. The nginx configuration (gateway/templates/default.conf.template)
 * routes the same prefixes; a test checks that the two agree.
 */
export const GATEWAY_ROUTES = [
  { prefix: '/api/auth', upstream: 'auth' },
  { prefix: '/api/users', upstream: 'auth' },
  { prefix: '/.well-known', upstream: 'auth' },
  { prefix: '/api/records', upstream: 'records' },
  { prefix: '/api/patients', upstream: 'records' },
  { prefix: '/api/doctors', upstream: 'records' },
  { prefix: '/api/audit', upstream: 'records' },
] as const

export type Upstream = (typeof GATEWAY_ROUTES)[number]['upstream']
