import { DEMO_ACCOUNTS } from '@rekam/demo-data'
import { totpCode } from '../lib/totp.js'

/**
 * Prints the current TOTP code of a base32 secret, or of a demo staff account named by email:
 * what an authenticator app would show. For the demo walkthroughs and curl examples only.
 */
const arg = process.argv[2] ?? ''
const secret = DEMO_ACCOUNTS.find((account) => account.email === arg)?.totpSecret ?? arg
if (!/^[A-Z2-7]{16,}=*$/i.test(secret)) {
  process.stderr.write('usage: totp <base32 secret | demo staff email>\n')
  process.exit(2)
}
process.stdout.write(`${totpCode(secret.toUpperCase(), Date.now())}\n`)
