export { createTestDatabase, testDatabaseMode, type TestDatabase, type Teardown } from './test-database.js'
export { relaxedAuthLimits, relaxedRecordsLimits } from './limits.js'
