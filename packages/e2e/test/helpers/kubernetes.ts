/**
 * The Kubernetes manifests under deploy/kubernetes, read and checked without a cluster: the base
 * as kustomize applies it (its kustomization lists only `resources`, so the files are the objects),
 * and a strict schema check (kubernetes-schema.ts) against the Kubernetes 1.33 API.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseAllDocuments, parse } from 'yaml'
import { repoPath } from '@rekam/testing/e2e'

export { schemaErrors } from './kubernetes-schema.js'

export const KUBERNETES_DIR = repoPath('deploy', 'kubernetes')
export const BASE_DIR = join(KUBERNETES_DIR, 'base')
export const OVERLAY_DIR = join(KUBERNETES_DIR, 'overlays', 'example')

/** A Kubernetes object as parsed from YAML, with the file it came from. */
export interface K8sObject {
  apiVersion: string
  kind: string
  metadata: { name: string, namespace?: string, labels?: Record<string, string>, annotations?: Record<string, string> }
  // The manifests' shapes are checked by the schema; the tests read them loosely.
  [key: string]: any
}
export interface Manifest { file: string, object: K8sObject }

export function parseManifests (text: string, file: string): Manifest[] {
  return parseAllDocuments(text).flatMap((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`)
    const object = doc.toJS() as K8sObject | null
    return object ? [{ file, object }] : []
  })
}

/** The base's kustomization and the objects of every file it lists, in order. */
export function loadBase (): { kustomization: Record<string, unknown>, manifests: Manifest[] } {
  const kustomization = parse(readFileSync(join(BASE_DIR, 'kustomization.yaml'), 'utf8')) as Record<string, unknown>
  const resources = (kustomization.resources ?? []) as string[]
  const manifests = resources.flatMap((file) => parseManifests(readFileSync(join(BASE_DIR, file), 'utf8'), relative(KUBERNETES_DIR, join(BASE_DIR, file))))
  return { kustomization, manifests }
}

/** Every .yaml file under a folder, as paths relative to it. */
export function yamlFiles (dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) return yamlFiles(join(dir, entry.name), path)
    return /\.ya?ml$/.test(entry.name) ? [path] : []
  })
}

export function readYaml<T> (path: string): T {
  return parse(readFileSync(path, 'utf8')) as T
}

export const byKind = (manifests: Manifest[], kind: string) => manifests.filter((m) => m.object.kind === kind).map((m) => m.object)

export function findObject (manifests: Manifest[], kind: string, name: string): K8sObject | undefined {
  return manifests.find((m) => m.object.kind === kind && m.object.metadata.name === name)?.object
}

/** The containers of a Deployment's or a Job's pod template. */
export function containersOf (object: K8sObject): Array<Record<string, any>> {
  return object.spec?.template?.spec?.containers ?? []
}

/** True when every label of a selector's matchLabels is on `labels` (matchExpressions unused here). */
export function selects (selector: { matchLabels?: Record<string, string>, matchExpressions?: unknown[] } | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false
  if (selector.matchExpressions?.length) throw new Error('matchExpressions are not evaluated by these tests')
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v)
}

/** An environment variable of a container, resolved where the manifests themselves say the value. */
export type EnvSource = { value: string, from: 'literal' | 'configMap' } | { from: 'secret', secret: string, key: string, optional: boolean }

/** A container's environment: its ConfigMaps (envFrom), then its own `env`, which wins. */
export function containerEnv (manifests: Manifest[], container: Record<string, any>): Map<string, EnvSource> {
  const env = new Map<string, EnvSource>()
  for (const from of container.envFrom ?? []) {
    if (!from.configMapRef) throw new Error(`envFrom other than configMapRef: ${JSON.stringify(from)}`)
    const configMap = findObject(manifests, 'ConfigMap', from.configMapRef.name)
    if (!configMap) throw new Error(`ConfigMap ${from.configMapRef.name} is not among the manifests`)
    for (const [name, value] of Object.entries(configMap.data ?? {})) env.set(`${from.prefix ?? ''}${name}`, { value: String(value), from: 'configMap' })
  }
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) {
      env.set(variable.name, { value: String(variable.value), from: 'literal' })
    } else if (variable.valueFrom?.secretKeyRef) {
      const ref = variable.valueFrom.secretKeyRef
      env.set(variable.name, { from: 'secret', secret: ref.name, key: ref.key, optional: ref.optional === true })
    } else {
      throw new Error(`env ${variable.name}: only values and secretKeyRef are used here`)
    }
  }
  return env
}

/** The value of a variable the manifests set themselves (ConfigMap or literal), else undefined. */
export function plainValue (env: Map<string, EnvSource>, name: string): string | undefined {
  const source = env.get(name)
  return source && source.from !== 'secret' ? source.value : undefined
}

/** Kubernetes CPU quantity ("250m", "1", "1.5") in cores. */
export function cpuCores (quantity: string | number): number {
  const text = String(quantity)
  return text.endsWith('m') ? Number(text.slice(0, -1)) / 1000 : Number(text)
}

/** Kubernetes memory quantity ("256Mi", "1Gi", "128M") in bytes. */
export function memoryBytes (quantity: string | number): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|K|M|G|T)?$/.exec(String(quantity))
  if (!match) throw new Error(`unreadable memory quantity ${quantity}`)
  const units: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, K: 1e3, M: 1e6, G: 1e9, T: 1e12 }
  return Number(match[1]) * (match[2] ? units[match[2]]! : 1)
}
