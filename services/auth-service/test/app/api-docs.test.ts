import t from 'tap'
import { buildTestApp } from '../helper.js'

/** The docs UI and its document, as each answers with these settings. */
async function docsStatuses (env: Record<string, string>) {
  const app = await buildTestApp(t, { env })
  const ui = await app.inject({ method: 'GET', url: '/api/auth/docs/' })
  const json = await app.inject({ method: 'GET', url: '/api/auth/docs/json' })
  return { ui, json }
}

t.test('API docs: API_DOCS when set, otherwise off only in production', async (t) => {
  const cases: Array<[string, Record<string, string>, boolean]> = [
    ['NODE_ENV=test, unset', { NODE_ENV: 'test' }, true],
    ['NODE_ENV=development, unset', { NODE_ENV: 'development' }, true],
    ['NODE_ENV=production, unset', { NODE_ENV: 'production' }, false],
    ['NODE_ENV=production, API_DOCS=true', { NODE_ENV: 'production', API_DOCS: 'true' }, true],
    ['NODE_ENV=test, API_DOCS=false', { NODE_ENV: 'test', API_DOCS: 'false' }, false],
  ]
  for (const [label, env, served] of cases) {
    const { ui, json } = await docsStatuses(env)
    if (served) {
      t.equal(ui.statusCode, 200, `${label}: the UI is served`)
      t.equal(json.statusCode, 200, `${label}: the document too`)
      t.equal(json.json().info.title, 'rekam auth-service', `${label}: the service's document`)
    } else {
      t.equal(ui.statusCode, 404, `${label}: no UI`)
      t.strictSame(json.json(), {
        success: false,
        error: { code: 'NOT_FOUND', message: 'Route GET /api/auth/docs/json not found', requestId: json.headers['x-request-id'] },
      }, `${label}: no document, the plain 404 envelope`)
    }
  }
})
