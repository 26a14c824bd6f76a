/**
 * deploy/kubernetes/jobs/auth-admin-create.yaml, the one-off Job that makes the first ADMIN: it
 * is not in the base (applied once, by hand), so the base's tests do not see it. Checked here the
 * same way: strictly against the Kubernetes API schema, and against the migration Job it mirrors.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { repoPath } from '@rekam/testing/e2e'
import { KUBERNETES_DIR, containersOf, findObject, loadBase, readYaml, schemaErrors, type K8sObject } from './helpers/kubernetes.js'

const job = readYaml<K8sObject>(join(KUBERNETES_DIR, 'jobs', 'auth-admin-create.yaml'))
const { manifests } = loadBase()
const migrate = findObject(manifests, 'Job', 'auth-service-migrate')!

t.test('the Job validates strictly against the Kubernetes API schema', async (t) => {
  t.equal(job.kind, 'Job')
  t.same(schemaErrors(job), [])
})

t.test('it runs the built admin:create script, once, with the migration Job\'s image, settings and security', async (t) => {
  const [container] = containersOf(job)
  const [reference] = containersOf(migrate)
  t.same(container!.command.slice(0, 2), ['node', 'dist/scripts/admin-create.js'])
  t.ok(existsSync(repoPath('services', 'auth-service', 'src', 'scripts', 'admin-create.ts')), 'the script the image builds into dist/scripts')
  for (const option of ['--email', '--username', '--name']) t.ok(container!.command.includes(option), `passes ${option}`)
  t.equal(container!.image, reference!.image)
  t.same(container!.envFrom, reference!.envFrom, 'the service\'s ConfigMap')
  t.same(container!.env.find((e: { name: string }) => e.name === 'DATABASE_URL'), reference!.env.find((e: { name: string }) => e.name === 'DATABASE_URL'), 'the service\'s DATABASE_URL Secret')
  t.same(container!.securityContext, reference!.securityContext)
  t.same(job.spec.template.spec.securityContext, migrate.spec.template.spec.securityContext)
  t.equal(job.spec.backoffLimit, 0, 'a refusal is not retried')
  t.ok(job.spec.ttlSecondsAfterFinished > 0, 'the Job and the link in its log go away')
})
