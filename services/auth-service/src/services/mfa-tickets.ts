import { createHash, randomBytes } from 'node:crypto'
import type { MfaTicketRow } from '../db/schema.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { MfaTicketsRepository } from '../plugins/app/mfa-tickets-repository.js'

/** Five minutes to finish signing in (ASVS asks for a short-lived intermediate state). */
export const TICKET_SECONDS = 300
/** Wrong codes one ticket takes before it dies (each also counts toward the account lockout). */
export const MAX_TICKET_FAILURES = 5

const hashTicket = (ticket: string) => createHash('sha256').update(ticket).digest('hex')

/** Sign-in tickets: what a right password earns when a second step must follow. */
export function createMfaTickets (repository: MfaTicketsRepository, now: () => number) {
  const live = (row: MfaTicketRow | undefined, kind: MfaTicketRow['kind'], at: number): row is MfaTicketRow =>
    row !== undefined && row.kind === kind && row.usedAt === null && row.expiresAt.getTime() > at && row.failures < MAX_TICKET_FAILURES

  return {
    /** A new ticket (256 random bits, only its hash stored) for the methods already proven. */
    async issue (userId: string, kind: MfaTicketRow['kind'], amr: string[], tx?: AuthDb): Promise<string> {
      const ticket = randomBytes(32).toString('base64url')
      await repository.create({ tokenHash: hashTicket(ticket), userId, kind, amr, expiresAt: new Date(now() + TICKET_SECONDS * 1000) }, tx)
      return ticket
    },

    /** The live ticket of this kind, locked for the transaction; undefined when unknown, used, expired or exhausted. */
    async lockLive (ticket: string, kind: MfaTicketRow['kind'], tx: AuthDb): Promise<MfaTicketRow | undefined> {
      const row = await repository.lock(hashTicket(ticket), tx)
      return live(row, kind, now()) ? row : undefined
    },

    /** The live ticket of this kind, read without a lock (to know whose it is before counting a code). */
    async peekLive (ticket: string, kind: MfaTicketRow['kind']): Promise<MfaTicketRow | undefined> {
      const row = await repository.find(hashTicket(ticket))
      return live(row, kind, now()) ? row : undefined
    },

    /** Spends the ticket: it works once. */
    spend: (row: MfaTicketRow, tx: AuthDb) => repository.markUsed(row.id, new Date(now()), tx),

    /** Counts a wrong code; the ticket dies at the last one allowed. */
    async fail (row: MfaTicketRow, tx: AuthDb): Promise<void> {
      if (await repository.addFailure(row.id, tx) >= MAX_TICKET_FAILURES) await repository.markUsed(row.id, new Date(now()), tx)
    },
  }
}

export type MfaTickets = ReturnType<typeof createMfaTickets>
