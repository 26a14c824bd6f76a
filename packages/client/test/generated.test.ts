import { readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import t from 'tap'
import { createTestDatabase } from '@rekam/testing'
import { repoPath } from '@rekam/testing/e2e'
import { generatedFiles } from '../scripts/openapi.js'

// The checked-in documents and types are what the services generate today: a route or schema
// changed without `pnpm --filter @rekam/client generate` fails here.
const packageDir = pathToFileURL(repoPath('packages', 'client') + '/')

t.test('the checked-in documents and types match the live documents', async (t) => {
  const [auth, records] = await Promise.all([createTestDatabase(t), createTestDatabase(t)])
  const files = await generatedFiles({ auth: auth.url, records: records.url })
  t.strictSame(Object.keys(files).sort(), ['openapi/auth.json', 'openapi/records.json', 'src/generated/auth.ts', 'src/generated/records.ts'])
  for (const [path, content] of Object.entries(files)) {
    const checkedIn = await readFile(new URL(path, packageDir), 'utf8')
    t.ok(checkedIn === content, `${path} matches the live document (run \`pnpm --filter @rekam/client generate\`)`)
  }
})
