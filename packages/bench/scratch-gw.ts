import { connect, createBenchDatabases } from './src/databases.js'
import { loadDataset, BENCH_PASSWORD } from './src/dataset.js'
import { LoadGenerator } from './src/load-generator.js'
import { pinProcesses } from './src/pinning.js'
import { Stack, startGateway, startServices } from './src/stack.js'
const profile = { name: 'quick', patients: 200, doctors: 10, records: 2000, heavyPatients: 2, heavyRecords: 30, durationSeconds: 3, warmupSeconds: 1, bcryptCost: 4, probeRate: 20 } as const
const pin = pinProcesses(true)
const stack = new Stack()
try {
  const dbs = await createBenchDatabases('rekam_bench_scratch')
  stack.teardown(() => dbs.drop())
  const services = await startServices(stack, dbs, 4)
  const auth = connect(dbs.auth); const records = connect(dbs.records)
  stack.teardown(() => Promise.all([auth.end(), records.end()]))
  const ds = await loadDataset(auth, records, profile, 4)
  const gw = await startGateway(stack, services)
  const lg = new LoadGenerator(stack, pin.loadCore)
  const res = await fetch(`${services.auth.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ds.heavy[0]!.email, password: BENCH_PASSWORD }) })
  const token = ((await res.json()) as any).data.tokens.accessToken
  const paths = process.env.JW ? ['/.well-known/jwks.json'] : ds.heavy[0]!.recordIds.map((id) => `/api/records/${id}`)
  for (let i = 0; i < 3; i++) {
    for (const [name, url] of [['direct', process.env.JW ? services.auth.url : services.records.url], ['gateway', gw.url]]) {
      const r = await lg.run({ seconds: 3, warmupSeconds: 0.5, probes: [], loads: [{ name: name!, baseUrl: url!, method: 'GET', paths, headers: { authorization: `Bearer ${token}` }, connections: Number(process.env.CONN ?? 10) }] })
      console.log(name, Math.round(r.loads[0]!.rps), r.loads[0]!.p50, r.loads[0]!.p99)
    }
  }
} finally { await stack.close() }
