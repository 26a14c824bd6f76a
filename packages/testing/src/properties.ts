import fc from 'fast-check'

/**
 * Property-based request fuzzing for a rekam service: every route the app has registered gets
 * arbitrary bodies, content types, path params, query strings and Authorization headers, and
 * every answer must be below 500, in the envelope, and (for a 4xx) leave the database unchanged.
 */

export interface Route { method: string, url: string }

/** Every method and path the app registered, read from `printRoutes` so a new route is covered too. */
export function routesOf (app: { printRoutes (opts: { commonPrefix: false }): string }): Route[] {
  const routes: Route[] = []
  const prefixes: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (!match) continue
    const depth = match[1]!.length / 4
    const url = (prefixes[depth - 1] ?? '') + match[2]
    prefixes[depth] = url
    // HEAD answers without a body, so there is no envelope to check; GET covers the route.
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push({ method, url })
  }
  return routes
}

type Schema = Record<string, any>
export interface RouteShape { body?: Schema, query: Record<string, Schema> }

/** Request body and query schemas by `METHOD /path/:param`, from the app's OpenAPI document. */
export function shapesFrom (doc: Schema): Map<string, RouteShape> {
  const deref = (s: Schema): Schema => s.$ref ? deref(doc.components.schemas[s.$ref.split('/').pop()]) : s
  const shapes = new Map<string, RouteShape>()
  for (const [path, operations] of Object.entries<Schema>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<Schema>(operations)) {
      const body = op.requestBody?.content?.['application/json']?.schema
      const query = Object.fromEntries((op.parameters ?? []).filter((p: Schema) => p.in === 'query').map((p: Schema) => [p.name, deref(p.schema ?? {})]))
      shapes.set(routeKey(method, path.replace(/\{(\w+)\}/g, ':$1')), { ...(body ? { body: deref(body) } : {}), query })
    }
  }
  return shapes
}

/** Every property and query parameter name the service's schemas know. */
export function fieldNamesOf (shapes: Map<string, RouteShape>): string[] {
  const names = new Set<string>()
  for (const shape of shapes.values()) {
    for (const name of [...Object.keys(shape.body?.properties ?? {}), ...Object.keys(shape.query)]) names.add(name)
  }
  return [...names].sort()
}

const routeKey = (method: string, url: string) => `${method.toUpperCase()} ${url.replace(/(.)\/$/, '$1')}`

/** A real object of the service (resolved at request time: fixtures change as requests succeed). */
export class Known { constructor (readonly kind: 'id' | 'text', readonly index: number) {} }
// Half the draws take one of the first two: fixtures list the objects that matter most first.
const known = (kind: Known['kind']) => fc.oneof(fc.nat({ max: 1 }), fc.nat()).map((i) => new Known(kind, i))

/** Percent-encoding that also encodes a lone surrogate (as its WTF-8 bytes, which are not UTF-8). */
export function percentEncode (text: string): string {
  return [...text].map((ch) => {
    try {
      return encodeURIComponent(ch)
    } catch {
      const cp = ch.charCodeAt(0)
      return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
    }
  }).join('')
}

const HUGE = [5_000, 70_000, 120_000]
/** Values no field expects: operator objects, wrong types, prototype keys, odd text, huge strings. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, [], {}, [null], { $ne: null }, { $gt: '' }, { $where: '1' }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', 'null', '0', '-1', '1e309', 'NaN', '0000-01-01', '2024-02-30', '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:60Z', "' or 1=1 --", '%', '%00', '..', '\u202e\u0000', '\ud800', '🩺', 'ADMIN', '__proto__', 'constructor'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.oneof(fc.integer(), fc.double()),
  fc.uuid(),
  known('id'),
  fc.constantFrom(...HUGE).map((n) => 'é'.repeat(n / 2)),
)

const dateText = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
const fits = (s: Schema) => (v: string) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity)

/** A value the schema accepts, mostly plain and sometimes at an edge (which may be past it). */
export function validValue (s: Schema): fc.Arbitrary<unknown> {
  if ('const' in s) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  const branches = s.anyOf ?? s.oneOf
  if (branches && s.type === undefined) return fc.oneof(...branches.map(validValue))
  const [plain, ...edges] = candidates(s)
  return edges.length ? fc.oneof({ weight: 3 * edges.length, arbitrary: plain! }, ...edges) : plain!
}

