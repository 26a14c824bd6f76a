/**
 * deploy/kubernetes/base/portal against the gateway image it runs (gateway/Dockerfile): the pod
 * starts nginx with the portal-only files the image holds, every place nginx writes is an
 * emptyDir (the root filesystem is read-only), and the probes ask what nginx answers itself. That
 * nginx serves the portal with these files: portal-serving-kubernetes.test.ts. The security
 * settings shared with the services' pods: kubernetes-manifests.test.ts; the Ingress and the
 * NetworkPolicy: kubernetes-network.test.ts.
 */
import { readFileSync } from 'node:fs'
import { posix } from 'node:path'
import t from 'tap'
import { repoPath } from '@rekam/testing/e2e'
import { containerEnv, containersOf, findObject, loadBase, plainValue } from './helpers/kubernetes.js'
import { PORTAL_ONLY_MAIN, PORTAL_ONLY_TEMPLATE, absolutePaths } from './helpers/portal-nginx.js'

const { manifests } = loadBase()
const deployment = findObject(manifests, 'Deployment', 'portal')!
const pod = deployment.spec.template.spec
const container = containersOf(deployment)[0]!
const env = containerEnv(manifests, container)
const dockerfile = readFileSync(repoPath('gateway', 'Dockerfile'), 'utf8')
const main = readFileSync(PORTAL_ONLY_MAIN, 'utf8')

/** Where the Dockerfile copies a file of the repository. */
const copiedTo = (source: string) => new RegExp(`^COPY ${source.replace(/\./g, '\\.')} (\\S+)$`, 'm').exec(dockerfile)?.[1]

t.test('the pod runs the image\'s entrypoint with the portal-only files the image holds', async (t) => {
  t.notOk(container.command, 'the image\'s entrypoint (it renders the templates when the command is nginx)')
  const mainPath = copiedTo('gateway/portal-only/nginx.conf')
  t.strictSame(container.args, ['nginx', '-c', mainPath, '-g', 'daemon off;'], `nginx -c ${mainPath}, in the foreground`)
  const templatePath = copiedTo('gateway/portal-only/default.conf.template')
  t.equal(templatePath, posix.join(plainValue(env, 'NGINX_ENVSUBST_TEMPLATE_DIR') ?? '', 'default.conf.template'), 'NGINX_ENVSUBST_TEMPLATE_DIR holds the portal-only template, alone')
  const output = plainValue(env, 'NGINX_ENVSUBST_OUTPUT_DIR')
  t.match(main, new RegExp(`^\\s*include ${output}/\\*\\.conf;$`, 'm'), `the main configuration includes what the entrypoint renders into ${output}`)

  const imageEnv = Object.fromEntries([...dockerfile.matchAll(/^ENV (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]))
  const needed = [...new Set(readFileSync(PORTAL_ONLY_TEMPLATE, 'utf8').match(/\$\{(\w+)\}/g))].map((v) => v.slice(2, -1))
  for (const name of needed) t.ok(env.has(name) || imageEnv[name], `${name}: set by the pod or the image`)
  t.strictSame([...env.keys()].sort(), ['GATEWAY_PORT', 'NGINX_ENVSUBST_OUTPUT_DIR', 'NGINX_ENVSUBST_TEMPLATE_DIR'], 'nothing else')
  const port = container.ports.find((p: { name: string }) => p.name === 'http')?.containerPort
  t.equal(Number(plainValue(env, 'GATEWAY_PORT')), port, `nginx listens on the http port (${port})`)
  t.ok(port > 1024, 'a port a non-root process may open')
  t.equal(pod.enableServiceLinks, false, 'no Service variables: the entrypoint would substitute them too')
})

t.test('read-only root: every place nginx writes is an emptyDir', async (t) => {
  t.equal(container.securityContext.readOnlyRootFilesystem, true)
  const mounts = (container.volumeMounts ?? []) as Array<{ name: string, mountPath: string, readOnly?: boolean }>
  for (const mount of mounts) {
    const volume = pod.volumes.find((v: { name: string }) => v.name === mount.name)
    t.ok(volume?.emptyDir, `${mount.mountPath}: an emptyDir`)
    t.ok(volume?.emptyDir?.sizeLimit, `${mount.mountPath}: with a size limit`)
  }
  const writable = (path: string) => mounts.some((m) => path === m.mountPath || path.startsWith(`${m.mountPath}/`))
  const written = [...main.matchAll(/^\s*(pid|\w+_temp_path) (\S+);$/gm)].map((m) => m[2]!)
  t.ok(written.length >= 6, `the pid file and the temp folders are named (${written.length}), not left to the build's defaults`)
  for (const path of written) t.ok(writable(path), `${path} is writable`)
  t.ok(writable(plainValue(env, 'NGINX_ENVSUBST_OUTPUT_DIR') ?? '/'), 'the rendered configuration\'s folder is writable')
  // The one other path: the image links /var/log/nginx/error.log to stderr.
  const others = absolutePaths(main).filter((p) => !writable(p) && !p.startsWith('/etc/nginx/conf.d/'))
  t.strictSame(others, ['/var/log/nginx/error.log'], 'nothing else but the error log (a link to stderr in the image)')
})

t.test('probes on what nginx answers itself: /health/live and the portal\'s page', async (t) => {
  t.equal(container.livenessProbe?.httpGet?.path, '/health/live')
  t.equal(container.readinessProbe?.httpGet?.path, '/', 'ready when the page is served (a 404 without the build)')
  for (const probe of ['livenessProbe', 'readinessProbe']) t.equal(container[probe].httpGet.port, 'http', `${probe} on the http port`)
  t.ok(deployment.spec.template.spec.terminationGracePeriodSeconds > Number(container.lifecycle.preStop.exec.command[1]), 'preStop leaves time to stop')
})
