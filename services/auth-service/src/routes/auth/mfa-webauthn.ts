import { conflict, errorResponses, mfaTicketInvalid } from '@rekam/errors'
import { ok, security, success } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientMeta } from '../../lib/client-meta.js'
import { BEARER_OR_TICKET, enrollerOf } from '../../lib/enroller.js'
import { SetCookieHeaderSchema } from '../../schemas/auth.js'
import { toMfaFactor, TotpConfirmResultSchema } from '../../schemas/mfa.js'
import { toUser } from '../../schemas/user.js'
import {
  AuthenticationOptionsBodySchema, CreationOptionsSchema, RegistrationOptionsBodySchema, RegistrationVerifyBodySchema, RequestOptionsSchema,
} from '../../schemas/webauthn.js'

const tags = ['mfa']

/** Registering passkeys and asking for one as a second factor or a step-up. */
const mfaWebauthnRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { webauthn, refreshCookie, config } = fastify
  // Each options call stores a challenge: bounded per address like the other unauthenticated writes.
  const optionsLimit = { rateLimit: { max: config.RATE_LIMIT_WEBAUTHN_OPTIONS, timeWindow: 60_000 } }

  fastify.post('/mfa/webauthn/registration/options', {
    config: optionsLimit,
    schema: {
      tags,
      security,
      summary: 'Start registering a passkey: the options for navigator.credentials.create',
      description: `${BEARER_OR_TICKET} The challenge works once, for 5 minutes. The user's passkeys are excluded (one per authenticator); resident key preferred (a passkey that can sign in alone); user verification required for the roles of MFA_REQUIRED_ROLES, preferred otherwise; attestation none.`,
      body: RegistrationOptionsBodySchema,
      response: { 200: success(CreationOptionsSchema), ...errorResponses(400, 401, 'MFA_TICKET_INVALID', 413, 415, 429) },
    },
  }, async (request, reply) => {
    const who = await enrollerOf(fastify, request, reply, request.body.ticket)
    return ok(await webauthn.enrollment.options(who))
  })

  fastify.post('/mfa/webauthn/registration/verify', {
    schema: {
      tags,
      security,
      summary: 'Finish registering a passkey with the authenticator\'s answer',
      description: `${BEARER_OR_TICKET} The passkey is active at once. The account's first factor brings ten recovery codes, shown only in this answer. With a ticket, this also signs in (user and tokens, as a login answers; amr ["pwd","hwk","user"]). A response that does not verify (another challenge, origin or RP ID, no user verification where required) answers 403 MFA_CODE_INVALID and counts on the ticket; a passkey already registered 409.`,
      body: RegistrationVerifyBodySchema,
      response: {
        200: { ...success(TotpConfirmResultSchema), ...SetCookieHeaderSchema },
        ...errorResponses(400, 401, 'MFA_TICKET_INVALID', 'MFA_CODE_INVALID', 'EMAIL_NOT_VERIFIED', 409, 413, 415),
      },
    },
  }, async (request, reply) => {
    const { response, name, ticket, tokenDelivery } = request.body
    const who = await enrollerOf(fastify, request, reply, ticket)
    const { factor, recoveryCodes, signedIn } = await webauthn.enrollment.verify(who, response, name, clientMeta(request))
    return ok({
      factor: toMfaFactor(factor),
      ...(recoveryCodes ? { recoveryCodes } : {}),
      ...(signedIn ? { user: toUser(signedIn.user), tokens: refreshCookie.deliver(reply, signedIn.tokens, tokenDelivery) } : {}),
    }, 'Passkey registered')
  })

  fastify.post('/mfa/webauthn/authentication/options', {
    config: optionsLimit,
    schema: {
      tags,
      security,
      summary: 'Ask for one of the user\'s passkeys: the options for navigator.credentials.get',
      description: 'For the second step of a sign-in, send the ticket of the mfaRequired answer (then POST /api/auth/mfa/verify with method webauthn); for a step-up, the bearer token (then POST /api/auth/reauthenticate with method webauthn). Only the user\'s passkeys are allowed; the challenge works once, for 5 minutes. 409 when the user has no passkey.',
      body: AuthenticationOptionsBodySchema,
      response: { 200: success(RequestOptionsSchema), ...errorResponses(400, 401, 'MFA_TICKET_INVALID', 409, 413, 415, 429) },
    },
  }, async (request, reply) => {
    const { ticket } = request.body
    let userId: string | undefined
    if (request.headers.authorization !== undefined || ticket === undefined) {
      await fastify.authenticateSession(request, reply)
      userId = request.user.sub
    } else {
      userId = (await fastify.mfa.tickets.peekLive(ticket, 'verify'))?.userId
    }
    const user = userId ? await fastify.usersRepository.findById(userId) : undefined
    if (!user) throw mfaTicketInvalid()
    const options = await webauthn.ceremonies.authenticationOptions(user)
    if (!options) throw conflict('No passkey is registered for this account')
    return ok(options)
  })
}

export default mfaWebauthnRoutes