function candidates (s: Schema): Array<fc.Arbitrary<unknown>> {
  const { minLength = 0, maxLength = 1000 } = s
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return [fc.uuid(), known('id')]
      if (s.format === 'date') return [dateText.map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('0000-01-01', '2024-02-29', '9999-12-31')]
      if (s.format === 'date-time') return [dateText.map((d) => d.toISOString()), fc.constantFrom('0000-01-01T00:00:00Z', '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59-14:00')]
      if (s.format === 'email') return [fc.stringMatching(/^[a-z0-9]{1,20}$/).map((local) => `${local}@example.test`), fc.emailAddress().filter(fits(s)), known('text')]
      if (s.pattern) return [fc.stringMatching(new RegExp(s.pattern)).filter(fits(s)), known('text')]
      return [
        fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength, 40)), unit: 'grapheme' }),
        fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength, 40)), unit: 'binary' }),
        fc.constantFrom(maxLength, maxLength + 1).map((n) => 'x'.repeat(n)),
        // Text the database may not take (NUL), padded to the field's least length.
        fc.constantFrom('a\u0000b', '\u0000', ' a ', 'ée\u0301🩺').map((v) => v.padEnd(minLength, 'x')),
        known('text'),
      ]
    case 'integer':
    case 'number': {
      const { minimum: min = -(2 ** 31), maximum: max = 2 ** 31 } = s
      return [fc.integer({ min, max }), fc.constantFrom(min, max, min - 1, max + 1)]
    }
    case 'boolean': return [fc.boolean()]
    case 'object': return [objectOf(s)]
    case 'array': return [fc.array(validValue(s.items ?? {}), { maxLength: 3 })]
    default: return [nastyValue]
  }
}

const prototypeKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', '$ne', '')
/** Half the time a valid object; otherwise one field wrong or missing, or a key it does not know. */
function objectOf (s: Schema, extraKeys: string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set<string>(s.required ?? [])
  const names = Object.keys(s.properties ?? {})
  const fields = Object.entries<Schema>(s.properties ?? {}).map(([name, prop]) => {
    const field = validValue(prop).map((v): [string, unknown] => [name, v])
    return required.has(name) ? field : fc.option(field)
  })
  const mutation = fc.oneof(
    fc.tuple(fc.constantFrom('x', ...names, ...extraKeys), nastyValue),
    fc.tuple(prototypeKeys, nastyValue),
    fc.constantFrom(...names, 'x').map((name): [string] => [name]),
  )
  return fc.tuple(fc.tuple(...fields), fc.option(mutation, { freq: 2 })).map(([entries, change]) => {
    const pairs = entries.filter((e) => e !== null)
    const kept = change ? pairs.filter(([name]) => name !== change[0]) : pairs
    // fromEntries makes `__proto__` an own key, as JSON.parse would.
    return Object.fromEntries(change?.length === 2 ? [...kept, change] : kept)
  })
}

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

/** A compiled schema check (TypeBox's TypeCompiler.Compile gives one). */
export interface Validator {
  Check (value: unknown): boolean
  Errors (value: unknown): Iterable<{ path: string, message: string }>
}

/** The schema with `additionalProperties: false` on every object: the envelope holds nothing else. */
export function strict<T extends object> (schema: T): T {
  const s = schema as Schema
  if (s.type !== 'object' || !s.properties) return schema
  const properties = Object.fromEntries(Object.entries<Schema>(s.properties).map(([k, v]) => [k, strict(v.type === 'array' ? { ...v, items: strict(v.items) } : v)]))
  return { ...schema, properties, additionalProperties: false }
}

export interface Reply {
  statusCode: number
  headers: Record<string, unknown>
  body: string
}

/**
 * Checks an answer against the success and error envelope schemas: the error code must be a
 * documented one with its own status, and the request id must be the one in `x-request-id`.
 */
export function envelopeCheck (success: Validator, error: Validator, statusOf: Record<string, number>) {
  const problems = (v: Validator, body: unknown) => [...v.Errors(body)].slice(0, 3).map((e) => `${e.path || '/'} ${e.message}`)
  return (res: Reply): string[] => {
    if (!String(res.headers['content-type']).startsWith('application/json')) return [`content-type ${String(res.headers['content-type'])}`]
    let body: any
    try {
      body = JSON.parse(res.body)
    } catch {
      return ['body is not JSON']
    }
    if (res.statusCode < 300) return success.Check(body) ? [] : problems(success, body)
    if (res.statusCode < 400) return ['a redirect from an API route']
    if (!error.Check(body)) return problems(error, body)
    const out: string[] = []
    if (statusOf[body.error.code] !== res.statusCode) out.push(`code ${body.error.code} with status ${res.statusCode}`)
    if (body.error.requestId !== res.headers['x-request-id']) out.push('requestId differs from x-request-id')
    return out
  }
}

export type Query = (text: string) => Promise<Array<Record<string, unknown>>>

/**
 * A checksum of every row of every table in the database's public schema but the excluded
 * ones (each exclusion must name a real table): any insert, update or delete changes it.
 */
export async function watchTables (query: Query, exclude: string[]) {
  const all = (await query("select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1"))
    .map((row) => String(row.name))
  const unknown = exclude.filter((name) => !all.includes(name))
  if (unknown.length) throw new Error(`excluded tables that do not exist: ${unknown.join(', ')}`)
  const tables = all.filter((name) => !exclude.includes(name))
  const columns = tables.map((name) => `(select md5(coalesce(string_agg(r::text, ',' order by r::text), '')) from "${name}" r) as "${name}"`)
  return {
    tables,
    async checksum (): Promise<Record<string, string>> {
      const [row] = await query(`select ${columns.join(', ')}`)
      return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, String(v)]))
    },
  }
}

