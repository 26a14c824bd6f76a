import fc from 'fast-check'
import type { Schema } from './shapes.js'

/** A real object of the service (resolved at request time: fixtures change as requests succeed). */
export class Known { constructor (readonly kind: 'id' | 'text', readonly index: number) {} }
// Half the draws take one of the first two: fixtures list the objects that matter most first.
export const known = (kind: Known['kind']) => fc.oneof(fc.nat({ max: 1 }), fc.nat()).map((i) => new Known(kind, i))

/** Percent-encoding that also encodes a lone surrogate (as its WTF-8 bytes, which are not UTF-8). */
export function percentEncode (text: string): string {
  // The whole string at once unless it holds a lone surrogate: the huge values are 60,000
  // characters, and one call per character cost a CPU-second per property run.
  try {
    return encodeURIComponent(text)
  } catch {}
  return [...text].map((ch) => {
    try {
      return encodeURIComponent(ch)
    } catch {
      const cp = ch.charCodeAt(0)
      return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
    }
  }).join('')
}

const HUGE = [5_000, 70_000, 120_000]
/** Values no field expects: operator objects, wrong types, prototype keys, odd text, huge strings. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, [], {}, [null], { $ne: null }, { $gt: '' }, { $where: '1' }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', 'null', '0', '-1', '1e309', 'NaN', '0000-01-01', '2024-02-30', '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:60Z', "' or 1=1 --", '%', '%00', '..', '\u202e\u0000', '\ud800', '🩺', 'ADMIN', '__proto__', 'constructor'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.oneof(fc.integer(), fc.double()),
  fc.uuid(),
  known('id'),
  fc.constantFrom(...HUGE).map((n) => 'é'.repeat(n / 2)),
)

const dateText = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
const fits = (s: Schema) => (v: string) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity)

/** A value the schema accepts, mostly plain and sometimes at an edge (which may be past it). */
export function validValue (s: Schema): fc.Arbitrary<unknown> {
  if ('const' in s) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  const branches = s.anyOf ?? s.oneOf
  if (branches && s.type === undefined) return fc.oneof(...branches.map(validValue))
  const [plain, ...edges] = candidates(s)
  return edges.length ? fc.oneof({ weight: 3 * edges.length, arbitrary: plain! }, ...edges) : plain!
}

function candidates (s: Schema): Array<fc.Arbitrary<unknown>> {
  const { minLength = 0, maxLength = 1000 } = s
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return [fc.uuid(), known('id')]
      if (s.format === 'date') return [dateText.map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('0000-01-01', '2024-02-29', '9999-12-31')]
      if (s.format === 'date-time') return [dateText.map((d) => d.toISOString()), fc.constantFrom('0000-01-01T00:00:00Z', '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59-14:00')]
      if (s.format === 'email') return [fc.stringMatching(/^[a-z0-9]{1,20}$/).map((local) => `${local}@example.test`), fc.emailAddress().filter(fits(s)), known('text')]
      if (s.pattern) return [fc.stringMatching(new RegExp(s.pattern)).filter(fits(s)), known('text')]
      return [
        fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength, 40)), unit: 'grapheme' }),
        fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength, 40)), unit: 'binary' }),
        fc.constantFrom(maxLength, maxLength + 1).map((n) => 'x'.repeat(n)),
        // Text the database may not take (NUL), padded to the field's least length.
        fc.constantFrom('a\u0000b', '\u0000', ' a ', 'ée\u0301🩺').map((v) => v.padEnd(minLength, 'x')),
        known('text'),
      ]
    case 'integer':
    case 'number': {
      const { minimum: min = -(2 ** 31), maximum: max = 2 ** 31 } = s
      return [fc.integer({ min, max }), fc.constantFrom(min, max, min - 1, max + 1)]
    }
    case 'boolean': return [fc.boolean()]
    case 'object': return [objectOf(s)]
    case 'array': return [fc.array(validValue(s.items ?? {}), { maxLength: 3 })]
    default: return [nastyValue]
  }
}

export const prototypeKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', '$ne', '')
/** Half the time a valid object; otherwise one field wrong or missing, or a key it does not know. */
export function objectOf (s: Schema, extraKeys: string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set<string>(s.required ?? [])
  const names = Object.keys(s.properties ?? {})
  const fields = Object.entries<Schema>(s.properties ?? {}).map(([name, prop]) => {
    const field = validValue(prop).map((v): [string, unknown] => [name, v])
    return required.has(name) ? field : fc.option(field)
  })
  const mutation = fc.oneof(
    fc.tuple(fc.constantFrom('x', ...names, ...extraKeys), nastyValue),
    fc.tuple(prototypeKeys, nastyValue),
    fc.constantFrom(...names, 'x').map((name): [string] => [name]),
  )
  return fc.tuple(fc.tuple(...fields), fc.option(mutation, { freq: 2 })).map(([entries, change]) => {
    const pairs = entries.filter((e) => e !== null)
    const kept = change ? pairs.filter(([name]) => name !== change[0]) : pairs
    // fromEntries makes `__proto__` an own key, as JSON.parse would.
    return Object.fromEntries(change?.length === 2 ? [...kept, change] : kept)
  })
}
