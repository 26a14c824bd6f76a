import t from 'tap'
import { assertError } from '@rekam/testing'
import { bearer, buildTestApp, login, register, uniqueUser } from '../../helper.js'

t.test('new passwords must not be easy to guess', async (t) => {
  const app = await buildTestApp(t)
  const registerWith = (password: string, overrides: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...uniqueUser(), ...overrides, password } })

  const tooEasy = (reason: string) => `is too easy to guess (${reason}); a few unrelated words make a strong password`
  for (const [weak, reason] of [['password123', 'common'], ['qwertyuiop', 'topHundred'], ['12345678910', 'common'], ['iloveyou1', 'common'], ['Passw0rd!', 'similarToCommon']] as const) {
    assertError(t, await registerWith(weak), 400, 'VALIDATION_ERROR', 'body.password is too easy to guess', [{ field: 'body.password', message: tooEasy(reason) }])
  }
  const ownName = await registerWith('melatiputri2024', { username: 'melatiputri', email: 'melati@example.test' })
  assertError(t, ownName, 400, 'VALIDATION_ERROR', 'body.password is too easy to guess', [{ field: 'body.password', message: tooEasy('userInputs') }])
  t.equal((await registerWith('tulip-orbit-canyon-73')).statusCode, 201, 'a few unrelated words pass')

  const user = await register(app)
  const change = (newPassword: string) => app.inject({
    method: 'POST',
    url: '/api/auth/change-password',
    headers: bearer(user.tokens.accessToken),
    payload: { currentPassword: user.password, newPassword },
  })
  assertError(t, await change('password1234'), 400, 'VALIDATION_ERROR', 'body.newPassword is too easy to guess', [{ field: 'body.newPassword', message: tooEasy('similarToCommon') }])
  t.equal((await login(app, user.user.username, user.password)).statusCode, 200, 'a refused change changes nothing')
  assertError(t, await change(`${user.user.username}123`), 400, 'VALIDATION_ERROR', 'body.newPassword is too easy to guess', [{ field: 'body.newPassword', message: tooEasy('userInputs') }])
  t.equal((await change('velvet-harbor-quartz-19')).statusCode, 200)
})
