import { errorResponses } from '@rekam/errors'
import { Type, type TSchema } from '@sinclair/typebox'
import Fastify from 'fastify'
import t from 'tap'
import { docsPlugin } from '../src/index.js'

const success = (data: TSchema) => Type.Object({ success: Type.Literal(true), data })

type Operation = {
  parameters: Array<{ name: string, required: boolean }>
  responses: Record<string, { description: string, content?: { 'application/json': { example?: { error: { code: string, message: string } } } } }>
}

t.test('the document fills in what routes leave out, and leaves the routes as they are', async (t) => {
  const app = Fastify({ logger: false })
  t.teardown(() => app.close())
  await app.register(docsPlugin, { title: 't', version: '1', description: 'd', routePrefix: '/docs' })
  const querystring = Type.Object({
    page: Type.Integer({ minimum: 1, default: 1 }),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    search: Type.String(),
  })
  app.get('/items', {
    schema: { querystring, response: { 200: success(Type.Null()), ...errorResponses(400) } },
  }, async () => ({ success: true, data: null }))
  app.post('/items/:id', {
    config: { rateLimit: { max: 5, timeWindow: 60_000 } },
    schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 201: success(Type.Null()), ...errorResponses(400, 404) } },
  }, async () => ({ success: true, data: null }))
  await app.ready()
  const paths = (app as unknown as { swagger (): { paths: Record<string, Record<string, Operation>> } }).swagger().paths

  const list = paths['/items']!.get!
  t.strictSame(list.parameters.map((p) => [p.name, p.required]), [['page', false], ['limit', false], ['search', true]], 'defaulted query parameters are optional')
  t.strictSame(Object.keys(list.responses).sort(), ['200', '400', '503'], '503 everywhere; no 429 without a limiter')
  t.match(list.responses['200']!.description, /^Done: /)
  t.equal(list.responses['400']!.content?.['application/json'].example?.error.message, 'querystring.limit must be <= 100', 'the 400 names a field of its own')

  const create = paths['/items/{id}']!.post!
  t.strictSame(Object.keys(create.responses).sort(), ['201', '400', '404', '429', '503'], 'a rate-limited route declares 429')
  t.match(create.responses['201']!.description, /^Created: /)
  t.equal(create.responses['400']!.content?.['application/json'].example?.error.message, 'params.id must match format "uuid"')
  t.equal(create.responses['429']!.content?.['application/json'].example?.error.code, 'TOO_MANY_REQUESTS')

  t.strictSame(querystring.required, ['page', 'limit', 'search'], 'the route still validates with its own schema')
  const res = await app.inject({ method: 'GET', url: '/items?search=x' })
  t.equal(res.statusCode, 200, 'and the defaults still apply')
})
