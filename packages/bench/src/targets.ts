import type { Measurements, ScenarioResult } from './scenarios.js'

/** One target of the issue, with what this run measured for it. */
export interface TargetResult {
  name: string
  /** How the figure is formed, e.g. "record read / floor". */
  measure: string
  target: string
  /** The measured figure (a ratio, req/s, ms or MB); null when it could not be measured. */
  value: number | null
  unit: 'ratio' | 'req/s' | 'ms' | 'MB'
  verdict: 'PASS' | 'FAIL' | 'n/a'
  note?: string
}

type Check = { atLeast: number } | { atMost: number }

function target (name: string, measure: string, value: number | null | undefined, unit: TargetResult['unit'], check: Check, note?: string): TargetResult {
  const bound = 'atLeast' in check ? check.atLeast : check.atMost
  const shown = unit === 'ratio' && bound < 1 ? `${Math.round(bound * 100)}%` : `${bound}${unit === 'ratio' ? '×' : ` ${unit}`}`
  const verdict = value === null || value === undefined || !Number.isFinite(value)
    ? 'n/a'
    : ('atLeast' in check ? value >= check.atLeast : value <= check.atMost) ? 'PASS' : 'FAIL'
  return { name, measure, target: `${'atLeast' in check ? '≥' : '≤'} ${shown}`, value: verdict === 'n/a' ? null : value!, unit, verdict, ...(note ? { note } : {}) }
}

const ratio = (a: number | null | undefined, b: number | null | undefined) => a == null || b == null || b === 0 ? null : a / b

/** The issue's targets, each computed from this run's side-by-side measurements. */
export function evaluateTargets (m: Measurements): TargetResult[] {
  const byId = new Map<string, ScenarioResult>(m.scenarios.map((s) => [s.id, s]))
  const rps = (id: string) => byId.get(id)?.rps
  const probe = (phase: 'idle' | 'loaded', name: string) => m.saturation[phase].find((p) => p.name === name)?.p99
  const protectedRoute = byId.get('protected-no-db')
  return [
    target('record read by id (auth + ownership + audit)', 'record read / floor', ratio(rps('record-read'), rps('floor-record-read-audited')), 'ratio', { atLeast: 0.5 }),
    target('"my records" list', 'list / floor', ratio(rps('records-list'), rps('floor-records-list')), 'ratio', { atLeast: 0.5 }),
    target('protected route, no database', 'protected route / bare route', ratio(rps('protected-no-db'), rps('floor-bare')), 'ratio', { atLeast: 0.9 }, protectedRoute?.skipped),
    target('login', 'login / raw bcryptjs', ratio(rps('login'), rps('floor-bcrypt')), 'ratio', { atLeast: 0.85 }),
    target('while logins saturate hashing: /api/auth/me p99', 'loaded p99 / idle p99', ratio(probe('loaded', 'me'), probe('idle', 'me')), 'ratio', { atMost: 3 }),
    target('while logins saturate hashing: record read p99', 'loaded p99 / idle p99', ratio(probe('loaded', 'record-read'), probe('idle', 'record-read')), 'ratio', { atMost: 3 }),
    target('while logins saturate hashing: event-loop delay p99', 'auth-service, measured in the process', m.saturation.eventLoop.loaded.auth.eventLoopDelay.p99, 'ms', { atMost: 10 }),
    target('refresh', 'refresh / login', ratio(rps('refresh'), rps('login')), 'ratio', { atLeast: 20 }),
    target('refresh', 'refreshes per second', rps('refresh'), 'req/s', { atLeast: 1000 }),
    target('drizzle on the hot paths', 'drizzle / raw postgres.js (record read)', ratio(rps('floor-record-read-drizzle'), rps('floor-record-read')), 'ratio', { atLeast: 0.9 }),
    target('through the gateway vs direct', 'gateway / direct (record read)', ratio(rps('gateway-record-read'), rps('record-read')), 'ratio', { atLeast: 0.8 }),
    target('RSS of auth-service after the run', 'RSS', m.rssAfterMB['auth-service'], 'MB', { atMost: 150 }),
    target('RSS of records-service after the run', 'RSS', m.rssAfterMB['records-service'], 'MB', { atMost: 150 }),
  ]
}
