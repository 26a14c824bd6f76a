import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createAfterAnswer, type AfterAnswer } from '../../lib/after-answer.js'

declare module 'fastify' {
  interface FastifyInstance {
    afterAnswer: AfterAnswer
  }
}

/** Work requests leave for after their answer (mails that must not tell who has an account); done before the database closes. */
export default fp(async function afterAnswerPlugin (fastify: FastifyInstance) {
  const afterAnswer = createAfterAnswer(fastify.log)
  fastify.decorate('afterAnswer', afterAnswer)
  fastify.addHook('onClose', () => afterAnswer.settled())
}, { name: 'after-answer' })
