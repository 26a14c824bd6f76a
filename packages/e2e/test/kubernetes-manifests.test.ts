/**
 * deploy/kubernetes, checked without a cluster: every object validates strictly against the
 * Kubernetes 1.33 API schema, and what a schema cannot say — images, security settings, the
 * services' own settings, Secrets — is checked against the services themselves.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import t from 'tap'
import { ensureBuilt, repoPath, repoRoot } from '@rekam/testing/e2e'
import {
  BASE_DIR, OVERLAY_DIR, byKind, containerEnv, containersOf, loadBase, plainValue, readYaml, schemaErrors, yamlFiles,
} from './helpers/kubernetes.js'

type ServiceName = 'auth-service' | 'records-service'

/**
 * The service's own settings: the TypeBox schema its config plugin validates the environment with
 * (src/config.ts), as built into the image (dist/config.js). Imported by path: the two files
 * augment Fastify's types differently, so one TypeScript program cannot hold both.
 */
async function settingsOf (service: ServiceName): Promise<string[]> {
  const module = await import(pathToFileURL(repoPath('services', service, 'dist', 'config.js')).href) as { ConfigSchema: { properties: Record<string, unknown> } }
  return Object.keys(module.ConfigSchema.properties)
}
t.before(() => { for (const note of ensureBuilt()) t.comment(note) })
const { kustomization, manifests } = loadBase()
const allWorkloads = [...byKind(manifests, 'Deployment'), ...byKind(manifests, 'Job')]
// The services' pods; the portal's (nginx, gateway/Dockerfile) is checked on its own below and in kubernetes-portal.test.ts.
const portal = allWorkloads.find((w) => w.metadata.name === 'portal')!
const workloads = allWorkloads.filter((w) => w !== portal)
const serviceOf = (object: { metadata: { labels?: Record<string, string> } }) => object.metadata.labels?.['app.kubernetes.io/name'] as ServiceName

t.test('the base kustomization lists every manifest file, and only resources', async (t) => {
  t.strictSame(Object.keys(kustomization).sort(), ['apiVersion', 'kind', 'resources'], 'nothing transforms the files: they are what is applied')
  const listed = (kustomization.resources as string[]).slice().sort()
  t.strictSame(listed, yamlFiles(BASE_DIR).filter((f) => f !== 'kustomization.yaml').sort(), 'every file is listed, and every listed file exists')
})

t.test('every object validates strictly against the Kubernetes 1.33 API schema', async (t) => {
  const overlayKustomization = readYaml<{ resources: string[] }>(join(OVERLAY_DIR, 'kustomization.yaml'))
  const overlayObjects = overlayKustomization.resources.filter((r) => r.endsWith('.yaml')).map((file) => ({ file: `overlays/example/${file}`, object: readYaml<unknown>(join(OVERLAY_DIR, file)) }))
  t.ok(manifests.length >= 16, `the base has its objects (${manifests.length})`)
  for (const { file, object } of [...manifests, ...overlayObjects]) {
    const { kind, metadata } = object as { kind: string, metadata: { name: string } }
    t.strictSame(schemaErrors(object), [], `${file}: ${kind} ${metadata.name}`)
  }
})

