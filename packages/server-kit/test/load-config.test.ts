import { Type } from '@sinclair/typebox'
import t from 'tap'
import { baseConfigProperties, createService, loadConfig } from '../src/index.js'

const ConfigSchema = Type.Object({ ...baseConfigProperties(0), NAME: Type.Optional(Type.String({ minLength: 1 })) })

t.test('an empty variable counts as unset; strings are coerced and defaults applied', async (t) => {
  const config = loadConfig(ConfigSchema, { NAME: '', PORT: '8080', DEMO_MODE: 'true' })
  t.equal(config.NAME, undefined)
  t.equal(config.PORT, 8080)
  t.equal(config.DEMO_MODE, true)
  t.equal(config.NODE_ENV, 'development')
})

t.test('a bad value is refused with a message naming the variable', async (t) => {
  t.throws(() => loadConfig(ConfigSchema, { PORT: '70000' }), /PORT must be <= 65535/)
})

t.test('the shared rules and the service\'s own run after the schema', async (t) => {
  t.throws(() => loadConfig(ConfigSchema, { NODE_ENV: 'production', DEMO_MODE: 'true' }), /DEMO_MODE cannot be enabled/)
  const check = (config: { NAME?: string | undefined }) => { if (!config.NAME) throw new Error('NAME is required') }
  t.throws(() => loadConfig(ConfigSchema, {}, check), /NAME is required/)
  t.equal(loadConfig(ConfigSchema, { NAME: 'x' }, check).NAME, 'x')
})

t.test('createService is created from the validated config, before any plugin', async (t) => {
  const docs = { title: 't', version: '0', description: 'd', routePrefix: '/docs' }
  const app = await createService({ configSchema: ConfigSchema, docs, env: { LOG_LEVEL: 'warn', TRUST_PROXY: '10.0.0.1' } })
  t.teardown(() => app.close())
  t.equal(app.log.level, 'warn', 'the log level is the config\'s, not process.env\'s')
  app.get('/ip', async (request) => request.ip)
  const res = await app.inject({ url: '/ip', remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': '203.0.113.5' } })
  t.equal(res.body, '203.0.113.5', 'TRUST_PROXY comes from the config')
  await t.rejects(createService({ configSchema: ConfigSchema, docs, env: { PORT: 'abc' }, logLevel: false }), /PORT must be integer/)
})
