import { setTimeout as sleep } from 'node:timers/promises'
import type { Test } from 'tap'
import type { ApiResponse, RunningNginx } from '@rekam/testing/e2e'
import type { Instance } from './instances.js'

/** Request options carrying this request id, so the instance that served it is found in the logs. */
export const withId = (requestId: string) => ({ headers: { 'x-request-id': requestId } })

/** Polls `check` until it holds; throws naming `what` when `timeoutMs` passes first. */
export async function waitUntil (what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs
  while (!await check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`)
    await sleep(intervalMs)
  }
}

/** The status and error code of an answer, in one assertion. */
export function assertError (t: Test, res: ApiResponse, status: number, code: string, what: string) {
  t.strictSame([res.status, res.body?.error?.code], [status, code], `${what}: ${status} ${code}`)
}

/** When the file fails, prints what every instance and nginx warned about (runs before they stop). */
export function reportOnFailure (t: Test, instances: Instance[], gateway: RunningNginx) {
  t.teardown(() => {
    if (t.passing()) return
    for (const instance of instances) {
      const problems = instance.logLines().filter((line) => Number(line.level) >= 40).map((line) => JSON.stringify(line))
      process.stderr.write(`\n[e2e] ${instance.label} warnings and errors:\n${problems.join('\n').slice(-6000)}\n`)
    }
    process.stderr.write(`\n[e2e] nginx error.log:\n${gateway.errorLog().slice(-6000)}\n`)
  })
}
