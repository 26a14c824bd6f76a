import { Type } from '@sinclair/typebox'
import Fastify from 'fastify'
import t from 'tap'
import { buildSerializer, forSerialization } from '../src/compiled-schemas.js'

const Role = Type.Union([Type.Literal('PATIENT'), Type.Literal('DOCTOR'), Type.Literal('ADMIN')], { description: 'the role' })
const Item = Type.Object({
  role: Role,
  roles: Type.Array(Role),
  note: Type.Union([Type.String(), Type.Null()]),
  shape: Type.Union([Type.Object({ a: Type.String() }), Type.Object({ b: Type.Integer() })]),
})

t.test('a union of string constants is serialized from an enum of the same strings; other unions stay', async (t) => {
  const roleEnum = { description: 'the role', type: 'string', enum: ['PATIENT', 'DOCTOR', 'ADMIN'] }
  const rewritten = forSerialization(Item) as unknown as { properties: Record<string, unknown> }
  t.strictSame(rewritten.properties.role, roleEnum)
  t.strictSame(rewritten.properties.roles, { type: 'array', items: roleEnum }, 'also inside arrays')
  t.strictSame(rewritten.properties.note, JSON.parse(JSON.stringify(Item.properties.note)), 'a nullable string keeps its anyOf')
  t.strictSame(rewritten.properties.shape, JSON.parse(JSON.stringify(Item.properties.shape)), 'a union of objects keeps its anyOf')
  t.strictSame(forSerialization({ anyOf: [] }), { anyOf: [] }, 'an empty union is left alone')
  t.equal(Item.properties.role.anyOf.length, 3, 'the schema given is not changed')
})

t.test('a route answers the same body through the rewritten schema', async (t) => {
  const app = Fastify({ logger: false, schemaController: { compilersFactory: { buildSerializer } } })
  t.teardown(() => app.close())
  const items = [
    { role: 'ADMIN', roles: ['PATIENT', 'DOCTOR'], note: null, shape: { a: 'x' } },
    { role: 'PATIENT', roles: [], note: 'n', shape: { b: 2 } },
  ]
  app.get('/items', { schema: { response: { 200: Type.Array(Item) } } }, async () => items)
  const res = await app.inject('/items')
  t.equal(res.statusCode, 200)
  t.equal(res.body, JSON.stringify(items), 'the same JSON as JSON.stringify')
  t.strictSame(res.json(), items)
})
