import cookie from '@fastify/cookie'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

/**
 * Cookie parsing (`request.cookies`) and Set-Cookie (`reply.setCookie`), for the refresh cookie
 * of browser sessions. No secret: the cookie holds a refresh token, which is its own proof, so
 * nothing is signed.
 * @see https://github.com/fastify/fastify-cookie
 */
export default fp(async function cookiePlugin (fastify: FastifyInstance) {
  await fastify.register(cookie)
}, { name: 'cookie' })