t.test('the schema check refuses what it must: wrong types, missing fields, unknown fields, unknown kinds', async (t) => {
  const deployment = byKind(manifests, 'Deployment')[0]!
  const broken = (change: (d: any) => void) => {
    const copy = structuredClone(deployment)
    change(copy)
    return schemaErrors(copy)
  }
  t.match(broken((d) => { d.spec.template.spec.containers[0].ports[0].containerPort = '3001' }), [/containerPort must be integer/])
  t.match(broken((d) => { delete d.spec.selector }), [/spec must have required property selector/])
  t.match(broken((d) => { d.spec.template.spec.containers[0].readinessProbe.httpGet.pth = '/health/ready' }), [/readinessProbe\/httpGet\/pth is not a field/])
  t.match(broken((d) => { d.spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.optinal = true }), [/secretKeyRef\/optinal is not a field/])
  t.match(broken((d) => { d.metadata.lables = {} }), [/metadata\/lables is not a field/])
  t.match(broken((d) => { d.spec.replica = 2 }), [/spec\/replica is not a field/])
  t.strictSame(broken(() => {}), [], 'the unchanged copy is valid')
  t.match(schemaErrors({ apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'x' } }), [/no schema/], 'a removed API version has no schema')
  // Maps (labels, ConfigMap data) take any key.
  t.strictSame(schemaErrors({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', labels: { anything: 'goes' } }, data: { ANY_KEY: 'v' } }), [])
})

t.test('images: the Dockerfiles\' images, tagged with the service version, named again in the overlay', async (t) => {
  const overlay = readYaml<{ images: Array<{ name: string, newName?: string, newTag?: string }> }>(join(OVERLAY_DIR, 'kustomization.yaml'))
  for (const workload of workloads) {
    const service = serviceOf(workload)
    const version = JSON.parse(readFileSync(repoPath('services', service, 'package.json'), 'utf8')).version
    for (const container of containersOf(workload)) {
      t.equal(container.image, `rekam/${service}:${version}`, `${workload.kind} ${workload.metadata.name}: rekam/${service}:${version}`)
      t.ok(existsSync(repoPath('services', service, 'Dockerfile')), `built from services/${service}/Dockerfile`)
    }
    t.ok(overlay.images.some((i) => i.name === `rekam/${service}` && i.newName && i.newTag), `the overlay names rekam/${service}`)
  }
  // The portal's build is in the gateway image, tagged with the portal's version.
  const version = JSON.parse(readFileSync(repoPath('services', 'portal', 'package.json'), 'utf8')).version
  t.strictSame(containersOf(portal).map((c) => c.image), [`rekam/gateway:${version}`], `Deployment portal: rekam/gateway:${version}`)
  t.ok(existsSync(repoPath('gateway', 'Dockerfile')), 'built from gateway/Dockerfile')
  t.ok(overlay.images.some((i) => i.name === 'rekam/gateway' && i.newName && i.newTag), 'the overlay names rekam/gateway')
})

t.test('pods run as the image\'s non-root user with a read-only root, no capabilities, RuntimeDefault seccomp', async (t) => {
  for (const workload of allWorkloads) {
    const pod = workload.spec.template.spec
    const where = `${workload.kind} ${workload.metadata.name}`
    t.equal(pod.automountServiceAccountToken, false, `${where}: no service account token`)
    t.equal(pod.securityContext?.runAsNonRoot, true, `${where}: runAsNonRoot`)
    // The services' image's USER is `node` (uid 1000 in the node images), the portal's the nginx
    // image's `nginx` (uid 101); a name cannot be checked as non-root.
    const uid = workload === portal ? 101 : 1000
    t.equal(pod.securityContext?.runAsUser, uid, `${where}: runs as uid ${uid} (${workload === portal ? 'nginx' : 'node'})`)
    t.equal(pod.securityContext?.seccompProfile?.type, 'RuntimeDefault', `${where}: seccomp RuntimeDefault`)
    t.notOk(pod.hostNetwork || pod.hostPID || pod.hostIPC, `${where}: no host namespaces`)
    for (const container of containersOf(workload)) {
      const sc = container.securityContext ?? {}
      t.equal(sc.allowPrivilegeEscalation, false, `${where}/${container.name}: no privilege escalation`)
      t.equal(sc.readOnlyRootFilesystem, true, `${where}/${container.name}: read-only root filesystem`)
      t.strictSame(sc.capabilities?.drop, ['ALL'], `${where}/${container.name}: drops every capability`)
      t.notOk(sc.capabilities?.add?.length, `${where}/${container.name}: adds none`)
      t.notOk(sc.privileged, `${where}/${container.name}: not privileged`)
    }
  }
  const dockerfile = readFileSync(repoPath('services', 'auth-service', 'Dockerfile'), 'utf8')
  t.match(dockerfile, /^USER node$/m, 'the images run as `node`')
  const namespace = readYaml<{ metadata: { labels: Record<string, string> } }>(join(OVERLAY_DIR, 'namespace.yaml'))
  t.equal(namespace.metadata.labels['pod-security.kubernetes.io/enforce'], 'restricted', 'the example namespace enforces the restricted Pod Security Standard')
})

t.test('every variable a container gets is a setting of its service; the required ones are there', async (t) => {
  for (const workload of workloads) {
    const service = serviceOf(workload)
    const known = await settingsOf(service)
    t.ok(known.includes('DATABASE_URL') && known.length > 10, `${service}: its settings are read (${known.length})`)
    for (const container of containersOf(workload)) {
      const env = containerEnv(manifests, container)
      for (const name of env.keys()) t.ok(known.includes(name), `${workload.metadata.name}: ${name} is a setting of ${service}`)
      t.equal(plainValue(env, 'NODE_ENV'), 'production', `${workload.metadata.name}: NODE_ENV=production`)
      t.ok(env.get('DATABASE_URL')?.from === 'secret', `${workload.metadata.name}: DATABASE_URL from a Secret`)
    }
  }
  for (const deployment of workloads.filter((w) => w.kind === 'Deployment')) {
    const env = containerEnv(manifests, containersOf(deployment)[0]!)
    const where = deployment.metadata.name
    t.equal(plainValue(env, 'HOST'), '0.0.0.0', `${where}: listens on the pod's interfaces`)
    t.equal(plainValue(env, 'DB_MIGRATE_ON_START'), 'false', `${where}: the migration Job migrates, not the pods`)
    t.ok(env.get('INTERNAL_SECRET')?.from === 'secret', `${where}: INTERNAL_SECRET from a Secret`)
    t.match(plainValue(env, 'TRUST_PROXY') ?? '', /^[0-9a-fA-F.:/, ]+$/, `${where}: TRUST_PROXY names the ingress controller's addresses`)
    t.not(plainValue(env, 'DEMO_MODE'), 'true', `${where}: no demo mode`)
  }
  const configs = byKind(manifests, 'ConfigMap').map((c) => c.data as Record<string, string>)
  for (const name of ['JWT_ISSUER', 'JWT_AUDIENCE', 'TRUST_PROXY']) {
    t.equal(new Set(configs.map((c) => c[name])).size, 1, `both services have the same ${name}`)
  }
})

t.test('Secrets: referenced by name, never written in the manifests; the overlay generates them from ignored files', async (t) => {
  t.strictSame(byKind(manifests, 'Secret'), [], 'the base holds no Secret')
  // The settings whose values are secrets (README "Configuration"): credentials and keys.
  const SECRET_NAMES = /^(INTERNAL_SECRET|DATABASE_URL|REDIS_URL|JWT_PRIVATE_KEY|KEY_ENCRYPTION_KEY|MFA_ENCRYPTION_KEY|PATIENT_DATA_KEY)$/
  for (const config of byKind(manifests, 'ConfigMap')) {
    for (const key of Object.keys(config.data ?? {})) t.notMatch(key, SECRET_NAMES, `ConfigMap ${config.metadata.name}: ${key} is not a secret`)
  }
  const referenced = new Map<string, Set<string>>()
  const add = (name: string, key: string) => referenced.set(name, (referenced.get(name) ?? new Set()).add(key))
  for (const workload of allWorkloads) {
    for (const container of containersOf(workload)) {
      for (const [name, source] of containerEnv(manifests, container)) {
        if (SECRET_NAMES.test(name)) t.equal(source.from, 'secret', `${workload.metadata.name}: ${name} comes from a Secret`)
        if (source.from === 'secret') add(source.secret, source.key)
      }
    }
    for (const volume of workload.spec.template.spec.volumes ?? []) if (volume.secret) add(volume.secret.secretName, '*')
  }
  const overlay = readYaml<{ secretGenerator: Array<{ name: string, envs?: string[], files?: string[] }> }>(join(OVERLAY_DIR, 'kustomization.yaml'))
  t.strictSame(overlay.secretGenerator.map((g) => g.name).sort(), [...referenced.keys()].sort(), 'the overlay generates exactly the Secrets the pods read')

  // The signing key: a file Secret mounted where JWT_PRIVATE_KEY_FILE points.
  const auth = byKind(manifests, 'Deployment').find((d) => d.metadata.name === 'auth-service')!
  const container = containersOf(auth)[0]!
  const keyFile = plainValue(containerEnv(manifests, container), 'JWT_PRIVATE_KEY_FILE') ?? ''
  const mount = (container.volumeMounts ?? []).find((m: { mountPath: string }) => keyFile.startsWith(`${m.mountPath}/`))
  t.ok(mount?.readOnly, `JWT_PRIVATE_KEY_FILE (${keyFile}) is in a read-only mount`)
  const volume = auth.spec.template.spec.volumes.find((v: { name: string }) => v.name === mount?.name)
  const generator = overlay.secretGenerator.find((g) => g.name === volume?.secret?.secretName)
  t.ok(generator?.files?.some((f) => f.split('=')[0] === keyFile.split('/').at(-1)), 'the overlay\'s key Secret has that file name')
  t.equal(volume?.secret?.defaultMode, 0o440, 'the key file is 0440')

  const files = overlay.secretGenerator.flatMap((g) => [...(g.envs ?? []), ...(g.files ?? []).map((f) => f.split('=').at(-1)!)])
  for (const file of files) {
    const path = join(OVERLAY_DIR, file)
    const ignored = spawnSync('git', ['check-ignore', '--quiet', '--no-index', path], { cwd: repoRoot })
    t.equal(ignored.status, 0, `${file} is ignored by git`)
  }
  t.ok(readFileSync(repoPath('.dockerignore'), 'utf8').split('\n').includes('**/secrets'), 'every secrets/ folder stays out of image builds')
})
