/**
 * The example overlay rendered by kustomize (`kubectl kustomize`), where kubectl is installed.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { tempDir } from '@rekam/testing/e2e'
import { KUBERNETES_DIR, OVERLAY_DIR, parseManifests, readYaml, type Manifest } from './kubernetes.js'

/** kubectl, when installed (it carries kustomize); the overlay checks need it. */
export function findKubectl (): string | undefined {
  const result = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' })
  return result.status === 0 ? 'kubectl' : undefined
}

/**
 * The example overlay as `kubectl kustomize` renders it, from a copy of deploy/kubernetes whose
 * secrets/ holds placeholder files (the real ones are never committed).
 */
export function renderOverlay (t: { teardown (fn: () => unknown): void }, kubectl: string): Manifest[] {
  const copy = join(tempDir(t, 'kustomize'), 'kubernetes')
  cpSync(KUBERNETES_DIR, copy, { recursive: true })
  const overlay = join(copy, relative(KUBERNETES_DIR, OVERLAY_DIR))
  const kustomization = readYaml<{ secretGenerator?: Array<{ envs?: string[], files?: string[] }> }>(join(overlay, 'kustomization.yaml'))
  for (const generator of kustomization.secretGenerator ?? []) {
    const files = [...(generator.envs ?? []), ...(generator.files ?? []).map((f) => f.split('=').at(-1)!)]
    for (const file of files) {
      mkdirSync(join(overlay, file, '..'), { recursive: true })
      if (!existsSync(join(overlay, file))) writeFileSync(join(overlay, file), file.endsWith('.env') ? 'PLACEHOLDER=placeholder\n' : 'placeholder\n')
    }
  }
  const result = spawnSync(kubectl, ['kustomize', overlay], { encoding: 'utf8', timeout: 60_000 })
  if (result.status !== 0) throw new Error(`kubectl kustomize failed: ${result.stderr}`)
  return parseManifests(result.stdout, 'overlays/example (rendered)')
}
