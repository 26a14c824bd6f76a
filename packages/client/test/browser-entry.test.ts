import { readdir, readFile } from 'node:fs/promises'
import t from 'tap'

// The entry runs in browsers as it is: its modules import one another and openapi-fetch, nothing
// of Node's, and keep no token anywhere but in memory.
const srcDir = new URL('../src/', import.meta.url)
const files = (await readdir(srcDir, { recursive: true })).filter((name) => name.endsWith('.ts'))
t.ok(files.includes('index.ts'))
for (const name of files) {
  const source = await readFile(new URL(name, srcDir), 'utf8')
  const imported = [...source.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map((match) => match[1])
  t.strictSame(imported.filter((specifier) => !specifier?.startsWith('./') && specifier !== 'openapi-fetch'), [], `${name} imports only its siblings and openapi-fetch`)
  t.notMatch(source, /localStorage|sessionStorage|document\.cookie|indexedDB/, `${name} uses no browser storage`)
}
