/**
 * What a service's configuration and its scripts (migrate, seed, backup, ...) need before any
 * server exists, as a subpath of its own (`@rekam/server-kit/startup`): the package's index also
 * loads Fastify and its plugins, about a CPU-second a script does not need.
 */
export { loadConfig } from './load-config.js'
export { startOrExit } from './start.js'
export { apiDocsEnabled, baseConfigProperties, checkBaseConfig, type BaseConfig } from './config.js'
export { defaultDataDir, localDataRoot } from './data-dir.js'
export { packageRoot, runsFromSources } from './package-root.js'
