import { readdir, readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import t from 'tap'
import { repoPath } from '@rekam/testing/e2e'

// The entry runs in browsers as it is: its modules import one another, openapi-fetch, jose and
// canonicalize (record signatures), nothing of Node's, and keep no token anywhere but in memory.
const srcDir = pathToFileURL(repoPath('packages', 'client', 'src') + '/')
const files = (await readdir(srcDir, { recursive: true })).filter((name) => name.endsWith('.ts'))
t.ok(files.includes('index.ts'))
for (const name of files) {
  const source = await readFile(new URL(name, srcDir), 'utf8')
  const imported = [...source.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map((match) => match[1])
  t.strictSame(imported.filter((specifier) => !specifier?.startsWith('./') && !['openapi-fetch', 'jose', 'canonicalize'].includes(specifier!)), [], `${name} imports only its siblings, openapi-fetch, jose and canonicalize`)
  t.notMatch(source, /localStorage|sessionStorage|document\.cookie|indexedDB/, `${name} uses no browser storage`)
}
