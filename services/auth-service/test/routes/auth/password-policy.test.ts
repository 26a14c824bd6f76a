import t from 'tap'
import { bearer, buildTestApp, expectError, login, register, uniqueUser } from '../../helper.js'

t.test('new passwords must not be easy to guess', async (t) => {
  const app = await buildTestApp(t)
  const registerWith = (password: string, overrides: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...uniqueUser(), ...overrides, password } })

  for (const weak of ['password123', 'qwertyuiop', '12345678910', 'iloveyou1', 'Passw0rd!']) {
    const res = await registerWith(weak)
    expectError(t, res, 400, 'VALIDATION_ERROR', { message: 'body.password is too easy to guess' })
    t.match(res.json().error.details, [{ field: 'body.password', message: /^is too easy to guess/ }], weak)
  }
  const ownName = await registerWith('melatiputri2024', { username: 'melatiputri', email: 'melati@example.test' })
  expectError(t, ownName, 400, 'VALIDATION_ERROR', { message: 'body.password is too easy to guess' })
  t.equal((await registerWith('tulip-orbit-canyon-73')).statusCode, 201, 'a few unrelated words pass')

  const user = await register(app)
  const change = (newPassword: string) => app.inject({
    method: 'POST',
    url: '/api/auth/change-password',
    headers: bearer(user.tokens.accessToken),
    payload: { currentPassword: user.password, newPassword },
  })
  expectError(t, await change('password1234'), 400, 'VALIDATION_ERROR', { message: 'body.newPassword is too easy to guess' })
  t.equal((await login(app, user.user.username, user.password)).statusCode, 200, 'a refused change changes nothing')
  expectError(t, await change(`${user.user.username}123`), 400, 'VALIDATION_ERROR', { message: 'body.newPassword is too easy to guess' })
  t.equal((await change('velvet-harbor-quartz-19')).statusCode, 200)
})
