import { DEMO_ACCOUNTS, type DemoRole } from '@rekam/demo-data'
import { ErrorStatus } from '@rekam/errors'
import { apiDocsProblems, exampleUrl, operationsOf, type OpenApiDocument } from '@rekam/testing/api-docs'
import { startMailServer } from '@rekam/testing/mail'
import t from 'tap'
import { bearer, buildTestApp } from '../helper.js'
import { demoSignIn } from '../mfa.js'

/** Who tries a bearer operation, in this order: the next one only when the last was refused 403. */
const ROLES: DemoRole[] = ['PATIENT', 'DOCTOR', 'ADMIN']

t.test('the OpenAPI document: examples that fit and work, described statuses, real error codes', async (t) => {
  const rateLimited: string[] = []
  // Demo mode: the login example names a demo account, so in the docs it signs in for real.
  // Staff sign in with the demo TOTP secret; the clock moves a step per sign-in, as each code works once.
  const clock = { now: Date.now() }
  // With mail configured, the routes that send mail answer as they do in use (not 503 MAIL_UNAVAILABLE).
  const mailServer = await startMailServer(t)
  const app = await buildTestApp(t, {
    now: () => clock.now,
    env: { DEMO_MODE: 'true', SMTP_URL: mailServer.url },
    onRoute: (route) => {
      const config = (route as { config?: { rateLimit?: unknown } }).config
      if (config?.rateLimit) for (const method of [route.method].flat()) rateLimited.push(`${method} ${route.url}`)
    },
  })
  const res = await app.inject({ method: 'GET', url: '/api/auth/docs/json' })
  t.equal(res.statusCode, 200)
  const document = res.json() as OpenApiDocument

  t.strictSame(apiDocsProblems(document, { errorStatus: ErrorStatus, rateLimited }), [], 'nothing wrong in the document')
  t.ok(rateLimited.length > 0, 'some routes are rate-limited (the 429 check has something to check)')

  // The demo accounts' passwords, kept up to date when an example changes one.
  const passwords = new Map(DEMO_ACCOUNTS.map((account) => [account.email, account.password]))
  async function tokenOf (role: DemoRole): Promise<string> {
    const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role)!
    clock.now += 30_000
    const signedIn = await demoSignIn(app, account.email, passwords.get(account.email)!, clock.now)
    t.equal(signedIn.statusCode, 200, `${account.email} signs in`)
    return signedIn.json().data.tokens.accessToken
  }

  for (const { method, path, operation, exampleBody } of operationsOf(document)) {
    const name = `${method} ${path}`
    const roles = operation.security?.length ? ROLES : [undefined]
    let answer
    for (const role of roles) {
      // A fresh sign-in each time: an example may end the sessions it runs in (logout-all).
      const headers = role ? bearer(await tokenOf(role)) : {}
      answer = await app.inject({ method: method as 'GET', url: exampleUrl(path), headers, ...(exampleBody === undefined ? {} : { payload: exampleBody as object }) })
      if (role && answer.statusCode < 300 && typeof (exampleBody as { newPassword?: unknown })?.newPassword === 'string') {
        const email = DEMO_ACCOUNTS.find((account) => account.role === role)!.email
        passwords.set(email, (exampleBody as { newPassword: string }).newPassword)
      }
      if (answer.statusCode !== 403) break
    }
    // Accepted: read and not refused as a request. A one-time token an example cannot hold (a
    // set-password link's) answers its own 400 code, after the body passed.
    const refusedAs = answer!.statusCode === 400 ? (answer!.json() as { error: { code: string } }).error.code : undefined
    t.notOk(refusedAs === 'VALIDATION_ERROR' || refusedAs === 'BAD_REQUEST', `${name}: the example is accepted (${answer!.statusCode} ${answer!.statusCode >= 400 ? answer!.body : ''})`)
    t.ok(answer!.statusCode < 500, `${name}: no server error`)
    t.ok(Object.hasOwn(operation.responses, String(answer!.statusCode)), `${name}: its answer ${answer!.statusCode} is documented`)
  }
})
