import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { newRequestId, request, type RequestOptions } from '@rekam/testing/e2e'

/** One request the traffic sent and what became of it. */
export interface Sent {
  kind: string
  requestId: string
  /** When it was sent and when its answer (or error) came (ms since the epoch). */
  at: number
  done?: number
  /** The status, or the network error when there was no answer. */
  status: number | string
  expected: number
  /** The error code of an error answer. */
  code?: string
  /** The unique tag of a record create, and the id it was answered with. */
  tag?: string
  recordId?: string
}

export interface TrafficUsers {
  patient: { accessToken: string }
  doctor: { accessToken: string }
  /** Signs in and refreshes through the gateway. */
  session: { email: string, password: string }
  recordId: string
  patientId: string
}

/** Marks the records this traffic creates, so their rows are found (and counted) by tag. */
export const TAG_PREFIX = '[failover:'

/**
 * Steady mixed traffic through the gateway from a few concurrent clients, each in a loop until
 * `stop()`: reads of records and of the signed-in user (GET), record creates, sign-ins and
 * refreshes (POST, not idempotent). Every request carries its own request id.
 */
export class Traffic {
  readonly sent: Sent[] = []
  #running = false
  #loops: Array<Promise<void>> = []

  constructor (readonly baseUrl: string, readonly users: TrafficUsers) {}

  async #send (kind: string, expected: number, path: string, opts: RequestOptions, extra: Partial<Sent> = {}) {
    const requestId = newRequestId()
    const entry: Sent = { kind, requestId, at: Date.now(), status: 'pending', expected, ...extra }
    this.sent.push(entry)
    try {
      const res = await request(this.baseUrl, path, { ...opts, headers: { ...opts.headers, 'x-request-id': requestId } })
      entry.status = res.status
      entry.code = res.body?.error?.code
      entry.done = Date.now()
      return { res, entry }
    } catch (err) {
      entry.status = `no answer: ${(err as Error).cause ?? (err as Error).message}`
      entry.done = Date.now()
      return { res: undefined, entry }
    }
  }

  #loop (step: () => Promise<void>) {
    return (async () => {
      while (this.#running) {
        await step()
        // A short pause: steady traffic, not a benchmark on a shared machine.
        await sleep(15)
      }
    })()
  }

  start (): void {
    const { patient, doctor, session, recordId, patientId } = this.users
    this.#running = true
    let refreshToken: string | undefined
    let refreshes = 0
    this.#loops = [
      this.#loop(async () => { await this.#send('GET /api/records/:id', 200, `/api/records/${recordId}`, { token: patient.accessToken }) }),
      this.#loop(async () => { await this.#send('GET /api/records', 200, '/api/records?limit=5', { token: patient.accessToken }) }),
      this.#loop(async () => { await this.#send('GET /api/auth/me', 200, '/api/auth/me', { token: patient.accessToken }) }),
      this.#loop(async () => {
        const tag = `${TAG_PREFIX}${randomBytes(6).toString('hex')}]`
        const { res, entry } = await this.#send('POST /api/records', 201, '/api/records', {
          method: 'POST',
          token: doctor.accessToken,
          json: { patientId, visitDate: '2026-04-01', complaint: `${tag} demam`, diagnosis: 'Influenza', treatment: 'Rest' },
        }, { tag })
        if (res?.status === 201) entry.recordId = res.body.data.record.id
      }),
      this.#loop(async () => {
        // A session: sign in, then refresh twice, each time with the token the last answer gave.
        const { res } = refreshToken && refreshes < 2
          ? await this.#send('POST /api/auth/refresh', 200, '/api/auth/refresh', { method: 'POST', json: { refreshToken } })
          : await this.#send('POST /api/auth/login', 200, '/api/auth/login', { method: 'POST', json: session })
        refreshes = refreshToken && refreshes < 2 ? refreshes + 1 : 0
        refreshToken = res?.status === 200 ? res.body.data.tokens.refreshToken : undefined
      }),
    ]
  }

  async stop (): Promise<void> {
    this.#running = false
    await Promise.all(this.#loops)
  }

  /** Requests sent at or after `since` (ms since the epoch), by kind. */
  countSince (since: number): Map<string, number> {
    const counts = new Map<string, number>()
    for (const s of this.sent) if (s.at >= since) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1)
    return counts
  }
}
