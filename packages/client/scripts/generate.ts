import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { generatedFiles } from './openapi.js'

// Regenerates openapi/*.json and src/generated/*.ts from the services' live documents.
const packageDir = new URL('../', import.meta.url)
for (const [path, content] of Object.entries(await generatedFiles())) {
  await writeFile(new URL(path, packageDir), content)
  process.stdout.write(`wrote ${fileURLToPath(new URL(path, packageDir))}\n`)
}
