/**
 * The example overlay as kustomize renders it (`kubectl kustomize`, where kubectl is installed):
 * valid objects in one namespace, every reference resolved, the cluster's values patched in, and
 * the first apply step (`-l deploy-phase=prepare`) holding exactly what the migration Jobs need.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import t from 'tap'
import { parseAllDocuments } from 'yaml'
import { BASE_DIR, OVERLAY_DIR, containersOf, loadBase, readYaml, schemaErrors, type K8sObject } from './helpers/kubernetes.js'
import { findKubectl, renderOverlay } from './helpers/kustomize.js'

const kubectl = findKubectl()
const skip = kubectl ? false : 'kubectl (which carries kustomize) is not installed'

interface Overlay {
  namespace: string
  images: Array<{ name: string, newName: string, newTag: string }>
}

t.test('kubectl kustomize renders the base exactly as the files say', { skip }, async (t) => {
  const result = spawnSync(kubectl!, ['kustomize', BASE_DIR], { encoding: 'utf8', timeout: 60_000 })
  t.equal(result.status, 0, result.stderr)
  const rendered = parseAllDocuments(result.stdout).map((d) => d.toJS() as K8sObject)
  const key = (o: K8sObject) => `${o.kind}/${o.metadata.name}`
  const sort = (list: K8sObject[]) => list.slice().sort((a, b) => key(a).localeCompare(key(b)))
  t.strictSame(sort(rendered), sort(loadBase().manifests.map((m) => m.object)), 'the same objects, field for field')
})

t.test('the example overlay renders to valid objects, all wired together', { skip }, async (t) => {
  const overlay = readYaml<Overlay>(join(OVERLAY_DIR, 'kustomization.yaml'))
  const objects = renderOverlay(t, kubectl!).map((m) => m.object)
  const base = loadBase().manifests.map((m) => m.object)
  for (const object of objects) t.strictSame(schemaErrors(object), [], `${object.kind} ${object.metadata.name}`)

  const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name)
  for (const object of base) t.ok(find(object.kind, object.metadata.name), `the base's ${object.kind} ${object.metadata.name} is there`)
  t.ok(find('Namespace', overlay.namespace), `the ${overlay.namespace} namespace is there`)
  for (const object of objects.filter((o) => o.kind !== 'Namespace')) {
    t.equal(object.metadata.namespace, overlay.namespace, `${object.kind} ${object.metadata.name} is in ${overlay.namespace}`)
  }

  for (const workload of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
    const pod = workload.spec.template.spec
    for (const container of containersOf(workload)) {
      const image = overlay.images.find((i) => container.image === `${i.newName}:${i.newTag}`)
      t.ok(image, `${workload.metadata.name}: the overlay's image (${container.image})`)
      for (const from of container.envFrom ?? []) t.ok(find('ConfigMap', from.configMapRef.name), `${workload.metadata.name}: ConfigMap ${from.configMapRef.name} exists`)
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef
        if (ref) t.ok(find('Secret', ref.name), `${workload.metadata.name}: ${variable.name} reads generated Secret ${ref.name}`)
      }
    }
    for (const volume of pod.volumes ?? []) {
      if (volume.secret) t.ok(find('Secret', volume.secret.secretName)?.data?.['jwt-private.pem'], `${workload.metadata.name}: volume ${volume.name} mounts generated Secret ${volume.secret.secretName}`)
    }
  }

  const ingress = find('Ingress', 'rekam')!
  const host = ingress.spec.rules[0].host
  t.ok(host && ingress.spec.tls?.[0]?.hosts?.includes(host), `the Ingress serves ${host} over TLS`)
  t.ok(ingress.spec.ingressClassName, 'the Ingress names its class')
  const patch = readYaml<Array<{ path: string, value: string }>>(join(OVERLAY_DIR, 'trust-proxy-patch.yaml'))
  for (const name of ['auth-service-config', 'records-service-config']) {
    t.equal(find('ConfigMap', name)?.data.TRUST_PROXY, patch[0]!.value, `${name}: TRUST_PROXY is this cluster's`)
  }

  // Step 1 of docs/kubernetes.md: `kubectl apply -k <overlay> -l deploy-phase=prepare`.
  const prepare = objects.filter((o) => o.metadata.labels?.['deploy-phase'] === 'prepare').map((o) => o.kind)
  t.strictSame([...new Set(prepare)].sort(), ['ConfigMap', 'Job', 'Namespace', 'Secret'], 'the first step: the namespace, configuration, Secrets and Jobs')
  t.equal(prepare.filter((k) => k === 'Secret').length, objects.filter((o) => o.kind === 'Secret').length, 'every Secret is in the first step')
})
