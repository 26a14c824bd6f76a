import { readdir, readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import t from 'tap'
import { repoPath } from '@rekam/testing/e2e'

// The entry runs in browsers as it is: its modules import one another, openapi-fetch and
// @rekam/record-signature, whose module imports only jose and canonicalize; nothing of Node's, and
// no token kept anywhere but in memory.
const ALLOWED = ['openapi-fetch', '@rekam/record-signature', 'jose', 'canonicalize']
const sourcesOf = async (pkg: string) => {
  const dir = pathToFileURL(repoPath('packages', pkg, 'src') + '/')
  const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.ts'))
  return names.map((name) => ({ name: `${pkg}/${name}`, url: new URL(name, dir) }))
}
const files = [...await sourcesOf('client'), ...await sourcesOf('record-signature')]
t.ok(files.some((file) => file.name === 'client/index.ts'))
for (const { name, url } of files) {
  const source = await readFile(url, 'utf8')
  const imported = [...source.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map((match) => match[1])
  t.strictSame(imported.filter((specifier) => !specifier?.startsWith('./') && !ALLOWED.includes(specifier!)), [], `${name} imports only its siblings and ${ALLOWED.join(', ')}`)
  t.notMatch(source, /localStorage|sessionStorage|document\.cookie|indexedDB/, `${name} uses no browser storage`)
}
