/**
 * The PostgreSQL connection budget of docs/kubernetes.md, computed from the manifests: every pod
 * of both services at its autoscaler's maximum plus a rollout's extra pod, times DB_POOL_SIZE,
 * plus the migration Jobs, within max_connections. Changing the manifests cannot exceed it
 * unnoticed, nor leave the documented table behind. (That a pod holds at most DB_POOL_SIZE
 * connections is checked on a running service by kubernetes-runtime.test.ts.)
 */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { repoPath } from '@rekam/testing/e2e'
import { byKind, containerEnv, containersOf, loadBase, plainValue } from './helpers/kubernetes.js'

const { manifests } = loadBase()
// The services' Deployments: the portal (nginx serving files) has no database.
const deployments = byKind(manifests, 'Deployment').filter((d) => containerEnv(manifests, containersOf(d)[0]!).has('DATABASE_URL'))
const jobs = byKind(manifests, 'Job')

/** docs/kubernetes.md's connection budget table: first cell -> last cell, as numbers where they are. */
function budgetTable (): Map<string, number> {
  const docs = readFileSync(repoPath('docs', 'kubernetes.md'), 'utf8')
  const section = docs.split(/^## /m).find((s) => s.startsWith('Connection budget')) ?? ''
  const rows = section.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l)).slice(1)
  return new Map(rows.map((row) => {
    const cells = row.split('|').slice(1, -1).map((c) => c.trim().replace(/\*\*|`/g, ''))
    return [cells[0]!, Number(cells.at(-1))]
  }))
}

t.test('connection budget: every pod at once stays within PostgreSQL\'s max_connections, as docs/kubernetes.md says', async (t) => {
  const table = budgetTable()
  let total = 0
  for (const deployment of deployments) {
    const name = deployment.metadata.name
    const hpa = byKind(manifests, 'HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === name)!
    const surge = deployment.spec.strategy.rollingUpdate.maxSurge
    const extra = typeof surge === 'number' ? surge : Math.ceil(hpa.spec.maxReplicas * parseInt(surge, 10) / 100)
    const env = containerEnv(manifests, containersOf(deployment)[0]!)
    // A pod that migrates on start holds one more connection (the advisory lock) meanwhile.
    const perPod = Number(plainValue(env, 'DB_POOL_SIZE')) + (plainValue(env, 'DB_MIGRATE_ON_START') === 'false' ? 0 : 1)
    const connections = (hpa.spec.maxReplicas + extra) * perPod
    t.equal(table.get(`${name} Deployment`), connections, `${name}: (${hpa.spec.maxReplicas} + ${extra} surge) pods x ${perPod} = ${connections}, as documented`)
    total += connections
  }
  for (const job of jobs) {
    const env = containerEnv(manifests, containersOf(job)[0]!)
    // The migrator's lock connection, plus its pool (unused, counted anyway).
    const connections = (job.spec.parallelism ?? 1) * (Number(plainValue(env, 'DB_POOL_SIZE')) + 1)
    t.equal(table.get(`${job.metadata.name} Job`), connections, `${job.metadata.name}: ${connections}, as documented`)
    total += connections
  }
  t.equal(table.get('rekam at most'), total, `rekam opens at most ${total} connections, as documented`)
  const max = table.get('max_connections')!
  const reserved = table.get('superuser_reserved_connections')!
  t.ok(max > 0 && reserved >= 0, `the table states max_connections (${max}) and the reserved connections (${reserved})`)
  t.equal(table.get('headroom (psql, backups, monitoring)'), max - reserved - total, 'the documented headroom is what is left')
  t.ok(total + reserved + 10 <= max, `${total} + ${reserved} reserved leaves at least 10 connections for people and tools (max_connections ${max})`)
})
