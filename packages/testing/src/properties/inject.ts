import type { Auth, RequestSpec } from './requests.js'
import { Known, percentEncode } from './values.js'

/** What the fixtures of a running test hold right now: valid tokens by role, real ids and names. */
export interface Fixtures {
  tokens (): Record<string, string>
  known (kind: Known['kind']): string[]
}

const pick = (list: string[], index: number) => list[index % list.length] ?? ''
const resolve = (value: unknown, fixtures: Fixtures): unknown => {
  if (value instanceof Known) return pick(fixtures.known(value.kind), value.index)
  if (Array.isArray(value)) return value.map((v) => resolve(v, fixtures))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, fixtures)]))
  return value
}
const text = (value: unknown) => typeof value === 'string' ? value : JSON.stringify(value) ?? ''
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

function authorization (auth: Auth, fixtures: Fixtures): string | undefined {
  if (auth.kind === 'none') return undefined
  if (auth.kind === 'raw') return auth.value
  const token = fixtures.tokens()[auth.role] ?? ''
  const [header = '', payload = '', signature = ''] = token.split('.')
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString() || '{}')
  switch (auth.kind) {
    case 'role': return `Bearer ${token}`
    case 'flipped': {
      // One character changed anywhere: header, claims, signature or a separator.
      const i = auth.index % token.length
      return `Bearer ${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`
    }
    case 'alg-none': return `Bearer ${b64({ ...JSON.parse(Buffer.from(header, 'base64url').toString()), alg: 'none' })}.${payload}.`
    case 'escalated': return `Bearer ${header}.${b64({ ...claims, role: claims.role === 'ADMIN' ? 'DOCTOR' : 'ADMIN' })}.${signature}`
  }
}

export interface InjectRequest {
  method: string
  url: string
  headers: Record<string, string>
  payload?: string
}

/** The request a spec stands for, with the fixtures' current tokens and ids filled in. */
export function toInject (spec: RequestSpec, fixtures: Fixtures): InjectRequest {
  let i = 0
  let url = spec.route.url.replace(/:\w+|\*/g, () => text(resolve(spec.params[i++], fixtures)))
  if (!url.startsWith('/')) url = `/${url}`
  const query = typeof spec.query === 'string'
    ? spec.query
    : spec.query.flatMap(([key, value]) => {
      const values = Array.isArray(value) ? value : [value]
      return values.map((v) => `${percentEncode(key)}=${percentEncode(text(resolve(v, fixtures)))}`)
    }).join('&')
  const headers: Record<string, string> = { ...spec.headers }
  const auth = authorization(spec.auth, fixtures)
  if (auth !== undefined) headers.authorization = auth
  if (spec.requestId !== undefined) headers['x-request-id'] = spec.requestId
  const request: InjectRequest = { method: spec.route.method, url: query ? `${url}?${query}` : url, headers }
  if (spec.body.kind === 'json') {
    headers['content-type'] = spec.body.contentType
    request.payload = JSON.stringify(resolve(spec.body.value, fixtures)) ?? ''
  } else if (spec.body.kind === 'raw') {
    if (spec.body.contentType !== undefined) headers['content-type'] = spec.body.contentType
    request.payload = spec.body.payload
  }
  return request
}