export interface FuzzTarget {
  inject (request: InjectRequest): Promise<Reply>
  fixtures: Fixtures
  roles: string[]
  shapes: Map<string, RouteShape>
  /** Field names from every schema of the service, to put where they do not belong. */
  fieldNames: string[]
  /** Headers some routes need besides the generated ones (an internal secret, say). */
  headers?: fc.Arbitrary<Record<string, string>>
  checksum (): Promise<Record<string, string>>
  envelope (res: Reply): string[]
  /** Routes whose success answer is not the envelope (JWKS, introspection, docs, CORS). */
  rawSuccess (route: Route): boolean
  /** After a successful write (it may have ended a fixture's session or deleted its record). */
  afterWrite? (spec: RequestSpec, res: Reply): Promise<void>
}

const hash = (text: string) => [...text].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16_777_619) >>> 0, 2_166_136_261)

/**
 * fast-check's parameters. The seed is FC_SEED (fixed by default, so every run is the same) mixed
 * with the route, so routes do not all draw alike; FC_SEED and FC_PATH replay a reported failure,
 * FC_NUM_RUNS explores more.
 */
const baseSeed = () => Number(process.env.FC_SEED ?? 20_260_501)

export function fcParameters (numRuns: number, salt = ''): fc.Parameters<unknown> {
  const path = process.env.FC_PATH
  return {
    seed: (baseSeed() ^ hash(salt)) | 0,
    numRuns: Number(process.env.FC_NUM_RUNS ?? numRuns),
    ...(path ? { path } : {}),
  }
}

/** Runs the property on one route; resolves with how many answers each status got. */
export async function fuzzRoute (target: FuzzTarget, route: Route, numRuns: number): Promise<Map<number, number>> {
  const statuses = new Map<number, number>()
  const name = `${route.method} ${route.url}`
  const arbitrary = requestOf(route, target.shapes.get(routeKey(route.method, route.url)), target.fieldNames, target.roles, target.headers)
  // The checksum after a 4xx is the next request's "before": nothing else writes in between.
  let unchanged: Record<string, string> | undefined
  await fc.assert(fc.asyncProperty(arbitrary, async (spec) => {
    const request = toInject(spec, target.fixtures)
    const before = unchanged ?? await target.checksum()
    unchanged = undefined
    const res = await target.inject(request)
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
    const problems: string[] = []
    if (res.statusCode >= 500) problems.push(`status ${res.statusCode}`)
    else if (res.statusCode >= 400 || !target.rawSuccess(route)) problems.push(...target.envelope(res))
    if (res.statusCode >= 400) {
      const after = await target.checksum()
      unchanged = after
      const changed = Object.keys(before).filter((table) => before[table] !== after[table])
      if (changed.length) problems.push(`a ${res.statusCode} changed ${changed.join(', ')}`)
    } else if (res.statusCode < 300 && route.method !== 'GET') {
      await target.afterWrite?.(spec, res)
    }
    if (problems.length) {
      throw new Error(`${problems.join('; ')} (replay: FC_SEED=${baseSeed()} FC_PATH=<the path fast-check reports>, this route only)\n` +
        `request: ${JSON.stringify(request).slice(0, 2000)}\nanswer: ${res.statusCode} ${res.body.slice(0, 1000)}`)
    }
  }), fcParameters(numRuns, name))
  return statuses
}

/** What this module needs of a tap test. */
export interface Subtests {
  test (name: string, fn: (t: { ok (value: unknown, message: string): unknown, comment (message: string): unknown }) => Promise<void>): unknown
}

/** One subtest per route; the returned map fills in with each route's count of 2xx answers. */
export function fuzzEveryRoute (t: Subtests, target: FuzzTarget, routes: Route[], runsFor: (route: Route) => number): Map<string, number> {
  const successes = new Map<string, number>()
  for (const route of routes) {
    const name = `${route.method} ${route.url}`
    const numRuns = runsFor(route)
    t.test(name, async (t) => {
      const statuses = [...await fuzzRoute(target, route, numRuns)].sort(([a], [b]) => a - b)
      t.ok(statuses.reduce((n, [, count]) => n + count, 0) >= Number(process.env.FC_NUM_RUNS ?? numRuns), 'every request was answered')
      successes.set(name, statuses.filter(([status]) => status < 300).reduce((n, [, count]) => n + count, 0))
      t.comment(statuses.map(([status, count]) => `${status}: ${count}`).join(', '))
    })
  }
  return successes
}

/** Rows of a drizzle `execute` result, whichever driver ran it. */
export function rowsOf (result: unknown): Array<Record<string, unknown>> {
  return Array.isArray(result) ? result : (result as { rows: Array<Record<string, unknown>> }).rows
}
