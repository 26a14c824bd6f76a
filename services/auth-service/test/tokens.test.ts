import { createPublicKey, randomUUID, type KeyObject } from 'node:crypto'
import { readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { assertError, createTestDatabase } from '@rekam/testing'
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT, type JWTPayload } from 'jose'
import t from 'tap'
import { buildApp } from '../src/app.js'
import type { Tokens } from '../src/schemas/auth.js'
import { bearer, buildAppOn, register, testEnv } from './helper.js'
import { KTY, keyPair, privatePem, publicPem, remoteJwks, tempDir, thumbprint, UUID, verifyOptions, type Alg } from './signing-keys.js'

// One database for the file; every app in it shares it (every user is unique).
const database = await createTestDatabase(t)
// Tests about something other than key generation bring this key: generating one per app is slow.
const rsa = keyPair('RS256')
const withRsaKey = { JWT_PRIVATE_KEY: privatePem(rsa.privateKey) }

for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) {
  t.test(`${alg}: access tokens verify against the published JWKS over HTTP`, async (t) => {
    const app = await buildAppOn(t, database, { JWT_ALGORITHM: alg })
    const { url, jwks } = await remoteJwks(app)
    const { user, tokens: pair } = await register(app)
    const tokens = pair as Tokens

    const res = await fetch(url)
    t.equal(res.status, 200)
    t.equal(res.headers.get('cache-control'), 'public, max-age=60')
    t.match(res.headers.get('content-type'), /^application\/json/)
    const body = await res.json() as { keys: Array<Record<string, string>> }
    t.equal(body.keys.length, 1)
    const jwk = body.keys[0]!
    t.match(jwk, { kty: KTY[alg], alg, use: 'sig', kid: String })
    t.notOk('d' in jwk || 'p' in jwk || 'q' in jwk, 'no private members')
    t.equal(jwk.kid, await calculateJwkThumbprint(jwk), 'kid is the RFC 7638 thumbprint')

    const { payload, protectedHeader } = await jwtVerify(tokens.accessToken, jwks, verifyOptions(alg))
    t.strictSame(protectedHeader, { alg, typ: 'at+jwt', kid: jwk.kid })
    t.strictSame(Object.keys(payload).sort(), ['acr', 'amr', 'aud', 'auth_time', 'exp', 'iat', 'iss', 'jti', 'role', 'sid', 'sub', 'username'])
    t.match(payload, { iss: 'rekam-auth', aud: 'rekam', sub: user.id, role: 'PATIENT', username: user.username, sid: UUID, jti: UUID })
    t.strictSame([payload.amr, payload.acr], [['pwd'], 'urn:rekam:aal1'], 'a password alone: RFC 8176 pwd, aal1')
    t.ok(Math.abs(payload.auth_time as number - payload.iat!) <= 1, 'auth_time: the sign-in, just now')
    t.equal(payload.exp! - payload.iat!, 900, 'fifteen minutes by default')
    t.equal(tokens.expiresIn, 900)
    t.ok(Math.abs(payload.iat! - Date.now() / 1000) < 30, 'issued now')

    const second = await jwtVerify((await register(app)).tokens.accessToken, jwks, verifyOptions(alg))
    t.not(second.payload.jti, payload.jti, 'every token has its own jti')

    await t.rejects(jwtVerify(tokens.accessToken, jwks, { ...verifyOptions(alg), audience: 'someone-else' }), { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' })
  })
}

t.test('ACCESS_TOKEN_TTL sets the lifetime', async (t) => {
  const app = await buildAppOn(t, database, { ...withRsaKey, ACCESS_TOKEN_TTL: '60' })
  const tokens = (await register(app)).tokens as Tokens
  const claims = decodeJwt(tokens.accessToken)
  t.equal(claims.exp! - claims.iat!, 60)
  t.equal(tokens.expiresIn, 60)
})

t.test('a key given as PEM in JWT_PRIVATE_KEY is used', async (t) => {
  const { publicKey, privateKey } = keyPair('ES256')
  const kid = await thumbprint(publicKey)
  // Environment files often carry PEM on one line with literal "\n".
  for (const pem of [privatePem(privateKey), privatePem(privateKey).replaceAll('\n', '\\n')]) {
    const app = await buildAppOn(t, database, { JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY: pem })
    const jwks = (await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json()
    t.equal(jwks.keys.length, 1)
    t.equal(jwks.keys[0].kid, kid)
    const { tokens } = await register(app)
    const { protectedHeader } = await jwtVerify(tokens.accessToken, publicKey, verifyOptions('ES256'))
    t.equal(protectedHeader.kid, kid, 'signed by the given key')
  }
})

t.test('a key given in JWT_PRIVATE_KEY_FILE is used', async (t) => {
  const dir = await tempDir(t)
  const { publicKey, privateKey } = rsa
  const file = join(dir, 'private.pem')
  await writeFile(file, privatePem(privateKey), { mode: 0o600 })
  const app = await buildAppOn(t, database, { JWT_PRIVATE_KEY_FILE: file })
  const kid = await thumbprint(publicKey)
  t.equal((await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json().keys[0].kid, kid)
  const { tokens } = await register(app)
  const { protectedHeader } = await jwtVerify(tokens.accessToken, publicKey, verifyOptions('RS256'))
  t.equal(protectedHeader.kid, kid)
})

t.test('a key that does not fit JWT_ALGORITHM stops the app with a clear message', async (t) => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ JWT_ALGORITHM: 'ES256', ...withRsaKey }, /^the JWT private key is for RS256 but JWT_ALGORITHM is ES256$/],
    [{ JWT_ALGORITHM: 'RS256', JWT_PRIVATE_KEY: privatePem(keyPair('EdDSA').privateKey) }, /^the JWT private key is for EdDSA but JWT_ALGORITHM is RS256$/],
    [{ JWT_ALGORITHM: 'EdDSA', JWT_PRIVATE_KEY: privatePem(keyPair('ES256').privateKey) }, /^the JWT private key is for ES256 but JWT_ALGORITHM is EdDSA$/],
    [{ JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY: privatePem(keyPair('P-384').privateKey) }, /P-256/],
    [{ JWT_ALGORITHM: 'RS256', JWT_PRIVATE_KEY: privatePem(keyPair('RSA-1024').privateKey) }, /at least 2048 bits/],
    [{ JWT_PRIVATE_KEY: 'not a key' }, /not a readable PEM private key/],
    [{ JWT_PRIVATE_KEY: publicPem(rsa.publicKey) }, /not a readable PEM private key/],
  ]
  for (const [env, message] of cases) {
    // Start-up stops at the key; skipping the (already done) migration keeps each attempt cheap.
    await t.rejects(buildApp({ logLevel: false, env: testEnv(database, { ...env, DB_MIGRATE_ON_START: 'false' }) }), { message }, `${JSON.stringify(env).slice(0, 60)} → ${message}`)
  }
})

