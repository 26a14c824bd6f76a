/**
 * What the records-service tests share: the stacks they run on (helpers/stack.ts), signed-in
 * people with their profiles (helpers/people.ts), and records in care (helpers/records.ts).
 */
export * from './helpers/stack.js'
export * from './helpers/people.js'
export * from './helpers/records.js'
