import fc from 'fast-check'
import type { Route } from './routes.js'
import type { RouteShape } from './shapes.js'
import { Known, known, nastyValue, objectOf, percentEncode, prototypeKeys, validValue } from './values.js'

export type Body =
  | { kind: 'none' }
  | { kind: 'json', value: unknown, contentType: string }
  | { kind: 'raw', payload: string, contentType: string | undefined }

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/vnd.api+json']
const OTHER_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream', '', ';', '*/*', 'json']
const RAW = ['', ' ', '{', '[1,', '{"a":', 'not json', 'null', '"text"', '1', 'a=1&b=2', 'token=x.y.z', '<x/>', '{"a":1}{', '\u0000', '{"__proto__":{"role":"ADMIN"}}', '{"constructor":{"prototype":{"x":1}}}']

function bodyOf (shape: RouteShape | undefined, fieldNames: string[]): fc.Arbitrary<Body> {
  const generic = fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), prototypeKeys, fc.string({ maxLength: 8 })), nastyValue, { maxKeys: 4 })
  const shaped = shape?.body ? objectOf(shape.body, fieldNames) : generic
  const json = fc.oneof({ weight: 6, arbitrary: shaped }, generic, fc.jsonValue(), nastyValue)
  return fc.oneof(
    fc.constant({ kind: 'none' as const }),
    { weight: 8, arbitrary: fc.record({ kind: fc.constant('json' as const), value: json, contentType: fc.constantFrom(...JSON_TYPES.slice(0, 2)) }) },
    fc.record({ kind: fc.constant('json' as const), value: json, contentType: fc.constantFrom(...JSON_TYPES, ...OTHER_TYPES) }),
    fc.record({
      kind: fc.constant('raw' as const),
      payload: fc.oneof(fc.constantFrom(...RAW), fc.string({ unit: 'binary', maxLength: 200 })),
      contentType: fc.option(fc.oneof(fc.constantFrom(...JSON_TYPES, ...OTHER_TYPES), headerText), { nil: undefined }),
    }),
  )
}

/** Text a real HTTP client could put in a header (visible latin-1 and tab). */
const headerText = fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff })).map((c) => String.fromCharCode(c)), maxLength: 80 })
const b64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 60 })
const encodedJson = fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url'))

export type Auth =
  | { kind: 'none' }
  | { kind: 'raw', value: string }
  | { kind: 'role' | 'flipped' | 'alg-none' | 'escalated', role: string, index: number }

function authOf (roles: string[]): fc.Arbitrary<Auth> {
  const role = (kind: 'role' | 'flipped' | 'alg-none' | 'escalated') => fc.record({ kind: fc.constant(kind), role: fc.constantFrom(...roles), index: fc.nat() })
  const raw = fc.oneof(
    headerText,
    fc.array(b64url, { minLength: 1, maxLength: 4 }).map((parts) => `Bearer ${parts.join('.')}`),
    fc.tuple(encodedJson, encodedJson, b64url).map((parts) => `Bearer ${parts.join('.')}`),
    fc.constantFrom('Bearer', 'Bearer ', 'bearer a.b.c', 'Basic dXNlcjpwYXNz', 'Bearer a.b.c d.e.f', `Bearer ${'a'.repeat(9000)}.b.c`),
  ).map((value) => ({ kind: 'raw' as const, value }))
  return fc.oneof(fc.constant({ kind: 'none' as const }), { weight: 8, arbitrary: role('role') }, role('flipped'), role('alg-none'), role('escalated'), raw)
}

/** A path param or wildcard tail: real ids, uuids, and text no route expects. */
const param = fc.oneof(
  { weight: 3, arbitrary: known('id') },
  fc.uuid(),
  fc.string({ unit: 'binary', maxLength: 40 }).map(percentEncode),
  fc.string({ minLength: 90, maxLength: 400 }).map(percentEncode),
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 12 }).map((bytes) => bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
  fc.constantFrom('', '..', '%2e%2e%2f', '%00', '%', '%zz', '%C0%AF', 'null', '-1', '00000000-0000-0000-0000-00000000000G', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'),
)

function queryOf (shape: RouteShape | undefined, fieldNames: string[]): fc.Arbitrary<Array<[string, unknown]> | string> {
  const schemas = shape?.query ?? {}
  const own = Object.keys(schemas)
  const keys = own.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...own) }, fc.constantFrom(...fieldNames)) : fc.constantFrom(...fieldNames)
  const pair = keys.chain((key) => fc.tuple(fc.constant(key),
    fc.oneof({ weight: 3, arbitrary: schemas[key] ? validValue(schemas[key]) : nastyValue }, nastyValue)))
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<Array<[string, unknown]>>([]) },
    { weight: 4, arbitrary: fc.array(pair, { maxLength: 4 }) },
    fc.constantFrom('%', '%zz', 'a=%00', 'page=1&page=2', 'limit[]=1', '__proto__[role]=ADMIN', 'constructor[prototype][x]=1', '&&=&', 'search=%ff%fe', `q=${'a'.repeat(5000)}`),
    fc.string({ maxLength: 60 }).map((q) => percentEncode(q).replace(/%3D/g, '=').replace(/%26/g, '&')),
  )
}

export interface RequestSpec {
  route: Route
  params: Array<string | Known>
  query: Array<[string, unknown]> | string
  body: Body
  auth: Auth
  requestId: string | undefined
  headers: Record<string, string>
}

const noHeaders = fc.constant({})

export function requestOf (route: Route, shape: RouteShape | undefined, fieldNames: string[], roles: string[], headers: fc.Arbitrary<Record<string, string>> = noHeaders): fc.Arbitrary<RequestSpec> {
  const slots = route.url.match(/:\w+|\*/g) ?? []
  return fc.record({
    route: fc.constant(route),
    params: fc.tuple(...slots.map(() => param)),
    query: queryOf(shape, fieldNames),
    body: bodyOf(shape, fieldNames),
    auth: authOf(roles),
    requestId: fc.option(fc.oneof(headerText, fc.constantFrom('req-1', 'a'.repeat(129))), { nil: undefined }),
    headers,
  })
}
