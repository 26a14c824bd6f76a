import type { Compared } from './scenario-recorder.js'
import type { RunContext } from './scenario-types.js'

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** Records the bench doctor changes in record-update: enough that ten connections seldom wait on one row's lock. */
const UPDATED_RECORDS = 40

/**
 * The record writes, rows of their own: a create (version 1, its care row and audit row) and an
 * update (the row locked, version n+1 and its audit row). The update sends `If-Match: *`: it
 * takes the same lock and check as a numbered ETag, without each connection having to follow
 * the version it last wrote.
 */
export async function writeScenarios (ctx: RunContext, doctorTokens: { accessToken: string }): Promise<Compared[]> {
  const { services, dataset } = ctx
  const bodyOf = (patientId: string) => JSON.stringify({
    patientId, visitDate: '2025-06-01', complaint: 'Routine check-up', diagnosis: 'Healthy', treatment: 'None needed', notes: 'Written by the benchmark',
  })
  const recordBodies = dataset.patientIds.slice(0, 100).map(bodyOf)
  const updated: string[] = []
  for (const body of recordBodies.slice(0, UPDATED_RECORDS)) {
    const res = await fetch(`${services.records.url}/api/records`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(doctorTokens.accessToken) }, body })
    const answer = await res.json() as { data?: { record: { id: string } } }
    if (res.status !== 201 || !answer.data) throw new Error(`a record for record-update answered ${res.status}: ${JSON.stringify(answer)}`)
    updated.push(answer.data.record.id)
  }
  const updateBodies = ['Reviewed by the benchmark', 'Reviewed again by the benchmark'].map((notes) => JSON.stringify({ notes }))
  return [
    {
      id: 'record-create',
      title: 'record create, as a doctor',
      kind: 'service',
      spec: { baseUrl: services.records.url, method: 'POST', paths: ['/api/records'], headers: bearer(doctorTokens.accessToken), bodies: recordBodies, connections: 10 },
      under: services.records,
    },
    {
      id: 'record-update',
      title: 'record update with If-Match, as its author (a new version each time)',
      kind: 'service',
      spec: { baseUrl: services.records.url, method: 'PATCH', paths: updated.map((id) => `/api/records/${id}`), headers: { ...bearer(doctorTokens.accessToken), 'if-match': '*' }, bodies: updateBodies, connections: 10 },
      under: services.records,
    },
  ]
}
