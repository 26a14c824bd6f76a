export { createDatabase, type Database, type DatabaseOptions, type Db } from './create-database.js'
