import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findUp } from './package-root.js'

/** The checkout this code runs from (the folder holding pnpm-workspace.yaml), if any. */
const checkoutRoot = (): string | undefined => findUp(dirname(fileURLToPath(import.meta.url)), 'pnpm-workspace.yaml')

/**
 * The folder the local quick start (`pnpm start`) keeps its data in: REKAM_DATA_DIR, by default
 * `.data` at the checkout's root. A relative REKAM_DATA_DIR is taken from the checkout's root too,
 * since pnpm runs each package's scripts in that package's folder.
 */
export function localDataRoot (env: Record<string, string | undefined> = process.env): string {
  return resolve(checkoutRoot() ?? process.cwd(), env.REKAM_DATA_DIR || '.data')
}

/**
 * A service's DATA_DIR when none is set, the one place that decides it. In a checkout: the
 * service's folder in the launcher's data (`<checkout>/.data/auth`), so `pnpm start`, the
 * service's own scripts (db:migrate, db:backup, db:restore, seed, admin:create) and `pnpm dev`
 * all use one embedded database. An installed build (the image) has no checkout: `.data` in the
 * working directory, as before.
 */
export function defaultDataDir (service: string, env: Record<string, string | undefined> = process.env): string {
  return checkoutRoot() ? join(localDataRoot(env), service) : '.data'
}
