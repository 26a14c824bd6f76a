// Fails the build when the page's initial JavaScript (the entry script and every module it
// preloads) exceeds the budget gzipped, or when index.html carries an inline script or style, which
// a `script-src 'self'; style-src 'self'` policy would block.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET = 200 * 1024
const dist = new URL('../dist/', import.meta.url).pathname
const html = readFileSync(join(dist, 'index.html'), 'utf8')

const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs) || body.trim())
if (inline.length > 0) {
  console.error(`index.html has ${inline.length} inline script(s); a strict CSP (script-src 'self') would block them`)
  process.exit(1)
}

if (/<style\b|\sstyle=/i.test(html)) {
  console.error("index.html has an inline style; a strict CSP (style-src 'self') would block it")
  process.exit(1)
}

const files = new Set([
  ...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
  ...[...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
])
let total = 0
for (const file of files) {
  const size = gzipSync(readFileSync(join(dist, file.replace(/^\//, '')))).length
  total += size
  console.log(`${file}: ${(size / 1024).toFixed(1)} KB gzipped`)
}
const line = `initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)`
if (total > BUDGET) {
  console.error(`${line}: over budget`)
  process.exit(1)
}
console.log(line)
