import { performance } from 'node:perf_hooks'
import { request, type ApiResponse } from '@rekam/testing/e2e'
import { LoadStats } from './load-stats.js'
import type { LoadUser } from './load-users.js'

/** A record's fields as the test wrote them: what the database must hold. */
export interface ExpectedRecord {
  patientId: string
  doctorId: string
  visitDate: string
  complaint: string
  diagnosis: string
  treatment: string
  prescription: string | null
  notes: string | null
}

export const RECORD_FIELDS = ['patientId', 'doctorId', 'visitDate', 'complaint', 'diagnosis', 'treatment', 'prescription', 'notes'] as const

/** The fields of `actual` that differ from `expected`. */
export function diffRecord (actual: Record<string, unknown>, expected: ExpectedRecord): string[] {
  return RECORD_FIELDS.filter((f) => actual[f] !== expected[f])
    .map((f) => `${f}: ${JSON.stringify(actual[f])} instead of ${JSON.stringify(expected[f])}`)
}

/** Each create carries a unique tag in its complaint, so its row is found (and counted) by it. */
export const createTag = (nonce: string) => `[load:${nonce}]`
export const TAG_PATTERN = /\[load:([\w-]+)\]/

interface Answer {
  res: ApiResponse
  rid: string
  ok: boolean
}

/** Everything the virtual users did and were told, for the checks after the run. */
export class LoadState {
  readonly stats = new LoadStats()
  /** Every record answered 201, by id, with the fields it must have now. */
  readonly records = new Map<string, ExpectedRecord>()
  readonly byPatient = new Map<string, string[]>()
  /** Records whose last change got a 5xx or no answer: it may or may not have happened. */
  readonly uncertain = new Set<string>()
  /** Tags of creates that got no answer at all: a row with one of them may exist. */
  readonly unansweredCreates = new Set<string>()
  /** Per request id, the access-log rows its 2xx answer implies: `ACTION record actor role`. */
  readonly expectedLog = new Map<string, string[]>()
  /** Request ids answered 5xx or not at all: their log rows may or may not exist. */
  readonly unknownOutcome = new Set<string>()
  readonly problems: string[] = []
  readonly serverErrors: string[] = []
  readonly networkErrors: string[] = []
  refreshChainBreaks = 0
  #seq = 0

  constructor (readonly baseUrl: string, readonly patients: LoadUser[]) {}

  problem (message: string): void {
    this.problems.push(message)
  }

  expectLog (rid: string, action: string, recordIds: string[], user: LoadUser): void {
    this.expectedLog.set(rid, recordIds.map((id) => `${action} ${id} ${user.userId} ${user.role}`).sort())
  }

  /** One request through the gateway, timed and counted; undefined when no answer came. */
  async call (user: LoadUser, route: string, path: string, opts: { method?: string, json?: unknown, auth?: boolean }, expect: number): Promise<Answer | undefined> {
    const rid = `load-${user.vu}-${++this.#seq}`
    const started = performance.now()
    let res: ApiResponse
    try {
      res = await request(this.baseUrl, path, {
        method: opts.method ?? (opts.json === undefined ? 'GET' : 'POST'),
        json: opts.json,
        token: opts.auth === false ? undefined : user.tokens.accessToken,
        headers: { 'x-request-id': rid },
      })
    } catch (err) {
      this.stats.add(route, 'network', performance.now() - started)
      this.unknownOutcome.add(rid)
      this.networkErrors.push(`${route} ${rid}: ${(err as Error).message}`)
      return undefined
    }
    this.stats.add(route, res.status, performance.now() - started)
    if (res.status >= 500) {
      this.unknownOutcome.add(rid)
      this.serverErrors.push(`${route} ${res.status} ${rid}: ${res.text.slice(0, 300)}`)
    } else if (res.status !== expect && res.status !== 429) {
      this.problem(`${route} answered ${res.status}, expected ${expect} (${rid}): ${res.text.slice(0, 300)}`)
    }
    return { res, rid, ok: res.status === expect }
  }
}
