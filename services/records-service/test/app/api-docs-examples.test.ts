import { ErrorStatus } from '@rekam/errors'
import { apiDocsProblems, exampleUrl, operationsOf, type OpenApiDocument } from '@rekam/testing/api-docs'
import t from 'tap'
import { buildStaticStack, doctorWithProfile, patientWithProfile, signUp, type Person } from '../helper.js'

type Role = 'PATIENT' | 'DOCTOR' | 'ADMIN'

/** Who tries a bearer operation, in this order: the next one only when the last was refused 403. */
const ROLES: Role[] = ['PATIENT', 'DOCTOR', 'ADMIN']

t.test('the OpenAPI document: examples that fit and work, described statuses, real error codes', async (t) => {
  const rateLimited: string[] = []
  const stack = await buildStaticStack(t, {
    recordsOnRoute: (route) => {
      const config = (route as { config?: { rateLimit?: unknown } }).config
      if (config?.rateLimit) for (const method of [route.method].flat()) rateLimited.push(`${method} ${route.url}`)
    },
  })
  const app = stack.records
  const res = await app.inject({ method: 'GET', url: '/api/records/docs/json' })
  t.equal(res.statusCode, 200)
  const document = res.json() as OpenApiDocument

  t.strictSame(apiDocsProblems(document, { errorStatus: ErrorStatus, rateLimited }), [], 'nothing wrong in the document')

  // Each with the profile its role works with: a doctor without one may not write records.
  const people = new Map<Role, Person>([
    ['PATIENT', await patientWithProfile(stack)],
    ['DOCTOR', await doctorWithProfile(stack)],
    ['ADMIN', await signUp(stack.auth, 'ADMIN')],
  ])

  for (const { method, path, operation, exampleBody } of operationsOf(document)) {
    const name = `${method} ${path}`
    const roles = operation.security?.length ? ROLES : [undefined]
    let answer
    for (const role of roles) {
      const headers = role ? people.get(role)!.headers : {}
      answer = await app.inject({ method: method as 'GET', url: exampleUrl(path, undefined, operation), headers, ...(exampleBody === undefined ? {} : { payload: exampleBody as object }) })
      if (answer.statusCode !== 403) break
    }
    t.not(answer!.statusCode, 400, `${name}: the example is accepted (${answer!.statusCode} ${answer!.statusCode >= 400 ? answer!.body : ''})`)
    t.ok(answer!.statusCode < 500, `${name}: no server error`)
    t.ok(Object.hasOwn(operation.responses, String(answer!.statusCode)), `${name}: its answer ${answer!.statusCode} is documented`)
  }
})
