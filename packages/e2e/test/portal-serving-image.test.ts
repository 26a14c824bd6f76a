/**
 * gateway/Dockerfile, checked without Docker: a node stage builds the portal with pnpm, and the
 * final stage is the official nginx image with that build in PORTAL_ROOT, the folder the template
 * serves and docker-compose.yml names. What nginx then does with the folder:
 * portal-serving-nginx.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs'
import { posix } from 'node:path'
import t from 'tap'
import { parse } from 'yaml'
import { GATEWAY_TEMPLATE, repoPath } from '@rekam/testing/e2e'

interface Step { op: string, args: string }

/** Dockerfile instructions: continuation lines joined, comments and blank lines dropped. */
function instructions (text: string): Step[] {
  return text.replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => {
    const [op = '', ...rest] = l.split(/\s+/)
    return { op: op.toUpperCase(), args: rest.join(' ') }
  })
}

/** The stages: FROM's image and name, WORKDIR, ENV and the steps of each. */
function stages (steps: Step[]) {
  const out: Array<{ image: string, name?: string, workdir: string, env: Record<string, string>, steps: Step[] }> = []
  for (const step of steps) {
    if (step.op === 'FROM') {
      const [image = '', as, name] = step.args.split(/\s+/)
      out.push({ image, ...(as?.toUpperCase() === 'AS' && name ? { name } : {}), workdir: '/', env: {}, steps: [] })
      continue
    }
    const stage = out.at(-1)
    if (!stage) throw new Error(`${step.op} before FROM`)
    stage.steps.push(step)
    if (step.op === 'WORKDIR') stage.workdir = posix.resolve(stage.workdir, step.args)
    if (step.op === 'ENV') for (const [, key, value] of step.args.matchAll(/(\w+)=(\S+)/g)) stage.env[key!] = value!
  }
  return out
}

const dockerfile = repoPath('gateway', 'Dockerfile')
const [build, final, ...more] = stages(instructions(readFileSync(dockerfile, 'utf8')))
const compose = parse(readFileSync(repoPath('docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { build?: { context?: string, dockerfile?: string }, environment?: Record<string, string> }>
}
const portalPackage = repoPath('services', 'portal', 'package.json')

t.test('two stages: node builds, the official nginx image serves', async (t) => {
  t.equal(more.length, 0, 'no third stage')
  t.match(build?.image, /^node:20(-|$)/, 'the build stage runs Node 20, as the services\' images')
  t.ok(build?.name, 'the build stage is named (COPY --from names it)')
  t.match(final?.image, /^nginx:[\d.]+-alpine$/, 'the final stage is the official nginx image (renders /etc/nginx/templates at start)')
  t.strictSame(compose.services.gateway?.build, { context: '.', dockerfile: 'gateway/Dockerfile' }, 'compose builds the gateway from it, with the repository as context')
})

t.test('the build stage builds the portal with the workspace\'s pnpm and lockfile', async (t) => {
  const run = build!.steps.filter((s) => s.op === 'RUN').map((s) => s.args).join(' && ')
  t.match(run, /npm install -g pnpm@10\b/, 'pnpm 10, as the repository\'s package.json scripts use')
  t.match(run, /pnpm install --frozen-lockfile/, 'the committed lockfile, unchanged')
  const filter = /pnpm --filter "?([@\w/.-]+?)(\.\.\.)?"? build/.exec(run)
  t.ok(filter, 'a filtered pnpm build')
  t.equal(filter?.[2], '...', 'with the workspace packages the portal depends on')
  t.ok(build!.steps.some((s) => s.op === 'COPY' && s.args === '. .'), 'the repository copied in (.dockerignore leaves out node_modules and local builds)')
  const ignored = readFileSync(repoPath('.dockerignore'), 'utf8').split('\n').map((l) => l.trim())
  t.ok(ignored.includes('**/dist'), 'a local services/portal/dist never replaces the fresh build')
  if (!existsSync(portalPackage)) {
    t.comment('services/portal is not in this checkout: its name and build script are not checked')
    return
  }
  const pkg = JSON.parse(readFileSync(portalPackage, 'utf8')) as { name?: string, scripts?: Record<string, string> }
  t.equal(filter?.[1], pkg.name, 'the filter names the portal package')
  t.ok(pkg.scripts?.build, 'the portal has a build script')
})

t.test('the final stage serves the build from PORTAL_ROOT, the folder compose and the template use', async (t) => {
  const root = final!.env.PORTAL_ROOT
  t.equal(root, '/usr/share/nginx/html', 'the image\'s own html folder')
  t.equal(compose.services.gateway?.environment?.PORTAL_ROOT, root, 'docker-compose.yml sets the same')
  t.match(readFileSync(GATEWAY_TEMPLATE, 'utf8'), /^\s*root "\$\{PORTAL_ROOT\}";$/m, 'the template\'s portal location serves PORTAL_ROOT')
  const copies = final!.steps.filter((s) => s.op === 'COPY').map((s) => s.args.split(/\s+/))
  const fromBuild = copies.filter((args) => args[0] === `--from=${build!.name}`)
  t.strictSame(fromBuild, [[`--from=${build!.name}`, posix.join(build!.workdir, 'services/portal/dist/'), `${root}/`]], 'the portal\'s dist (Vite\'s outDir) into PORTAL_ROOT')
  t.ok(final!.steps.some((s) => s.op === 'RUN' && s.args === `rm -rf ${root}/*`), 'the image\'s welcome page removed first')
  t.ok(copies.some((args) => args.join(' ') === 'gateway/templates/default.conf.template /etc/nginx/templates/default.conf.template'), 'the committed template in the image\'s template folder')
  t.notOk(final!.steps.some((s) => s.op === 'USER' || s.op === 'CMD' || s.op === 'ENTRYPOINT'), 'the image\'s own entrypoint (renders the templates, then starts nginx)')
  const vite = repoPath('services', 'portal', 'vite.config.ts')
  if (existsSync(vite)) {
    const outDir = /outDir:\s*'([^']+)'/.exec(readFileSync(vite, 'utf8'))?.[1]
    t.ok(outDir === undefined || outDir === 'dist', `Vite builds into dist (${outDir ?? 'its default'})`)
  }
})
