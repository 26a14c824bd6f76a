/**
 * The floors: bare Fastify routes with no auth, validation, audit or logging, measured beside
 * the services. `GET /bare` does no work; the others run records-service's own record statements
 * on the bench database, through raw postgres.js or through drizzle. Started by the bench with
 * DATABASE_URL, PORT and POOL_SIZE (the services' pool size).
 */
import Fastify from 'fastify'
import postgres from 'postgres'
import { drizzleQueries } from '../drizzle.js'
import { recordQueries, type BenchActor } from '../service-statements.js'

const url = process.env.DATABASE_URL
if (!url) throw new Error('DATABASE_URL is required')
const max = Number(process.env.POOL_SIZE ?? 10)
const client = () => postgres(url, { max, onnotice: () => {} })
const raw = recordQueries(client())
// A client of its own: drizzle's postgres-js driver changes the client's date parsers.
const orm = await drizzleQueries(client())

const app = Fastify({ logger: false })

app.get('/bare', async () => ({ success: true }))

app.get<{ Params: { id: string } }>('/records/:id', async (request, reply) => {
  const [record] = await raw.recordById(request.params.id)
  if (!record) return reply.code(404).send({ success: false })
  return { success: true, data: { record } }
})

/** The patient the audited statements read as (`?userId=`), as the service scenarios do. */
const asPatient = (userId: string): BenchActor => ({ userId, role: 'PATIENT', requestId: 'bench-floor' })

app.get<{ Params: { id: string }, Querystring: { userId: string } }>('/audited/records/:id', async (request, reply) => {
  const [record] = await raw.readAndLog(request.params.id, asPatient(request.query.userId))
  if (!record) return reply.code(404).send({ success: false })
  if (record.purpose === null) return reply.code(403).send({ success: false })
  return { success: true, data: { record } }
})

app.get<{ Querystring: { userId: string } }>('/records', async (request) => {
  const rows = await raw.ownListAndLog(request.query.userId, asPatient(request.query.userId))
  const items = rows.filter((row) => row.id !== null)
  return { success: true, data: { items, page: 1, limit: 20, total: Number(rows[0]?.total ?? 0) } }
})

app.get<{ Params: { id: string } }>('/drizzle/records/:id', async (request, reply) => {
  const [record] = await orm.recordById(request.params.id)
  if (!record) return reply.code(404).send({ success: false })
  return { success: true, data: { record } }
})

app.get<{ Params: { id: string } }>('/drizzle-defined/records/:id', async (request, reply) => {
  const [record] = await orm.definedRecordById(request.params.id)
  if (!record) return reply.code(404).send({ success: false })
  return { success: true, data: { record } }
})

app.get<{ Params: { id: string } }>('/drizzle-prepared/records/:id', async (request, reply) => {
  const [record] = await orm.preparedRecordById(request.params.id)
  if (!record) return reply.code(404).send({ success: false })
  return { success: true, data: { record } }
})

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) })
