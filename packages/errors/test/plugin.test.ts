import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance } from 'fastify'
import t from 'tap'
import {
  accountBlocked, conflict, errorsPlugin, forbidden, invalidCredentials, notFound, notFoundPlugin, serviceUnavailable,
  tokenRevoked, tooManyRequests, validationError,
} from '../src/index.js'

/** A driver error as postgres.js reports it: an Error with the SQLSTATE in `code`. */
function pgError (code: string, message: string) {
  return Object.assign(new Error(message), { code, severity: 'ERROR' })
}

/** Drizzle rethrows driver errors as `Failed query: ...` with the driver error as `cause`. */
function drizzleWrapped (cause: Error) {
  return new Error('Failed query: insert into "users" ... params: secret-param', { cause })
}

const throwing: Record<string, () => unknown> = {
  plain: () => new Error('connection string postgres://admin:hunter2@db/auth'),
  unique: () => pgError('23505', 'duplicate key value violates unique constraint "users_email_key"'),
  'unique-wrapped': () => drizzleWrapped(pgError('23505', 'duplicate key value violates unique constraint "users_email_key"')),
  refused: () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
  'refused-wrapped': () => drizzleWrapped(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
  'refused-aggregate': () => new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], 'all addresses failed'),
  'admin-shutdown': () => pgError('57P01', 'terminating connection due to administrator command'),
  'admin-shutdown-wrapped': () => drizzleWrapped(pgError('57P01', 'terminating connection due to administrator command')),
  // @rekam/db's own, drizzle-wrapped as the services see them.
  'pool-timeout': () => drizzleWrapped(Object.assign(new Error('No database connection within 5000 ms'), { code: 'DB_POOL_TIMEOUT' })),
  'circuit-open': () => drizzleWrapped(Object.assign(new Error('The database is unreachable'), { code: 'DB_CIRCUIT_OPEN' })),
  'syntax-error': () => drizzleWrapped(pgError('42601', 'syntax error at or near "selec"')),
  // As drizzle's DrizzleQueryError carries them: the SQL text and its parameters.
  'query-params': () => Object.assign(new Error('Failed query: update "users" set "password_hash" = $1\nparams: $2b$12$abcdefghijklmnopqrstuv'), {
    query: 'update "users" set "password_hash" = $1',
    params: ['$2b$12$abcdefghijklmnopqrstuv'],
    cause: pgError('42601', 'syntax error'),
  }),
  forbidden: () => forbidden(),
  'invalid-credentials': () => invalidCredentials(),
  'too-many': () => tooManyRequests(30),
  'too-many-fraction': () => tooManyRequests(0.2),
  unavailable: () => serviceUnavailable('Down for a moment', 12),
  validation: () => validationError('body.x is wrong', [{ field: 'body.x', message: 'is wrong' }]),
  'validation-no-details': () => validationError('body is wrong'),
  'not-found': () => notFound('Patient not found'),
  conflict: () => conflict('That email is already registered'),
  blocked: () => accountBlocked(),
  revoked: () => tokenRevoked(),
  'status-only-409': () => Object.assign(new Error('Already there'), { statusCode: 409 }),
  'status-only-422': () => Object.assign(new Error('Cannot process'), { statusCode: 422 }),
}

async function build (t: { teardown (fn: () => unknown): void }, development: boolean): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  t.teardown(() => app.close())
  await app.register(errorsPlugin, { development })
  await app.register(rateLimit, { global: false })
  await app.register(notFoundPlugin, { rateLimit: app.rateLimit({ max: 1000, timeWindow: '1 minute' }) })
  app.get('/throw/:kind', async (request) => {
    const make = throwing[(request.params as { kind: string }).kind]
    throw make!()
  })
  app.post('/validated', { schema: { body: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] } } }, async () => ({ ok: true }))
  await app.ready()
  return app
}

const get = (app: FastifyInstance, kind: string) => app.inject({ method: 'GET', url: `/throw/${kind}` })

