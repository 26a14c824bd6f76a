import { readFile } from 'node:fs/promises'
import t from 'tap'
import { generatedFiles } from '../scripts/openapi.js'

// The checked-in documents and types are what the services generate today: a route or schema
// changed without `pnpm --filter @rekam/client generate` fails here.
const packageDir = new URL('../', import.meta.url)
const files = await generatedFiles()
t.strictSame(Object.keys(files).sort(), ['openapi/auth.json', 'openapi/records.json', 'src/generated/auth.ts', 'src/generated/records.ts'])
for (const [path, content] of Object.entries(files)) {
  const checkedIn = await readFile(new URL(path, packageDir), 'utf8')
  t.ok(checkedIn === content, `${path} matches the live document (run \`pnpm --filter @rekam/client generate\`)`)
}
