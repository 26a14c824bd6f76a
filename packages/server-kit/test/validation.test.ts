import Fastify, { type FastifyInstance } from 'fastify'
import t from 'tap'
import { errorsPlugin } from '@rekam/errors'
import { validationPlugin } from '../src/index.js'

const IntegerN = {
  type: 'object',
  properties: { n: { type: 'integer' } },
  required: ['n'],
  additionalProperties: false,
} as const

const WithDefaults = {
  type: 'object',
  properties: {
    n: { type: 'integer' },
    tag: { type: 'string', default: 'none' },
    tags: { type: 'array', items: { type: 'string' }, default: [] },
  },
  required: ['n'],
  additionalProperties: false,
} as const

async function buildApp (t: { teardown (fn: () => unknown): void }): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  t.teardown(() => app.close())
  await app.register(errorsPlugin)
  await app.register(validationPlugin)
  const echo = async (value: unknown) => ({ value, types: Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, typeof v])) })
  app.post('/body', { schema: { body: IntegerN } }, async (request) => echo(request.body))
  app.get('/query', { schema: { querystring: IntegerN } }, async (request) => echo(request.query))
  app.post('/defaults', { schema: { body: WithDefaults } }, async (request) => echo(request.body))
  app.get('/defaults', { schema: { querystring: WithDefaults } }, async (request) => echo(request.query))
  app.post('/email', { schema: { body: { type: 'object', properties: { email: { type: 'string', format: 'email' } }, required: ['email'] } } }, async () => ({ ok: true }))
  await app.ready()
  return app
}

t.test('body', async (t) => {
  const app = await buildApp(t)

  t.test('an integer passes as a number', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/body', payload: { n: 1 } })
    t.equal(res.statusCode, 200)
    t.strictSame(res.json(), { value: { n: 1 }, types: { n: 'number' } })
  })

  t.test('a numeric string is not coerced: 400 VALIDATION_ERROR', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/body', payload: { n: '1' } })
    t.equal(res.statusCode, 400)
    t.match(res.json(), {
      success: false,
      error: { code: 'VALIDATION_ERROR', details: [{ field: 'body.n', message: 'must be integer' }], requestId: String },
    })
  })

  t.test('an unknown property is refused, not stripped', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/body', payload: { n: 1, admin: true } })
    t.equal(res.statusCode, 400)
    const body = res.json()
    t.equal(body.error.code, 'VALIDATION_ERROR')
    t.strictSame(body.error.details, [{ field: 'body.admin', message: "unknown property 'admin'" }])
  })

  t.test('a missing required property', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/body', payload: {} })
    t.equal(res.statusCode, 400)
    t.strictSame(res.json().error.details, [{ field: 'body.n', message: "must have required property 'n'" }])
  })

  t.test('defaults are applied', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/defaults', payload: { n: 2 } })
    t.equal(res.statusCode, 200)
    t.strictSame(res.json().value, { n: 2, tag: 'none', tags: [] })
  })

  t.test('a given value wins over the default', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/defaults', payload: { n: 2, tag: 'x' } })
    t.equal(res.statusCode, 200)
    t.strictSame(res.json().value, { n: 2, tag: 'x', tags: [] })
  })

  t.test('formats are checked (ajv-formats)', async (t) => {
    t.equal((await app.inject({ method: 'POST', url: '/email', payload: { email: 'a@example.test' } })).statusCode, 200)
    const res = await app.inject({ method: 'POST', url: '/email', payload: { email: 'not an email' } })
    t.equal(res.statusCode, 400)
    t.equal(res.json().error.code, 'VALIDATION_ERROR')
  })
})

t.test('querystring', async (t) => {
  const app = await buildApp(t)

  t.test('?n=1 coerces to the number 1', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/query?n=1' })
    t.equal(res.statusCode, 200)
    t.strictSame(res.json(), { value: { n: 1 }, types: { n: 'number' } })
  })

  t.test('?n=abc is a 400', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/query?n=abc' })
    t.equal(res.statusCode, 400)
    t.match(res.json(), { success: false, error: { code: 'VALIDATION_ERROR', details: [{ field: 'querystring.n' }] } })
  })

  t.test('an unknown parameter is refused, not stripped', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/query?n=1&debug=1' })
    t.equal(res.statusCode, 400)
    t.strictSame(res.json().error.details, [{ field: 'querystring.debug', message: "unknown property 'debug'" }])
  })

  t.test('defaults are applied and one value coerces to an array', async (t) => {
    t.strictSame((await app.inject({ method: 'GET', url: '/defaults?n=3' })).json().value, { n: 3, tag: 'none', tags: [] })
    t.strictSame((await app.inject({ method: 'GET', url: '/defaults?n=3&tags=a' })).json().value, { n: 3, tag: 'none', tags: ['a'] })
  })
})
