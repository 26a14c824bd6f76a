/**
 * deploy/kubernetes, what a schema cannot check: probes on the health endpoints, resources,
 * autoscaling and disruption budgets, the migration Jobs and their order. Who may reach the pods
 * (NetworkPolicies) and what the Ingress routes: kubernetes-network.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { repoPath } from '@rekam/testing/e2e'
import {
  OVERLAY_DIR, byKind, containerEnv, containersOf, cpuCores, findObject, loadBase, memoryBytes, plainValue, readYaml, selects, type K8sObject,
} from './helpers/kubernetes.js'

const { manifests } = loadBase()
const deployments = byKind(manifests, 'Deployment')
// The services' Deployments; the portal's (nginx serving files) is checked in kubernetes-portal.test.ts.
const services = deployments.filter((d) => d.metadata.name !== 'portal')
const jobs = byKind(manifests, 'Job')
const nameOf = (o: K8sObject) => o.metadata.labels?.['app.kubernetes.io/name'] ?? ''
const podLabels = (o: K8sObject): Record<string, string> => o.spec.template.metadata.labels

/** The container port a probe or a Service names (by name or number). */
function containerPort (container: Record<string, any>, port: string | number): number | undefined {
  if (typeof port === 'number') return (container.ports ?? []).some((p: { containerPort: number }) => p.containerPort === port) ? port : undefined
  return (container.ports ?? []).find((p: { name?: string }) => p.name === port)?.containerPort
}

t.test('three Deployments, one per service and the portal, each with one container listening on its PORT (the portal: GATEWAY_PORT)', async (t) => {
  t.strictSame(deployments.map((d) => d.metadata.name).sort(), ['auth-service', 'portal', 'records-service'])
  for (const deployment of deployments) {
    t.ok(selects(deployment.spec.selector, podLabels(deployment)), `${deployment.metadata.name}: the selector matches its pods`)
    const [container, ...others] = containersOf(deployment)
    t.equal(others.length, 0, `${deployment.metadata.name}: one container`)
    const port = Number(plainValue(containerEnv(manifests, container!), deployment === findObject(manifests, 'Deployment', 'portal') ? 'GATEWAY_PORT' : 'PORT'))
    t.equal(containerPort(container!, 'http'), port, `${deployment.metadata.name}: the \`http\` port is PORT (${port})`)
  }
})

t.test('probes: liveness and start-up on /health/live, readiness on /health/ready, on the service\'s port', async (t) => {
  for (const deployment of services) {
    const container = containersOf(deployment)[0]!
    const port = Number(plainValue(containerEnv(manifests, container), 'PORT'))
    const expected = { livenessProbe: '/health/live', startupProbe: '/health/live', readinessProbe: '/health/ready' }
    for (const [probe, path] of Object.entries(expected)) {
      const httpGet = container[probe]?.httpGet
      t.equal(httpGet?.path, path, `${deployment.metadata.name}: ${probe} GET ${path}`)
      t.equal(httpGet && containerPort(container, httpGet.port), port, `${deployment.metadata.name}: ${probe} on port ${port}`)
      t.notOk(httpGet?.scheme && httpGet.scheme !== 'HTTP', `${deployment.metadata.name}: ${probe} over HTTP`)
    }
    // The service checks its database within 2 s (server-kit health.ts); the probe waits longer.
    t.ok(container.readinessProbe.timeoutSeconds >= 3, `${deployment.metadata.name}: readiness waits past the service's own 2 s check`)
    const grace = deployment.spec.template.spec.terminationGracePeriodSeconds
    const preStop = Number(container.lifecycle?.preStop?.exec?.command?.[1] ?? 0)
    // listenWithGrace lets requests in flight finish for 10 s after SIGTERM.
    t.ok(grace >= preStop + 10, `${deployment.metadata.name}: ${grace} s covers preStop (${preStop} s) and the service's 10 s grace`)
  }
})

t.test('every container has CPU and memory requests and limits; auth-service hashes on one thread per CPU', async (t) => {
  for (const workload of [...deployments, ...jobs]) {
    for (const container of containersOf(workload)) {
      const { requests = {}, limits = {} } = container.resources ?? {}
      const where = `${workload.kind} ${workload.metadata.name}/${container.name}`
      for (const resource of ['cpu', 'memory']) {
        t.ok(requests[resource] && limits[resource], `${where}: ${resource} request and limit`)
      }
      t.ok(cpuCores(requests.cpu) <= cpuCores(limits.cpu), `${where}: CPU request ${requests.cpu} <= limit ${limits.cpu}`)
      t.ok(memoryBytes(requests.memory) <= memoryBytes(limits.memory), `${where}: memory request ${requests.memory} <= limit ${limits.memory}`)
    }
  }
  const auth = containersOf(findObject(manifests, 'Deployment', 'auth-service')!)[0]!
  t.equal(Number(plainValue(containerEnv(manifests, auth), 'PASSWORD_HASH_THREADS')), cpuCores(auth.resources.limits.cpu), 'PASSWORD_HASH_THREADS equals the CPU limit')
})

