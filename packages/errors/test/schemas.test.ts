import Fastify from 'fastify'
import t from 'tap'
import { errorResponses, errorsPlugin, ErrorStatus, tokenExpired } from '../src/index.js'

interface Documented {
  description: string
  examples: Array<{ success: false, error: { code: string, message: string, details?: unknown[], requestId: string } }>
}

t.test('errorResponses: one schema per status, described, with an example of its own code', async (t) => {
  const responses = errorResponses(400, 'INVALID_CREDENTIALS', 'ACCOUNT_BLOCKED', 404, 429, 503) as unknown as Record<number, Documented>
  t.same(Object.keys(responses).map(Number).sort(), [400, 401, 403, 404, 429, 503])
  const codes = Object.fromEntries(Object.entries(responses).map(([status, schema]) => [status, schema.examples.map((e) => e.error.code)]))
  t.strictSame(codes, {
    400: ['VALIDATION_ERROR'],
    401: ['INVALID_CREDENTIALS'],
    403: ['ACCOUNT_BLOCKED'],
    404: ['NOT_FOUND'],
    429: ['TOO_MANY_REQUESTS'],
    503: ['SERVICE_UNAVAILABLE'],
  })
  for (const [status, schema] of Object.entries(responses)) {
    t.equal(ErrorStatus[schema.examples[0]!.error.code as keyof typeof ErrorStatus], Number(status), `${status}: the example's code carries that status`)
    t.ok(schema.description.length > 20, `${status}: described`)
  }
  t.match(responses[401]!.description, /^INVALID_CREDENTIALS: /, 'a named code says what it means')
  t.match(responses[400]!.description, /Codes: VALIDATION_ERROR, BAD_REQUEST/, 'a bare status lists the codes it carries')
  t.strictSame(responses[400]!.examples[0]!.error.details, [{ field: 'body.email', message: 'must match format "email"' }])
  t.match((errorResponses(401) as unknown as Record<number, Documented>)[401]!.description, /Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED/)
  const both = (errorResponses(401, 'INVALID_CREDENTIALS') as unknown as Record<number, Documented>)[401]!
  t.match(both.description, /Codes: UNAUTHORIZED, .*INVALID_CREDENTIALS: /, 'a status and a named code: the usual codes and the named one')
  t.equal(both.examples[0]!.error.code, 'UNAUTHORIZED')
})

t.test('a status documented with one code still answers any code of the envelope', async (t) => {
  const app = Fastify({ logger: false })
  await app.register(errorsPlugin, { development: false })
  app.get('/', { schema: { response: errorResponses('INVALID_CREDENTIALS') } }, async () => { throw tokenExpired() })
  const res = await app.inject({ method: 'GET', url: '/' })
  t.equal(res.statusCode, 401)
  t.strictSame(res.json(), { success: false, error: { code: 'TOKEN_EXPIRED', message: 'The access token has expired', requestId: 'req-1' } })
})
