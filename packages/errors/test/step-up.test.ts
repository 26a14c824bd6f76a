import Fastify from 'fastify'
import t from 'tap'
import { errorsPlugin, stepUpRequired } from '../src/index.js'

t.test('stepUpRequired: 401 STEP_UP_REQUIRED in the envelope with the RFC 9470 challenge', async (t) => {
  const app = Fastify({ logger: false })
  t.teardown(() => app.close())
  await app.register(errorsPlugin)
  app.get('/both', async () => { throw stepUpRequired('Sign in again with a second factor', { acrValues: 'urn:rekam:aal2', maxAgeSeconds: 300 }) })
  app.get('/acr', async () => { throw stepUpRequired('Use a second factor', { acrValues: 'urn:rekam:aal2' }) })
  app.get('/age', async () => { throw stepUpRequired('Sign in again', { maxAgeSeconds: 0 }) })

  const both = await app.inject('/both')
  t.equal(both.statusCode, 401)
  t.equal(both.headers['www-authenticate'], 'Bearer error="insufficient_user_authentication", error_description="Sign in again with a second factor", acr_values="urn:rekam:aal2", max_age=300')
  t.strictSame(both.json(), { success: false, error: { code: 'STEP_UP_REQUIRED', message: 'Sign in again with a second factor', requestId: both.json().error.requestId } })
  t.equal((await app.inject('/acr')).headers['www-authenticate'], 'Bearer error="insufficient_user_authentication", error_description="Use a second factor", acr_values="urn:rekam:aal2"')
  t.equal((await app.inject('/age')).headers['www-authenticate'], 'Bearer error="insufficient_user_authentication", error_description="Sign in again", max_age=0')
})

t.test('a message that cannot sit in a quoted error_description is refused at once', async (t) => {
  for (const message of ['Say "please"', 'back\\slash', 'Konfirmasi — ulang', 'two\nlines']) {
    t.throws(() => stepUpRequired(message, { maxAgeSeconds: 60 }), /printable ASCII/, JSON.stringify(message))
  }
})
