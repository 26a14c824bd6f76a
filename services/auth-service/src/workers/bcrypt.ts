import bcrypt from 'bcryptjs'

export type BcryptTask =
  | { op: 'hash', password: string, cost: number }
  | { op: 'compare', password: string, hash: string }

/**
 * Runs in a worker thread of the password pool: bcrypt's synchronous form, which blocks only this
 * thread, never the event loop that serves requests.
 */
export default function bcryptTask (task: BcryptTask): string | boolean {
  return task.op === 'hash' ? bcrypt.hashSync(task.password, task.cost) : bcrypt.compareSync(task.password, task.hash)
}
