/**
 * docker-compose.yml as compose reads it, for compose.test.ts: the parsed file, its services, and
 * compose's variable interpolation with an empty environment; and Dockerfile instructions.
 */
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parse } from 'yaml'
import { repoPath } from '@rekam/testing/e2e'

const composePath = repoPath('docker-compose.yml')
const composeText = readFileSync(composePath, 'utf8')
export const compose = parse(composeText, { merge: true }) as Compose
export const composeDir = dirname(composePath)
export const services = compose.services ?? {}

export interface Build { context?: string, dockerfile?: string }
export interface Service {
  image?: string
  build?: string | Build
  environment?: Record<string, unknown> | string[]
  env_file?: string | Array<string | { path: string }>
  volumes?: Array<string | { type?: string, source?: string, target?: string }>
  ports?: Array<string | number | { target: number, published?: string | number }>
  secrets?: Array<string | { source: string, target?: string }>
  depends_on?: string[] | Record<string, { condition?: string }>
  healthcheck?: { test?: string | string[], disable?: boolean }
}
export interface Compose {
  services?: Record<string, Service>
  secrets?: Record<string, { file?: string, environment?: string }>
  configs?: Record<string, { file?: string }>
  volumes?: Record<string, unknown>
}

// ---- compose variable interpolation ------------------------------------------------------

export interface Interpolated { value: string, variables: Set<string> }

/**
 * Compose's interpolation of one string with an empty environment: `${VAR:-default}` and
 * `${VAR-default}` give the default, `${VAR}`, `$VAR`, `${VAR:?error}` give '', `$$` is a `$`.
 * Collects the names of every variable read, defaults included (nested ones too).
 */
export function interpolate (text: string, variables = new Set<string>()): Interpolated {
  let out = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (ch !== '$') { out += ch; i++; continue }
    const next = text[i + 1]
    if (next === '$') { out += '$'; i += 2; continue }
    if (next !== '{') {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))
      if (!m) { out += ch; i++; continue }
      variables.add(m[0])
      i += 1 + m[0].length
      continue
    }
    // ${...}: find the matching brace (defaults may nest ${...}).
    let depth = 1
    let j = i + 2
    while (j < text.length && depth > 0) {
      if (text[j] === '{') depth++
      else if (text[j] === '}') depth--
      j++
    }
    if (depth !== 0) throw new Error(`unclosed \${ in ${JSON.stringify(text)}`)
    const inner = text.slice(i + 2, j - 1)
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(inner)
    if (!m) throw new Error(`bad variable \${${inner}} in ${JSON.stringify(text)}`)
    const [, name, op, rest = ''] = m
    variables.add(name!)
    const sub = interpolate(rest, variables).value
    if (op === '-' || op === ':-') out += sub
    i = j
  }
  return { value: out, variables }
}

/** Every string value in the compose file (not keys), with its path for messages. */
export function * strings (value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value]
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield * strings(v, `${path}[${i}]`)
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield * strings(v, path ? `${path}.${k}` : k)
}

export const resolved = (value: unknown) => interpolate(String(value ?? '')).value

export function envOf (service: Service | undefined): Record<string, string> {
  const env = service?.environment ?? {}
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((e) => { const [k, ...v] = e.split('='); return [k!, resolved(v.join('='))] }))
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, resolved(v)]))
}

/** Short or long volume syntax as { source, target }. */
export function mounts (service: Service | undefined) {
  return (service?.volumes ?? []).map((v) => {
    if (typeof v !== 'string') return { source: v.source ?? '', target: v.target ?? '', bind: v.type === 'bind' }
    const [source = '', target = ''] = resolved(v).split(':')
    return { source, target, bind: /^[./~]/.test(source) }
  })
}

/** A check that runs once before the others start (restart: "no"): it has no health to wait for. */
export const oneShot = (service: Service | undefined) => (service as { restart?: string } | undefined)?.restart === 'no'

/** The compose file's comment lines: they say how to create what it needs that is not committed. */
export const COMMENTS = composeText.split('\n').filter((l) => /^\s*#/.test(l)).join('\n')

/** Dockerfile instructions: continuation lines joined, comments and blank lines dropped. */
export function instructions (text: string): Array<{ op: string, args: string }> {
  return text.replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => {
    const [op = '', ...rest] = l.split(/\s+/)
    return { op: op.toUpperCase(), args: rest.join(' ') }
  })
}