t.test('previous public keys are published after the current one and still verify', async (t) => {
  const dir = await tempDir(t)
  const previousRsa = keyPair('RS256')
  const previousEc = keyPair('ES256')
  const file = join(dir, 'previous.pem')
  await writeFile(file, `${publicPem(previousRsa.publicKey)}\n${publicPem(previousEc.publicKey)}`)
  const app = await buildAppOn(t, database, { ...withRsaKey, JWT_PREVIOUS_PUBLIC_KEYS_FILE: file })
  const { jwks } = await remoteJwks(app)
  const { user, tokens } = await register(app)

  const published = (await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json().keys as Array<Record<string, string>>
  const rsaKid = await thumbprint(previousRsa.publicKey)
  const ecKid = await thumbprint(previousEc.publicKey)
  t.strictSame(published.map((k) => k.kid), [decodeProtectedHeader(tokens.accessToken).kid, rsaKid, ecKid], 'current key first')
  t.match(published[1], { kty: 'RSA', alg: 'RS256', use: 'sig' })
  t.match(published[2], { kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' })

  // A token the previous key signed before the rotation, for a session that is still live.
  const claims = decodeJwt(tokens.accessToken)
  const signWith = (alg: Alg, key: KeyObject, kid: string, header: Record<string, unknown> = {}) =>
    new SignJWT({ ...claims, jti: randomUUID() }).setProtectedHeader({ alg, typ: 'at+jwt', kid, ...header }).sign(key)

  for (const [alg, pair, kid] of [['RS256', previousRsa, rsaKid], ['ES256', previousEc, ecKid]] as const) {
    const token = await signWith(alg, pair.privateKey, kid)
    const res = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })
    t.equal(res.statusCode, 200, `token signed by the previous ${alg} key is accepted`)
    t.equal(res.json().data.user.id, user.id)
    t.match((await jwtVerify(token, jwks, { ...verifyOptions(alg) })).protectedHeader, { kid }, 'and verifies against the JWKS')
  }

  const wrongTyp = await signWith('RS256', previousRsa.privateKey, rsaKid, { typ: 'JWT' })
  assertError(t, await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(wrongTyp) }), 401, 'TOKEN_INVALID', 'The access token is invalid')
})

