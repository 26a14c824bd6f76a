/**
 * deploy/kubernetes, what a schema cannot check about the network: who may reach the pods
 * (NetworkPolicies), and what the Ingress routes (exactly the gateway's public prefixes).
 */
import { GATEWAY_ROUTES } from '@rekam/launcher'
import t from 'tap'
import { byKind, containersOf, findObject, loadBase, type K8sObject } from './helpers/kubernetes.js'
import { ingressAllowed, type Source } from './helpers/network-policy.js'

const { manifests } = loadBase()
const jobs = byKind(manifests, 'Job')
const podLabels = (o: K8sObject): Record<string, string> => o.spec.template.metadata.labels

t.test('NetworkPolicies: the pods accept only the ingress controller, each other where needed, and the metrics scraper', async (t) => {
  const policies = byKind(manifests, 'NetworkPolicy')
  const namespace = 'rekam'
  const pod = (ns: string, labels: Record<string, string>): Source => ({ kind: 'pod', namespace: ns, namespaceLabels: { 'kubernetes.io/metadata.name': ns }, labels })
  const auth = findObject(manifests, 'Deployment', 'auth-service')!
  const records = findObject(manifests, 'Deployment', 'records-service')!
  const portal = findObject(manifests, 'Deployment', 'portal')!
  const sources: Record<string, Source> = {
    'the ingress controller': pod('ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' }),
    'records-service': pod(namespace, podLabels(records)),
    'auth-service': pod(namespace, podLabels(auth)),
    portal: pod(namespace, podLabels(portal)),
    Prometheus: pod('monitoring', { 'app.kubernetes.io/name': 'prometheus' }),
    'a migration Job': pod(namespace, jobs[0]!.spec.template.metadata.labels),
    'another pod of the namespace': pod(namespace, { app: 'other' }),
    'another pod of the ingress namespace': pod('ingress-nginx', { app: 'other' }),
    'a pod of another namespace': pod('default', { 'app.kubernetes.io/name': 'ingress-nginx' }),
    'an address outside the cluster': { kind: 'address', ip: '203.0.113.7' },
    'a node or load balancer address': { kind: 'address', ip: '10.0.0.12' },
  }
  const allowed: Record<string, string[]> = {
    'auth-service': ['the ingress controller', 'records-service', 'Prometheus'],
    'records-service': ['the ingress controller', 'Prometheus'],
    portal: ['the ingress controller'],
  }
  for (const deployment of [auth, records, portal]) {
    const container = containersOf(deployment)[0]!
    const ports = Object.fromEntries(container.ports.map((p: { name: string, containerPort: number }) => [p.name, p.containerPort]))
    const destination = { namespace, labels: podLabels(deployment), ports }
    for (const [name, source] of Object.entries(sources)) {
      const expected = allowed[deployment.metadata.name]!.includes(name)
      t.equal(ingressAllowed(policies, source, destination, ports.http), expected, `${name} ${expected ? 'reaches' : 'cannot reach'} ${deployment.metadata.name}`)
    }
    t.notOk(ingressAllowed(policies, sources['the ingress controller']!, destination, 9229), `${deployment.metadata.name}: no other port (e.g. an inspector) is open`)
  }
  const job = jobs[0]!
  t.notOk(ingressAllowed(policies, sources['another pod of the namespace']!, { namespace, labels: job.spec.template.metadata.labels, ports: {} }, 80), 'the default deny covers every other pod of the namespace')
})

t.test('the Ingress routes exactly the gateway\'s public prefixes to the same services, `/` to the portal, nothing under /internal to a service', async (t) => {
  const ingresses = byKind(manifests, 'Ingress')
  t.equal(ingresses.length, 1, 'one Ingress')
  const ingress = ingresses[0]!
  t.notOk(ingress.spec.defaultBackend, 'no default backend: `/` names the portal')
  const upstreamService = { auth: 'auth-service', records: 'records-service', portal: 'portal' }
  const paths = ingress.spec.rules.flatMap((r: any) => r.http.paths) as Array<{ path: string, pathType: string, backend: { service: { name: string, port: { name?: string, number?: number } } } }>
  const routes = [...GATEWAY_ROUTES, { prefix: '/', upstream: 'portal' as const }]
  t.strictSame(paths.map((p) => p.path).sort(), routes.map((r) => r.prefix).sort(), 'the same prefixes as GATEWAY_ROUTES, and `/`')
  for (const route of routes) {
    const path = paths.find((p) => p.path === route.prefix)
    t.equal(path?.pathType, 'Prefix', `${route.prefix}: Prefix (whole segments, as the gateway matches)`)
    t.equal(path?.backend.service.name, upstreamService[route.upstream], `${route.prefix} goes to ${upstreamService[route.upstream]}`)
    const service = findObject(manifests, 'Service', path?.backend.service.name ?? '')
    const servicePort = service?.spec.ports.find((p: { name: string, port: number }) => p.name === path?.backend.service.port.name || p.port === path?.backend.service.port.number)
    t.ok(servicePort, `${route.prefix}: the Service has that port`)
  }
  // The longest matching Prefix wins (Kubernetes' Ingress rules), segment by segment.
  const routed = (url: string) => paths.filter((p) => p.path === '/' || url === p.path || url.startsWith(`${p.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.backend.service.name
  const expected: Array<[string, string]> = [
    ['/', 'portal'], ['/records/123', 'portal'], ['/assets/index-3f9a1c2e.js', 'portal'], ['/api/authx', 'portal'],
    ['/api/auth/login', 'auth-service'], ['/api/users', 'auth-service'], ['/.well-known/jwks.json', 'auth-service'],
    ['/api/records/1', 'records-service'], ['/api/audit/events', 'records-service'],
    // Not the services': the portal answers these (its page or the 404 envelope) and proxies nothing.
    ['/internal/revocations', 'portal'], ['/internal/metrics', 'portal'], ['/health/ready', 'portal'],
  ]
  for (const [url, service] of expected) t.equal(routed(url), service, `${url} reaches ${service}`)
  for (const path of paths.filter((p) => p.backend.service.name !== 'portal')) {
    t.notOk('/internal'.startsWith(path.path) || path.path.startsWith('/internal') || path.path.startsWith('/health'), `${path.path} does not reach a service's /internal or /health`)
  }
})
