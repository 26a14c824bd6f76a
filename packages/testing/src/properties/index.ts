/**
 * Property tests of every route (fast-check): `@rekam/testing/properties`, a subpath of its own so
 * the other test files do not load them.
 */
export * from './checks.js'
export * from './fuzz.js'
export * from './inject.js'
export * from './requests.js'
export * from './routes.js'
export * from './shapes.js'
export * from './values.js'
