import { errorResponses } from '@rekam/errors'
import { ok, security, success } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { clientMeta } from '../../lib/client-meta.js'
import { DeletionStatusSchema, toDeletionStatus } from '../../schemas/account.js'

const tags = ['account']
const StatusDataSchema = success(DeletionStatusSchema)

/** A patient's request to delete their own account (docs/account-deletion.md); inside the authenticated scope. */
const accountDeletionRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { accountDeletion, accountSettings } = fastify
  const delayDays = fastify.config.ACCOUNT_DELETION_DELAY_DAYS
  const status = async (request: FastifyRequest) =>
    toDeletionStatus(accountDeletion.scheduleOf(request.sessionUser ?? await accountSettings.currentUser(request.user.sub)), delayDays)

  fastify.get('/account/deletion', {
    schema: {
      tags,
      security,
      summary: 'The scheduled deletion of my account, if any, and the cooling-off period',
      response: { 200: StatusDataSchema, ...errorResponses(401, 404) },
    },
  }, async (request) => ok(await status(request)))

  fastify.post('/account/deletion', {
    preHandler: fastify.stepUp,
    schema: {
      tags,
      security,
      summary: 'Delete my account after the cooling-off period (PATIENT only)',
      description: 'Needs a recent sign-in (step-up, 401 STEP_UP_REQUIRED otherwise). Schedules the erasure ACCOUNT_DELETION_DELAY_DAYS (14) days later and tells the user (notification and mail); until then the account works as before and DELETE cancels. Then the personal data are erased (username and email replaced, name, password, factors, passkeys, sessions and links deleted), every session ends, and the account can never sign in again; the medical records stay in records-service, as the law requires, reachable from no login (docs/account-deletion.md). Staff accounts are closed by an administrator: 403. Asking again while a deletion is pending answers the same schedule.',
      response: { 202: StatusDataSchema, ...errorResponses(401, 'STEP_UP_REQUIRED', 403, 404) },
    },
  }, async (request, reply) => {
    const schedule = await accountDeletion.request({ userId: request.user.sub, sessionId: request.user.sid }, clientMeta(request))
    reply.code(202)
    return ok(toDeletionStatus(schedule, delayDays), 'Account deletion scheduled')
  })

  fastify.delete('/account/deletion', {
    schema: {
      tags,
      security,
      summary: 'Cancel the scheduled deletion of my account',
      description: 'Tells the user (notification and mail). 404 when no deletion is scheduled.',
      response: { 200: StatusDataSchema, ...errorResponses(401, 404) },
    },
  }, async (request) => {
    await accountDeletion.cancel({ userId: request.user.sub, sessionId: request.user.sid }, clientMeta(request))
    return ok(toDeletionStatus(null, delayDays), 'Account deletion cancelled')
  })
}

export default accountDeletionRoutes
