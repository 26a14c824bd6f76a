import { fileURLToPath } from 'node:url'
import { ManagedProcess, baseEnv, portAnswers, type Teardown } from '@rekam/testing/e2e'

export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))
/** A script of src/children/, by file name. */
export const child = (name: string) => fileURLToPath(new URL(`./children/${name}`, import.meta.url))

/** Teardown for a run outside a test: steps run in reverse order, each even if another fails. */
export class Stack implements Teardown {
  readonly #steps: Array<() => unknown> = []

  teardown (fn: () => unknown): void {
    this.#steps.push(fn)
  }

  async close (): Promise<void> {
    for (const step of this.#steps.reverse()) {
      try {
        await step()
      } catch (err) {
        process.stderr.write(`teardown: ${(err as Error).message}\n`)
      }
    }
    this.#steps.length = 0
  }
}

/** A node script of this package as a managed child (tsx for TypeScript), resolving when `port` answers. */
export async function startScript (t: Teardown, name: string, script: string, port: number, env: Record<string, string>, preload: string[] = []): Promise<ManagedProcess> {
  const proc = new ManagedProcess(t, name, process.execPath, ['--conditions=@rekam/source', '--import=tsx', ...preload, child(script)], {
    cwd: PACKAGE_DIR,
    env: { ...baseEnv(), ...env, PORT: String(port) },
  })
  await proc.waitFor(`port ${port} answering`, () => portAnswers(port), 60_000, 100)
  return proc
}

/** A process the bench started, by address. */
export interface Server {
  url: string
  pid: number
}
