/**
 * A strict schema check of Kubernetes objects against the Kubernetes 1.33 API (kubernetes-models:
 * the OpenAPI schemas compiled to validators) that also refuses fields the schema does not define.
 */
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap'
import { Namespace } from 'kubernetes-models/v1/Namespace'
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim'
import { Secret } from 'kubernetes-models/v1/Secret'
import { Service } from 'kubernetes-models/v1/Service'
import { Deployment } from 'kubernetes-models/apps/v1/Deployment'
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler'
import { CronJob } from 'kubernetes-models/batch/v1/CronJob'
import { Job } from 'kubernetes-models/batch/v1/Job'
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress'
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy'
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget'

/** The validator of each kind rekam uses; any other kind is an error (no schema to check it). */
const MODELS: Record<string, { prototype: { validate (): void } }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/CronJob': CronJob,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
}

/**
 * Wraps an object so that every field the validator reads is recorded. The compiled schemas read
 * each property they define by name and enumerate only maps (labels, ConfigMap data), so a field
 * never read in an object never enumerated is one the schema does not know: kubectl's strict
 * field validation refuses those, and so does this check.
 */
function fieldTracker () {
  const seen = new Map<object, { path: string, read: Set<string>, enumerated: boolean }>()
  const proxies = new WeakMap<object, object>()
  function track (value: unknown, path: string): unknown {
    if (value === null || typeof value !== 'object') return value
    const known = proxies.get(value)
    if (known) return known
    const record = { path, read: new Set<string>(), enumerated: false }
    seen.set(value, record)
    const proxy = new Proxy(value, {
      get (target, key, receiver) {
        const field = Reflect.get(target, key, receiver)
        if (typeof key !== 'string' || !Object.hasOwn(target, key)) return field
        record.read.add(key)
        return track(field, `${path}/${key}`)
      },
      ownKeys (target) {
        record.enumerated = true
        return Reflect.ownKeys(target)
      },
    })
    proxies.set(value, proxy)
    return proxy
  }
  function unknownFields (): string[] {
    const out: string[] = []
    for (const [value, record] of seen) {
      if (Array.isArray(value) || record.enumerated) continue
      for (const key of Object.keys(value)) if (!record.read.has(key)) out.push(`${record.path}/${key}`)
    }
    return out
  }
  return { track, unknownFields }
}

/** Schema errors of one object (empty when valid): types, required fields, formats, unknown fields. */
export function schemaErrors (object: unknown): string[] {
  const { apiVersion, kind } = (object ?? {}) as { apiVersion?: unknown, kind?: unknown }
  const model = MODELS[`${String(apiVersion)}/${String(kind)}`]
  if (!model) return [`no schema for apiVersion ${String(apiVersion)}, kind ${String(kind)}`]
  // A copy: the proxies must not outlive the check or touch the caller's object.
  const copy = structuredClone(object) as object
  const tracker = fieldTracker()
  const errors: string[] = []
  try {
    model.prototype.validate.call(tracker.track(copy, ''))
  } catch (err) {
    const list = (err as { errors?: Array<{ instancePath: string, message?: string }> }).errors
    if (!list) throw err
    errors.push(...list.map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`))
  }
  errors.push(...tracker.unknownFields().map((path) => `${path} is not a field of ${String(kind)}`))
  return errors
}
