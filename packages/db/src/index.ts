export { createDatabase, type Database, type DatabaseOptions, type Db } from './create-database.js'
export { openDatabase, attachDatabase, type DatabaseConfig } from './from-config.js'
export { escapeLike, containsPattern } from './like.js'
export { preparingClient } from './prepared.js'