t.test('tokens signed with a key the app does not know are 401 TOKEN_INVALID', async (t) => {
  const app = await buildAppOn(t, database, withRsaKey)
  const { tokens } = await register(app)
  const claims = decodeJwt(tokens.accessToken)
  const currentKid = decodeProtectedHeader(tokens.accessToken).kid!
  const stranger = keyPair('RS256')
  const strangerKid = await thumbprint(stranger.publicKey)
  const meWith = (token: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })
  const sign = (payload: JWTPayload, header: { alg: string, kid?: string, typ?: string }, key: KeyObject | Uint8Array) =>
    new SignJWT(payload).setProtectedHeader({ typ: 'at+jwt', ...header }).sign(key)

  const unknownKid = await sign(claims, { alg: 'RS256', kid: strangerKid }, stranger.privateKey)
  assertError(t, await meWith(unknownKid), 401, 'TOKEN_INVALID', 'The access token was signed with an unknown key')

  const forgedCurrent = await sign(claims, { alg: 'RS256', kid: currentKid }, stranger.privateKey)
  assertError(t, await meWith(forgedCurrent), 401, 'TOKEN_INVALID', 'The access token is invalid')

  const noKid = await sign(claims, { alg: 'RS256' }, stranger.privateKey)
  assertError(t, await meWith(noKid), 401, 'TOKEN_INVALID', 'The access token was signed with an unknown key')

  // The classic confusion attack: HMAC keyed with the published public key.
  const jwk = (await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json().keys[0]
  const publicKeyPem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString()
  const hmac = await sign(claims, { alg: 'HS256', kid: currentKid }, new TextEncoder().encode(publicKeyPem))
  assertError(t, await meWith(hmac), 401, 'TOKEN_INVALID', 'The access token is invalid')

  const payload = tokens.accessToken.split('.')[1]!
  const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt', kid: currentKid })).toString('base64url')}.${payload}.`
  assertError(t, await meWith(unsigned), 401, 'TOKEN_INVALID', 'The access token is invalid')

  t.equal((await meWith(tokens.accessToken)).statusCode, 200, 'the genuine token still works')
})

t.test('with DATA_DIR and no key, the generated key is kept and reused by the next instance', async (t) => {
  const dir = await tempDir(t)
  const first = await buildAppOn(t, database, { DATA_DIR: dir })
  const firstJwks = (await first.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json()

  t.strictSame(await readdir(join(dir, 'keys')), ['jwt-rs256-private.pem'])
  t.equal((await stat(join(dir, 'keys', 'jwt-rs256-private.pem'))).mode & 0o777, 0o600, 'readable by the owner only')
  t.equal((await stat(join(dir, 'keys'))).mode & 0o777, 0o700)

  const { user, tokens } = await register(first)
  const rotated = (await first.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: tokens.refreshToken } })).json()

  const second = await buildAppOn(t, database, { DATA_DIR: dir })
  t.strictSame((await second.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json(), firstJwks, 'same kid, same key')
  const me = await second.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(tokens.accessToken) })
  t.equal(me.statusCode, 200, 'tokens from the first instance are accepted by the second')
  t.equal(me.json().data.user.id, user.id)

  // The grace-interval replay is sealed with a key derived from the signing key, so it works across instances.
  const replay = await second.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: tokens.refreshToken } })
  t.equal(replay.statusCode, 200)
  t.strictSame(replay.json(), rotated)

  const memory = await buildAppOn(t, database)
  t.not((await memory.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json().keys[0].kid, firstJwks.keys[0].kid, 'without DATA_DIR each instance has its own key')
})
