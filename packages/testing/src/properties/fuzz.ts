/**
 * Property-based request fuzzing for a rekam service: every route the app has registered gets
 * arbitrary bodies, content types, path params, query strings and Authorization headers, and
 * every answer must be below 500, in the envelope, and (for a 4xx) leave the database unchanged.
 */
import fc from 'fast-check'
import { toInject, type Fixtures, type InjectRequest } from './inject.js'
import type { Reply } from './checks.js'
import { requestOf, type RequestSpec } from './requests.js'
import type { Route } from './routes.js'
import { routeKey, type RouteShape } from './shapes.js'

export interface FuzzTarget {
  inject (request: InjectRequest): Promise<Reply>
  fixtures: Fixtures
  roles: string[]
  shapes: Map<string, RouteShape>
  /** Field names from every schema of the service, to put where they do not belong. */
  fieldNames: string[]
  /** Headers some routes need besides the generated ones (an internal secret, say). */
  headers?: fc.Arbitrary<Record<string, string>>
  checksum (): Promise<Record<string, string>>
  envelope (res: Reply): string[]
  /** Routes whose success answer is not the envelope (JWKS, introspection, docs, CORS). */
  rawSuccess (route: Route): boolean
  /** After a successful write (it may have ended a fixture's session or deleted its record). */
  afterWrite? (spec: RequestSpec, res: Reply): Promise<void>
}

const hash = (text: string) => [...text].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16_777_619) >>> 0, 2_166_136_261)

/**
 * fast-check's parameters. The seed is FC_SEED (fixed by default, so every run is the same) mixed
 * with the route, so routes do not all draw alike; FC_SEED and FC_PATH replay a reported failure,
 * FC_NUM_RUNS explores more.
 */
const baseSeed = () => Number(process.env.FC_SEED ?? 20_260_501)

export function fcParameters (numRuns: number, salt = ''): fc.Parameters<unknown> {
  const path = process.env.FC_PATH
  return {
    seed: (baseSeed() ^ hash(salt)) | 0,
    numRuns: Number(process.env.FC_NUM_RUNS ?? numRuns),
    ...(path ? { path } : {}),
  }
}

/** The properties every answer must have; each is reported on its own. */
export const PROPERTIES = ['no answer is a 5xx', 'every answer is in the envelope', 'a refused request writes nothing'] as const
type Property = typeof PROPERTIES[number]

export interface RouteResult {
  /** How many answers each status got. */
  statuses: Map<number, number>
  /** Each broken property's first failing request and answer. */
  failures: Map<Property, string>
  /** fast-check's report (seed, path, shrunk counterexample) when a property failed. */
  report: string | undefined
}

/** Runs the properties on one route. */
export async function fuzzRoute (target: FuzzTarget, route: Route, numRuns: number): Promise<RouteResult> {
  const statuses = new Map<number, number>()
  const failures = new Map<Property, string>()
  const name = `${route.method} ${route.url}`
  const arbitrary = requestOf(route, target.shapes.get(routeKey(route.method, route.url)), target.fieldNames, target.roles, target.headers)
  // The checksum after a 4xx is the next request's "before": nothing else writes in between.
  let unchanged: Record<string, string> | undefined
  const details = await fc.check(fc.asyncProperty(arbitrary, async (spec) => {
    const request = toInject(spec, target.fixtures)
    const before = unchanged ?? await target.checksum()
    unchanged = undefined
    const res = await target.inject(request)
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
    const broken: Array<[Property, string]> = []
    if (res.statusCode >= 500) broken.push(['no answer is a 5xx', `status ${res.statusCode}`])
    else if (res.statusCode >= 400 || !target.rawSuccess(route)) {
      const problems = target.envelope(res)
      if (problems.length) broken.push(['every answer is in the envelope', problems.join('; ')])
    }
    if (res.statusCode >= 400) {
      const after = await target.checksum()
      unchanged = after
      const changed = Object.keys(before).filter((table) => before[table] !== after[table])
      if (changed.length) broken.push(['a refused request writes nothing', `a ${res.statusCode} changed ${changed.join(', ')}`])
    } else if (res.statusCode < 300 && route.method !== 'GET') {
      await target.afterWrite?.(spec, res)
    }
    for (const [property, problem] of broken) {
      if (!failures.has(property)) {
        failures.set(property, `${problem}\nrequest: ${JSON.stringify(request).slice(0, 2000)}\nanswer: ${res.statusCode} ${res.body.slice(0, 1000)}`)
      }
    }
    return broken.length === 0
  }), fcParameters(numRuns, name))
  const report = details.failed
    ? `${fc.defaultReportMessage(details) ?? 'failed'}\n(replay: FC_SEED=${baseSeed()} FC_PATH=<the path above>, this route only)`
    : undefined
  return { statuses, failures, report }
}

/** What this module needs of a tap test. */
export interface Subtests {
  test (name: string, fn: (t: Assertions) => Promise<void>): unknown
}
interface Assertions {
  equal (found: unknown, wanted: unknown, message: string): unknown
  comment (message: string): unknown
}

/**
 * One subtest per route, one assertion per property (its first failing request, if any) and one
 * for fast-check's shrunk counterexample; the returned map fills in with each route's 2xx count.
 */
export function fuzzEveryRoute (t: Subtests, target: FuzzTarget, routes: Route[], runsFor: (route: Route) => number): Map<string, number> {
  const successes = new Map<string, number>()
  for (const route of routes) {
    const name = `${route.method} ${route.url}`
    t.test(name, async (t) => {
      const { statuses, failures, report } = await fuzzRoute(target, route, runsFor(route))
      for (const property of PROPERTIES) t.equal(failures.get(property), undefined, property)
      t.equal(report, undefined, 'fast-check found no counterexample')
      const sorted = [...statuses].sort(([a], [b]) => a - b)
      successes.set(name, sorted.filter(([status]) => status < 300).reduce((n, [, count]) => n + count, 0))
      t.comment(sorted.map(([status, count]) => `${status}: ${count}`).join(', '))
    })
  }
  return successes
}