t.test('development: false', async (t) => {
  const app = await build(t, false)

  t.test('a plain Error is 500 INTERNAL_ERROR with a generic message and no internals', async (t) => {
    const res = await get(app, 'plain')
    t.equal(res.statusCode, 500)
    t.strictSame(res.json(), { success: false, error: { code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: String(res.json().error.requestId) } })
    t.match(res.json().error.requestId, /\S/)
    t.notMatch(res.body, /hunter2|postgres:|stack|at .*\.ts/)
  })

  t.test('a query error that is not a known case is 500 without SQL', async (t) => {
    const res = await get(app, 'syntax-error')
    t.equal(res.statusCode, 500)
    t.equal(res.json().error.message, 'Internal server error')
    t.notMatch(res.body, /selec|insert|secret-param/)
  })

  t.test('a unique violation (23505) is 409 CONFLICT, bare or wrapped as cause', async (t) => {
    for (const kind of ['unique', 'unique-wrapped']) {
      const res = await get(app, kind)
      t.equal(res.statusCode, 409, kind)
      t.strictSame(res.json().error, {
        code: 'CONFLICT',
        message: 'A resource with the same unique values already exists',
        requestId: res.json().error.requestId,
      }, kind)
      t.notMatch(res.body, /users_email_key|secret-param/, `${kind}: no constraint or query text`)
    }
  })

  t.test('an unreachable database is 503 SERVICE_UNAVAILABLE with Retry-After', async (t) => {
    for (const kind of ['refused', 'refused-wrapped', 'refused-aggregate', 'admin-shutdown', 'admin-shutdown-wrapped', 'pool-timeout', 'circuit-open']) {
      const res = await get(app, kind)
      t.equal(res.statusCode, 503, kind)
      t.equal(res.headers['retry-after'], '5', kind)
      t.match(res.json(), { success: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable, try again shortly' } }, kind)
      t.notMatch(res.body, /5432|ECONNREFUSED|administrator/, `${kind}: no driver text`)
    }
  })

  t.test('typed helpers give their status, code and message', async (t) => {
    const cases: Array<[string, number, string, string]> = [
      ['forbidden', 403, 'FORBIDDEN', 'You do not have permission to do this'],
      ['invalid-credentials', 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password'],
      ['too-many', 429, 'TOO_MANY_REQUESTS', 'Too many requests, try again later'],
      ['unavailable', 503, 'SERVICE_UNAVAILABLE', 'Down for a moment'],
      ['not-found', 404, 'NOT_FOUND', 'Patient not found'],
      ['conflict', 409, 'CONFLICT', 'That email is already registered'],
      ['blocked', 403, 'ACCOUNT_BLOCKED', 'This account is blocked'],
      ['revoked', 401, 'TOKEN_REVOKED', 'The session of this access token has ended'],
    ]
    for (const [kind, status, code, message] of cases) {
      const res = await get(app, kind)
      t.equal(res.statusCode, status, kind)
      t.strictSame(res.json(), { success: false, error: { code, message, requestId: res.json().error.requestId } }, kind)
    }
  })

  t.test('Retry-After comes from the helper', async (t) => {
    t.equal((await get(app, 'too-many')).headers['retry-after'], '30')
    t.equal((await get(app, 'too-many-fraction')).headers['retry-after'], '1', 'rounded up, at least 1')
    t.equal((await get(app, 'unavailable')).headers['retry-after'], '12')
    t.notOk((await get(app, 'forbidden')).headers['retry-after'])
  })

  t.test('validation errors keep their details; empty details are left out', async (t) => {
    const res = await get(app, 'validation')
    t.equal(res.statusCode, 400)
    t.strictSame(res.json().error, {
      code: 'VALIDATION_ERROR',
      message: 'body.x is wrong',
      details: [{ field: 'body.x', message: 'is wrong' }],
      requestId: res.json().error.requestId,
    })
    const bare = await get(app, 'validation-no-details')
    t.strictSame(Object.keys(bare.json().error).sort(), ['code', 'message', 'requestId'])
  })

  t.test('schema validation failures become VALIDATION_ERROR with field details', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/validated', payload: { n: 'x' } })
    t.equal(res.statusCode, 400)
    t.match(res.json(), { success: false, error: { code: 'VALIDATION_ERROR', details: [{ field: 'body.n', message: 'must be integer' }] } })
  })

  t.test('an error with only a 4xx status keeps the status and its message', async (t) => {
    const conflictRes = await get(app, 'status-only-409')
    t.equal(conflictRes.statusCode, 409)
    t.match(conflictRes.json().error, { code: 'CONFLICT', message: 'Already there' })
    const other = await get(app, 'status-only-422')
    t.equal(other.statusCode, 422)
    t.match(other.json().error, { code: 'BAD_REQUEST', message: 'Cannot process' })
  })

  t.test('malformed JSON is 400 BAD_REQUEST', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/validated', headers: { 'content-type': 'application/json' }, payload: '{"n":' })
    t.equal(res.statusCode, 400)
    t.match(res.json(), { success: false, error: { code: 'BAD_REQUEST', message: String } })
  })

  t.test('an unknown route is 404 NOT_FOUND without the query string', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/nope?token=secret' })
    t.equal(res.statusCode, 404)
    t.strictSame(res.json(), { success: false, error: { code: 'NOT_FOUND', message: 'Route GET /nope not found', requestId: res.json().error.requestId } })
    t.notMatch(res.body, /secret/)
  })
})

t.test('development: true shows the message of a 500', async (t) => {
  const app = await build(t, true)
  const res = await get(app, 'plain')
  t.equal(res.statusCode, 500)
  t.strictSame(res.json().error, {
    code: 'INTERNAL_ERROR',
    message: 'Internal server error: connection string postgres://admin:hunter2@db/auth',
    requestId: res.json().error.requestId,
  })
  t.notMatch(res.body, /"stack"/, 'still no stack')
  const failed = await get(app, 'query-params')
  t.equal(failed.json().error.message, 'Internal server error: Database query failed: update "users" set "password_hash" = $1')
  t.notMatch(failed.body, /\$2b\$/, 'never a query parameter, not even in development')
  // Known cases answer the same in both modes.
  t.equal((await get(app, 'unique-wrapped')).statusCode, 409)
  t.equal((await get(app, 'refused')).statusCode, 503)
})