t.test('each Deployment: an autoscaler that owns its replicas, and a disruption budget that keeps one pod', async (t) => {
  for (const deployment of deployments) {
    const name = deployment.metadata.name
    const hpas = byKind(manifests, 'HorizontalPodAutoscaler').filter((h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === name)
    t.equal(hpas.length, 1, `${name}: one HorizontalPodAutoscaler`)
    const hpa = hpas[0]!
    t.equal(deployment.spec.replicas, undefined, `${name}: no replicas in the Deployment (an apply would reset the autoscaler's)`)
    t.ok(hpa.spec.minReplicas >= 2 && hpa.spec.maxReplicas > hpa.spec.minReplicas, `${name}: ${hpa.spec.minReplicas}..${hpa.spec.maxReplicas} pods`)
    const cpu = hpa.spec.metrics.find((m: any) => m.type === 'Resource' && m.resource.name === 'cpu')?.resource.target
    const limit = cpuCores(containersOf(deployment)[0]!.resources.limits.cpu)
    t.ok(cpu?.type === 'AverageValue' && cpuCores(cpu.averageValue) < limit, `${name}: scales out on CPU (${cpu?.averageValue}) before the pods reach their limit (${limit})`)
    t.equal(deployment.spec.strategy.rollingUpdate.maxUnavailable, 0, `${name}: a rollout never lowers the ready pods`)

    const pdbs = byKind(manifests, 'PodDisruptionBudget').filter((p) => selects(p.spec.selector, podLabels(deployment)))
    t.equal(pdbs.length, 1, `${name}: one PodDisruptionBudget selects its pods`)
    const pdb = pdbs[0]!
    const keeps = pdb.spec.maxUnavailable !== undefined ? hpa.spec.minReplicas - pdb.spec.maxUnavailable : pdb.spec.minAvailable
    t.ok(keeps >= 1 && keeps < hpa.spec.minReplicas, `${name}: a drain keeps ${keeps} of ${hpa.spec.minReplicas} pods and can still proceed`)
    t.notOk(selects(pdb.spec.selector, jobs.find((j) => nameOf(j) === name)?.spec.template.metadata.labels), `${name}: the budget does not count migration pods`)
  }
})

t.test('migrations: a Job per service runs the image\'s migrate script in the first apply step', async (t) => {
  for (const deployment of services) {
    const service = deployment.metadata.name
    const job = jobs.find((j) => nameOf(j) === service)
    t.ok(job, `${service}: a migration Job`)
    if (!job) continue
    const container = containersOf(job)[0]!
    t.equal(container.image, containersOf(deployment)[0]!.image, `${service}: the Job runs the Deployment's image`)
    t.strictSame(container.command, ['node', 'dist/scripts/migrate.js'], `${service}: node dist/scripts/migrate.js`)
    // dist/ is src/ compiled (scripts/build-package.mjs: one module per source file).
    t.ok(existsSync(repoPath('services', service, 'src', 'scripts', 'migrate.ts')), `${service}: src/scripts/migrate.ts exists`)
    t.equal(job.spec.template.spec.restartPolicy, 'Never', `${service}: failed attempts stay visible (backoffLimit retries)`)
    t.ok(job.spec.activeDeadlineSeconds > 0, `${service}: the Job has a deadline`)
    t.notOk(selects(deployment.spec.selector, job.spec.template.metadata.labels), `${service}: the Deployment does not adopt the Job's pod`)
    const service_ = byKind(manifests, 'Service').find((s) => s.metadata.name === service)!
    t.notOk(selects({ matchLabels: service_.spec.selector }, job.spec.template.metadata.labels), `${service}: the Service never sends traffic to the Job's pod`)

    // Step 1 applies `-l deploy-phase=prepare`: the Job and every object it reads, nothing that serves.
    t.equal(job.metadata.labels?.['deploy-phase'], 'prepare', `${service}: the Job is in the first step`)
    for (const from of container.envFrom ?? []) {
      t.equal(findObject(manifests, 'ConfigMap', from.configMapRef.name)?.metadata.labels?.['deploy-phase'], 'prepare', `${service}: its ConfigMap is applied with it`)
    }
  }
  for (const object of manifests.map((m) => m.object).filter((o) => !['Job', 'ConfigMap'].includes(o.kind))) {
    t.equal(object.metadata.labels?.['deploy-phase'], undefined, `${object.kind} ${object.metadata.name} waits for the second step`)
  }
  const overlay = readYaml<{ generatorOptions: { labels: Record<string, string> } }>(join(OVERLAY_DIR, 'kustomization.yaml'))
  t.equal(overlay.generatorOptions.labels['deploy-phase'], 'prepare', 'the generated Secrets are applied in the first step')
  t.match(readFileSync(repoPath('docs', 'kubernetes.md'), 'utf8'), /kubectl apply -k \S+ -l deploy-phase=prepare/, 'docs/kubernetes.md gives the first step')
})
