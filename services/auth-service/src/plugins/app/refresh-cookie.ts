import fp from 'fastify-plugin'
import type { CookieSerializeOptions } from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { REFRESH_COOKIE, type DeliveredTokens, type TokenDelivery, type Tokens } from '../../schemas/auth.js'

/**
 * `__Host-` makes browsers keep the cookie only when it is Secure, host-only (no Domain) and on
 * Path=/; HttpOnly keeps it from scripts; SameSite=Strict keeps other sites' pages from sending
 * it (the CSRF checks are the second line). Browsers keep Secure cookies over HTTPS and on
 * localhost only.
 */
const ATTRIBUTES: CookieSerializeOptions = { httpOnly: true, secure: true, sameSite: 'strict', path: '/' }

/** A refresh token as a request presents it: in the JSON body, or in the cookie. */
export interface PresentedRefreshToken {
  token: string
  byCookie: boolean
}

/** Where browser sessions keep their refresh token: the HttpOnly cookie (DESIGN.md "Browser delivery"). */
export function createRefreshCookie () {
  /** The cookie's value, when the request carries a non-empty one. */
  function read (request: FastifyRequest): string | undefined {
    const value = request.cookies[REFRESH_COOKIE]
    return value || undefined
  }

  /** Sets the cookie to this pair's refresh token, for as long as the token lives. */
  function set (reply: FastifyReply, tokens: Tokens): void {
    reply.setCookie(REFRESH_COOKIE, tokens.refreshToken, { ...ATTRIBUTES, maxAge: tokens.refreshExpiresIn })
  }

  return {
    name: REFRESH_COOKIE,
    read,
    set,

    /** The body's token when there is one (then the cookie is not used), else the cookie's. */
    presented (request: FastifyRequest): PresentedRefreshToken | undefined {
      const fromBody = (request.body as { refreshToken?: unknown } | undefined)?.refreshToken
      if (typeof fromBody === 'string') return { token: fromBody, byCookie: false }
      const fromCookie = read(request)
      return fromCookie === undefined ? undefined : { token: fromCookie, byCookie: true }
    },

    /** Tells the browser to drop the cookie (Max-Age=0, the same attributes). */
    clear (reply: FastifyReply): void {
      reply.clearCookie(REFRESH_COOKIE, ATTRIBUTES)
    },

    /** The pair as answered: with cookie delivery the refresh token goes only into the cookie. */
    deliver (reply: FastifyReply, tokens: Tokens, delivery: TokenDelivery = 'body'): DeliveredTokens {
      if (delivery === 'body') return tokens
      set(reply, tokens)
      const { refreshToken: _inCookie, ...rest } = tokens
      return rest
    },
  }
}

export type RefreshCookie = ReturnType<typeof createRefreshCookie>

declare module 'fastify' {
  interface FastifyInstance {
    refreshCookie: RefreshCookie
  }
}

export default fp(async function refreshCookiePlugin (fastify: FastifyInstance) {
  fastify.decorate('refreshCookie', createRefreshCookie())
}, { name: 'refresh-cookie', dependencies: ['cookie'] })
