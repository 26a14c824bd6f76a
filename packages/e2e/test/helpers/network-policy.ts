/**
 * NetworkPolicy ingress semantics (networking.k8s.io/v1), enough to ask of a set of policies
 * "may this source open a connection to this pod on this port?" as a cluster would answer:
 * a pod selected by no Ingress policy accepts everything; a selected pod accepts what at least
 * one rule of one selecting policy allows (peers: podSelector and/or namespaceSelector, or
 * ipBlock; ports by number or by the container port's name).
 */
import { selects, type K8sObject } from './kubernetes.js'

export type Source =
  | { kind: 'pod', namespace: string, namespaceLabels: Record<string, string>, labels: Record<string, string> }
  | { kind: 'address', ip: string }

export interface Destination {
  namespace: string
  labels: Record<string, string>
  /** The container ports of the pod, by name. */
  ports: Record<string, number>
}

interface Peer {
  podSelector?: { matchLabels?: Record<string, string> }
  namespaceSelector?: { matchLabels?: Record<string, string> }
  ipBlock?: { cidr: string, except?: string[] }
}
interface Rule { from?: Peer[], ports?: Array<{ protocol?: string, port?: number | string, endPort?: number }> }

function ipv4 (ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0)
}

function inCidr (ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/')
  if (base.includes(':') || ip.includes(':')) return false
  const size = 2 ** (32 - Number(bits))
  return Math.floor(ipv4(ip) / size) === Math.floor(ipv4(base) / size)
}

function peerMatches (peer: Peer, source: Source, policyNamespace: string): boolean {
  if (peer.ipBlock) {
    return source.kind === 'address' && inCidr(source.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c) => inCidr(source.ip, c))
  }
  if (source.kind !== 'pod') return false
  const namespaceOk = peer.namespaceSelector
    ? selects(peer.namespaceSelector, source.namespaceLabels)
    : source.namespace === policyNamespace
  const podOk = peer.podSelector ? selects(peer.podSelector, source.labels) : true
  return namespaceOk && podOk
}

function portMatches (rule: Rule, port: number, destination: Destination): boolean {
  if (!rule.ports || rule.ports.length === 0) return true
  return rule.ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== 'TCP') return false
    if (p.port === undefined) return true
    const number = typeof p.port === 'number' ? p.port : destination.ports[p.port]
    return number !== undefined && port >= number && port <= (p.endPort ?? number)
  })
}

function policyTypes (policy: K8sObject): string[] {
  return policy.spec.policyTypes ?? (policy.spec.egress ? ['Ingress', 'Egress'] : ['Ingress'])
}

/** Whether `source` may connect to `destination` on TCP `port` under `policies`. */
export function ingressAllowed (policies: K8sObject[], source: Source, destination: Destination, port: number): boolean {
  const selecting = policies.filter((p) => (p.metadata.namespace ?? destination.namespace) === destination.namespace &&
    policyTypes(p).includes('Ingress') &&
    (Object.keys(p.spec.podSelector?.matchLabels ?? {}).length === 0 || selects(p.spec.podSelector, destination.labels)))
  if (selecting.length === 0) return true
  return selecting.some((policy) => ((policy.spec.ingress ?? []) as Rule[]).some((rule) =>
    (!rule.from || rule.from.length === 0 || rule.from.some((peer) => peerMatches(peer, source, destination.namespace))) &&
    portMatches(rule, port, destination)))
}
