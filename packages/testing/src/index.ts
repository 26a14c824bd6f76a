export { createTestDatabase, testDatabaseMode, type TestDatabase, type Teardown } from './test-database.js'
export { relaxedAuthLimits } from './limits.js'
export * from './properties.js'
