/** The keys and app every verification test shares: static RS256, ES256 and EdDSA keys. */
import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import type { AuthVerifyOptions, StaticKey } from '../src/index.js'
import { buildApp as buildBareApp, makeKey, sign as signToken, type SignOptions, type TestKey } from './helpers.js'

export const rsa = makeKey('RS256', 'rsa-1')
export const ec = makeKey('ES256', 'ec-1')
export const ed = makeKey('EdDSA', 'ed-1')
// Same kid as `rsa`, different key: a forger who knows the kid but not the private key.
export const impostor = makeKey('RS256', rsa.kid)
export const staticKey = (key: TestKey): StaticKey => ({ kid: key.kid, publicKey: key.publicPem })

/** Signs with `rsa` unless told otherwise. */
export const sign = (opts: Partial<SignOptions> = {}) => signToken({ ...opts, key: opts.key ?? rsa })

export const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A token built by hand, for what no honest signing library produces. */
export function handMade (header: object, payload: object, signWith?: (input: string) => string): string {
  const input = `${b64(header)}.${b64(payload)}`
  return `${input}.${signWith ? signWith(input) : ''}`
}

export function buildApp (tap: Test, options: Partial<AuthVerifyOptions> = {}): Promise<FastifyInstance> {
  return buildBareApp(tap, { keys: [staticKey(rsa), staticKey(ec), staticKey(ed)], ...options })
}
