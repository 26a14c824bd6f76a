/**
 * The canary test of the accounts: every flow of auth-service (register, sign-in, refresh and its
 * reuse, profile, email change, password, sessions, bad tokens at both services, the admin's
 * invite and reset, tokens in a query string) is driven through the real nginx, at the most
 * verbose log level the services allow, with a canary password and the tokens it earns. Then
 * every line the services and nginx wrote (process output, nginx's error and access logs) is
 * searched: no password, no token or part of one, no bearer value, no bcrypt hash, no key, no
 * mailed link (verification, email change, set-password, reset) nor its token.
 * The security events of the same flows must be there, each with user, address and request id.
 * The records flows: log-leak-records.test.ts.
 */
import { randomBytes } from 'node:crypto'
import t from 'tap'
import { DEMO, client, findNginx, newRequestId, type RunningService } from '@rekam/testing/e2e'
import { linkToken } from '@rekam/testing/mail'
import { canaryCalls, eventually, mailedLink, signToken } from './helpers/canary.js'
import { canaryStack, expectNoLeaks, writtenLogs } from './helpers/canary-stack.js'

const nginxBin = findNginx()

function main () {
  const stack = canaryStack(t, nginxBin)

  t.test('no secret of any account flow reaches a log; the security events are there', async (t) => {
    const { auth, records, gateway, mailServer, privatePem } = stack
    const api = client(gateway.url)
    const { secrets, keep, tokensOf, call, signIn, expect } = canaryCalls(t, api)
    /** Request ids of the requests whose security event is checked, by event. */
    const ids: Record<string, string> = {}

    const canary = `Canary-${randomBytes(6).toString('hex')}-passphrase`
    const newCanary = `Canary-${randomBytes(6).toString('hex')}-renewed`
    keep('canary password', canary)
    keep('new canary password', newCanary)
    keep('signing key', privatePem.split('\n')[1]!)
    const username = `canary${randomBytes(3).toString('hex')}`
    const email = `${username}@example.com`

    // Account: register, sign in (right and wrong), refresh, reuse, profile, password.
    const registered = await call('POST', '/api/auth/register', { json: { username, email, password: canary, fullName: 'Canary' } })
    expect(registered, 201, 'register')
    const userId = registered.body.data.user.id as string
    const first = tokensOf('register', registered)
    // The mailed links are secrets like the tokens: each one kept whole and as its token, and used.
    const verification = mailedLink(await mailServer.next(email), '/verify-email')
    keep('verification link', verification.link)
    keep('verification link token', verification.token)
    expect(await call('POST', '/api/auth/email/verify', { json: { token: verification.token } }), 200, 'email verified by its link')

    ids.loginSucceeded = newRequestId()
    const signedIn = await call('POST', '/api/auth/login', { json: { username, password: canary }, id: ids.loginSucceeded })
    expect(signedIn, 200, 'login')
    const second = tokensOf('login', signedIn)
    ids.loginFailed = newRequestId()
    expect(await call('POST', '/api/auth/login', { json: { email, password: `${canary}-wrong` }, id: ids.loginFailed }), 401, 'login with a wrong password')

    const refreshed = await call('POST', '/api/auth/refresh', { json: { refreshToken: second.refresh } })
    expect(refreshed, 200, 'refresh')
    tokensOf('refresh', refreshed)
    ids.reuse = newRequestId()
    expect(await call('POST', '/api/auth/refresh', { json: { refreshToken: second.refresh }, id: ids.reuse }), 401, 'refresh token reuse')

    expect(await call('GET', '/api/auth/me', { token: first.access }), 200, 'me')
    expect(await call('PUT', '/api/auth/profile', { token: first.access, json: { fullName: 'Canary Bird' } }), 200, 'profile')
    expect(await call('PUT', '/api/auth/profile', { token: first.access, json: { email: `new.${email}`, currentPassword: canary } }), 202, 'email change asked')
    const emailLink = linkToken(await mailServer.next(`new.${email}`), '/confirm-email')
    keep('email change link token', emailLink)
    expect(await call('POST', '/api/auth/email/confirm', { json: { token: emailLink } }), 200, 'email change confirmed by its link')
    expect(await call('PUT', '/api/auth/profile', { token: first.access, json: { email, currentPassword: `${canary}-wrong` } }), 403, 'email change with a wrong password')
    expect(await call('GET', '/api/auth/login-history', { token: first.access }), 200, 'login history')
    ids.passwordChanged = newRequestId()
    expect(await call('POST', '/api/auth/change-password', { token: first.access, json: { currentPassword: canary, newPassword: newCanary }, id: ids.passwordChanged }), 200, 'change password')
    expect(await call('POST', '/api/auth/change-password', { token: first.access, json: { currentPassword: canary, newPassword: `${newCanary}-2` } }), 403, 'change password with the old one')
    expect(await call('POST', '/api/auth/login', { json: { username, password: canary } }), 401, 'the old password no longer works')

    // Sessions: list, end one, logout, logout-all.
    const third = tokensOf('login 3', await call('POST', '/api/auth/login', { json: { username, password: newCanary } }))
    const fourth = tokensOf('login 4', await call('POST', '/api/auth/login', { json: { email: `new.${email}`, password: newCanary } }))
    const sessions = await call('GET', '/api/auth/sessions', { token: third.access })
    expect(sessions, 200, 'sessions')
    const other = (sessions.body.data.items as Array<{ id: string, current: boolean }>).find((s) => !s.current)
    t.ok(other, 'another session to end')
    expect(await call('DELETE', `/api/auth/sessions/${other!.id}`, { token: third.access }), 200, 'end a session')
    expect(await call('GET', '/api/auth/me', { token: fourth.access }), 401, 'its token is refused')
    ids.logout = newRequestId()
    expect(await call('POST', '/api/auth/logout', { json: { refreshToken: third.refresh }, id: ids.logout }), 200, 'logout')
    const fifth = tokensOf('login 5', await call('POST', '/api/auth/login', { json: { username, password: newCanary } }))
    ids.logoutAll = newRequestId()
    expect(await call('POST', '/api/auth/logout-all', { token: fifth.access, id: ids.logoutAll }), 200, 'logout-all')

    // Bad, garbled, revoked and expired tokens, and a bad refresh token.
    const [header, payload] = fifth.access.split('.') as [string, string]
    const expired = signToken(privatePem, JSON.parse(Buffer.from(header, 'base64url').toString()), {
      ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
      iat: Math.floor(Date.now() / 1000) - 3600,
      exp: Math.floor(Date.now() / 1000) - 1800,
    })
    keep('expired token', expired)
    keep('expired token signature', expired.split('.')[2]!)
    const garbled = `${fifth.access.slice(0, -6)}AAAAAA`
    keep('garbled token', garbled)
    for (const [what, token] of [['expired', expired], ['garbled', garbled], ['revoked', fifth.access], ['not a JWT', `x${randomBytes(20).toString('hex')}`]] as const) {
      keep(`${what} bearer`, token)
      expect(await call('GET', '/api/auth/me', { token }), 401, `${what} token at auth-service`)
      // records-service learns of a revocation from the feed, polled every second.
      expect(await eventually(() => call('GET', '/api/records', { token }), (res) => res.status !== 200), 401, `${what} token at records-service`)
    }
    expect(await call('POST', '/api/auth/refresh', { json: { refreshToken: `${fifth.refresh.slice(0, -4)}AAAA` } }), 401, 'a garbled refresh token')

    // Admin: list and change the canary user (a role change ends its sessions).
    const admin = await signIn('admin', DEMO.admin)
    expect(await call('GET', `/api/users?search=${username}`, { token: admin.access }), 200, 'admin lists users')
    // A staff invite: the set-password link goes by mail; then a password reset of that account by mail.
    const invitee = `canaryinv${randomBytes(3).toString('hex')}`
    const inviteeEmail = `${invitee}@example.com`
    const inviteCanary = `Canary-${randomBytes(6).toString('hex')}-invited`
    const resetCanary = `Canary-${randomBytes(6).toString('hex')}-reset`
    keep('invited canary password', inviteCanary)
    keep('reset canary password', resetCanary)
    expect(await call('POST', '/api/users', { token: admin.access, json: { username: invitee, email: inviteeEmail, fullName: 'Canary Invitee', role: 'DOCTOR' } }), 201, 'admin invites a doctor')
    const setPassword = mailedLink(await mailServer.next(inviteeEmail), '/set-password')
    keep('set-password link', setPassword.link)
    keep('set-password link token', setPassword.token)
    expect(await call('POST', '/api/auth/set-password', { json: { token: setPassword.token, password: inviteCanary } }), 200, 'password set by the invite link')
    expect(await call('POST', '/api/auth/password-reset', { json: { email: inviteeEmail } }), 202, 'password reset asked')
    const reset = mailedLink(await mailServer.next((mail) => mail.to.includes(inviteeEmail) && mail.text.includes('/reset-password#token=')), '/reset-password')
    keep('reset link', reset.link)
    keep('reset link token', reset.token)
    expect(await call('POST', '/api/auth/password-reset/confirm', { json: { token: reset.token, newPassword: resetCanary } }), 200, 'password reset by its link')
    // Tokens in a query string (RFC 6750 2.3's form, or a pasted link): the services read tokens
    // only from the header and refuse these, but every hop logs the URL.
    ids.queryToken = newRequestId()
    expect(await call('GET', `/api/auth/me?access_token=${admin.access}&refresh_token=${admin.refresh}`, { id: ids.queryToken }), 401, 'tokens in the query string at auth-service')
    ids.queryTokenRecords = newRequestId()
    expect(await call('GET', `/api/records?access_token=${admin.access}`, { id: ids.queryTokenRecords }), 401, 'a token in the query string at records-service')
    expect(await call('PATCH', `/api/users/${userId}`, { token: admin.access, json: { blocked: true } }), 200, 'admin blocks')
    expect(await call('POST', '/api/auth/login', { json: { username, password: newCanary } }), 403, 'a blocked user signs in')
    expect(await call('PATCH', `/api/users/${userId}`, { token: admin.access, json: { blocked: false } }), 200, 'admin unblocks')

    // The security events of those flows: user, address and the request's own id.
    const events = await call('GET', `/api/auth/events?userId=${userId}&limit=100`, { token: admin.access })
    expect(events, 200, 'security events')
    const items = events.body.data.items as Array<{ type: string, userId: string | null, ip: string | null, requestId: string | null, reason: string | null }>
    const expected: Array<[string, string, string?]> = [
      ['LOGIN_SUCCEEDED', ids.loginSucceeded],
      ['LOGIN_FAILED', ids.loginFailed, 'wrong_password'],
      ['REFRESH_REUSE_DETECTED', ids.reuse],
      ['PASSWORD_CHANGED', ids.passwordChanged],
      ['SESSION_REVOKED', ids.logout, 'logout'],
      ['SESSION_REVOKED', ids.logoutAll, 'logout_all'],
    ]
    for (const [type, requestId, reason] of expected) {
      const event = items.find((e) => e.type === type && e.requestId === requestId)
      t.ok(event, `${type} with the request id of its request`)
      t.equal(event?.userId, userId, `${type}: the user`)
      t.equal(event?.ip, '127.0.0.1', `${type}: the client address`)
      if (reason) t.equal(event?.reason, reason, `${type}: reason ${reason}`)
    }

    const logs = await writtenLogs(stack)
    // The capture is real: each log holds the traffic above.
    t.ok(auth.logLines().some((line) => line.reqId === ids.passwordChanged), 'auth-service logged the password change request')
    t.match(gateway.accessLog(), /"POST \/api\/auth\/change-password HTTP\/1\.1" 200/, 'nginx logged the requests')
    // The URLs that carried tokens are logged with their query values redacted.
    const urlOf = (service: RunningService, requestId: string) => service.logLines()
      .map((line) => line.reqId === requestId ? (line.req as { url?: string } | undefined)?.url : undefined).find(Boolean)
    t.equal(urlOf(auth, ids.queryToken), '/api/auth/me?access_token=[redacted]&refresh_token=[redacted]', 'auth-service logged the URL, its values redacted')
    t.equal(urlOf(records, ids.queryTokenRecords), '/api/records?access_token=[redacted]', 'records-service too')
    t.match(gateway.accessLog(), new RegExp(`"GET /api/auth/me\\?\\[redacted\\] HTTP/1\\.1" 401 .* ${ids.queryToken}\n`), 'nginx logged the path, its query redacted')
    expectNoLeaks(t, secrets, logs)
  })
}

// CI has nginx and must run these; elsewhere a machine without it skips them.
if (!nginxBin && !process.env.CI) t.plan(0, 'nginx is not installed; set NGINX_BIN to run the gateway end-to-end tests')
else main()
