/**
 * Seed 004's "Common Scenarios" in the medical domain (helpers/gateway-scenarios.ts) through the
 * whole stack as deployed: the built services as real processes on fresh PostgreSQL databases,
 * behind the real nginx running the committed gateway template. Every request goes through nginx.
 * The gateway's own rules: gateway-nginx.test.ts.
 */
import t from 'tap'
import { findNginx, type Client } from '@rekam/testing/e2e'
import { startGatewayStack } from './helpers/gateway-stack.js'
import { adminListsUsers, doctorWritesRecords, logoutReachesRecords, newUserRegisters, patientReadsOwnRecords, refreshRotates } from './helpers/gateway-scenarios.js'

const nginxBin = findNginx()

function main () {
  let api: Client
  // In t.before, so that a failed start still runs every teardown (no process is left behind).
  t.before(async () => {
    ;({ api } = await startGatewayStack(t, nginxBin))
  })

  t.test('a new user registers (always a PATIENT) and has no records yet', (t) => newUserRegisters(t, api))

  t.test('scenario 1: patient andi lists his records, each with its doctor, and opens one; siti\'s is forbidden', (t) => patientReadsOwnRecords(t, api))

  t.test('scenario 2: doctor dr.sari writes a record, updates her own, may not update dr.budi\'s', (t) => doctorWritesRecords(t, api))

  t.test('scenario 3: the admin lists users; a patient may not', (t) => adminListsUsers(t, api))

  t.test('refresh through the gateway rotates the pair; the new access token works', (t) => refreshRotates(t, api))

  t.test('logout through the gateway: records-service refuses that access token within seconds', (t) => logoutReachesRecords(t, api))
}

// CI has nginx and must run these; elsewhere a machine without it skips them.
if (!nginxBin && !process.env.CI) t.plan(0, 'nginx is not installed; set NGINX_BIN to run the gateway end-to-end tests')
else main()
