import { Type } from '@sinclair/typebox'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { baseConfigProperties, createService } from '../src/index.js'

const SECRET_PARAM = '$2b$12$canaryhashcanaryhashcanaryhashcanaryhashcanaryhash'

/** What a failed drizzle query throws: SQL and its parameters in the message, the driver's error as cause. */
function failedQuery () {
  const cause = Object.assign(new Error('relation "users_x" does not exist'), { code: '42P01', severity: 'ERROR' })
  return Object.assign(new Error(`Failed query: select * from "users_x" where "password_hash" = $1\nparams: ${SECRET_PARAM}`, { cause }), {
    query: 'select * from "users_x" where "password_hash" = $1',
    params: [SECRET_PARAM],
  })
}

/** A plugin only this test registers: routes that fail the ways real code can. */
const failingRoutes = fp(async (fastify: FastifyInstance) => {
  fastify.get('/fail/throw', async () => { throw new Error('ENOENT: no such file or directory, open \'/srv/rekam/services/auth-service/dist/keys/jwt.pem\'') })
  fastify.get('/fail/query', async () => { throw failedQuery() })
  fastify.get('/fail/type', async () => (undefined as unknown as { x: { y: number } }).x.y)
  fastify.get('/fail/reject', () => Promise.reject(new TypeError('Cannot read properties of null (reading \'sub\')')))
  fastify.get('/fail/serialize', { schema: { response: { 200: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } } }, async () => ({ nope: true }))
})

/** The start every rekam service makes (server options, config, security, validation, request ids, errors, docs), plus the failing routes. */
async function service (t: { teardown (fn: () => unknown): void }, NODE_ENV: string) {
  let logs = ''
  const app = await createService({
    env: { NODE_ENV },
    configSchema: Type.Object(baseConfigProperties(3999)),
    docs: { title: 'test', version: '0.0.0', description: 'test', routePrefix: '/docs' },
    logLevel: 'info',
    logStream: { write: (line) => { logs += line } },
  })
  t.teardown(() => app.close())
  await app.register(failingRoutes)
  await app.ready()
  return { app, logs: () => logs }
}

const PATHS = ['/fail/throw', '/fail/query', '/fail/type', '/fail/reject', '/fail/serialize']

for (const NODE_ENV of ['production', 'test']) {
  t.test(`NODE_ENV=${NODE_ENV}: every internal error is a generic 500 envelope`, async (t) => {
    const { app, logs } = await service(t, NODE_ENV)
    for (const url of PATHS) {
      const res = await app.inject({ method: 'GET', url, headers: { 'x-request-id': `fail-${url.slice(6)}` } })
      t.equal(res.statusCode, 500, url)
      t.strictSame(res.json(), { success: false, error: { code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: `fail-${url.slice(6)}` } }, `${url}: nothing but the generic message`)
      t.match(res.headers['content-type'], /^application\/json/)
      t.notMatch(res.body, /select|users_x|\$2b\$|ENOENT|\/srv\/|dist|TypeError|Cannot read|undefined|at \S+:\d+|stack/i, `${url}: no SQL, path, hash, library message or stack`)
    }
    // The log keeps what the answer does not, except the query's parameters.
    const entries = logs().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { level: number, reqId?: string, err?: { message?: string, stack?: string } })
    const errors = entries.filter((e) => e.level === 50)
    t.equal(errors.length, PATHS.length, 'each failure is logged at error level')
    t.match(errors.find((e) => e.reqId === 'fail-query')?.err?.message, /select \* from "users_x"/, 'with the SQL')
    t.match(errors.find((e) => e.reqId === 'fail-throw')?.err?.stack, /internal-errors\.test\.[jt]s/, 'and the stack')
    t.notOk(logs().includes(SECRET_PARAM), 'but never the query\'s parameters')
  })
}

t.test('NODE_ENV=development: a 500 names the error, but still carries no stack', async (t) => {
  const { app } = await service(t, 'development')
  const res = await app.inject({ method: 'GET', url: '/fail/throw' })
  t.equal(res.statusCode, 500)
  t.equal(res.json().error.code, 'INTERNAL_ERROR')
  t.match(res.json().error.message, /^Internal server error: ENOENT: no such file or directory/, 'the message helps the developer')
  t.notMatch(res.body, /at \S+:\d+|internal-errors\.test/, 'no stack')
})
