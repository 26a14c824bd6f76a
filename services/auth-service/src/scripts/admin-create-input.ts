import { StartupError } from '@rekam/errors'
import { EmailSchema } from '@rekam/schemas'
import { FormatRegistry } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { FullNameSchema, UsernameSchema, type NewStaffAccount } from '../schemas/user.js'

// TypeBox's own checker knows no formats; the API's (ajv-formats) accepts at least what this does.
if (!FormatRegistry.Has('email')) FormatRegistry.Set('email', (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))

/** The ADMIN account the arguments describe, checked by the API's own schemas; a refusal names the option. */
export function newStaffAccount (given: { email?: string | undefined, username?: string | undefined, fullName?: string | undefined }, usage: string): NewStaffAccount {
  const options = [['email', given.email, EmailSchema], ['username', given.username, UsernameSchema], ['name', given.fullName, FullNameSchema]] as const
  for (const [option, value, schema] of options) {
    if (value === undefined) throw new StartupError(`--${option} is required; ${usage}`)
    const error = Value.Errors(schema, value).First()
    if (error) throw new StartupError(`--${option} ${error.message.toLowerCase()}`)
  }
  return { email: given.email!, username: given.username!, fullName: given.fullName!, role: 'ADMIN' }
}

/** The whole of stdin, less one final line break; never from a terminal, where it would be echoed. */
export async function readPassword (stdin: NodeJS.ReadStream): Promise<string> {
  if (stdin.isTTY) throw new StartupError('--password-stdin reads a pipe, not a terminal: printf \'%s\' "$PASSWORD" | ... --password-stdin')
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(chunk as Buffer)
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
  if (password.length === 0) throw new StartupError('--password-stdin: stdin was empty')
  return password
}

/** An API refusal (a taken username or email, a weak password) as the command's one line. */
export function refusal (err: unknown): never {
  const { statusCode, message, details } = err as { statusCode?: number, message: string, details?: Array<{ message: string }> }
  if (statusCode === undefined || statusCode >= 500) throw err
  const why = details?.[0]?.message
  throw new StartupError(why ? `${message.replace(/ is .*$/, '')} ${why}` : message)
}
