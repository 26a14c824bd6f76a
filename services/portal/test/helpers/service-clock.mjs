/**
 * Preloaded into the services a browser test starts (NODE_OPTIONS=--import, tests only): their
 * Date.now runs ahead of the real clock by an offset that grows by SERVICE_CLOCK_STEP_MS on each
 * SIGWINCH (a signal no one else here uses; the services shut down on SIGUSR2), and each move
 * is acknowledged on stdout. So a test makes a sign-in older than STEP_UP_MAX_AGE without
 * sleeping. The services read time through Date.now (their `now`
 * defaults, the token verifier's clock), as their in-process tests that move it show.
 */
const realNow = Date.now.bind(Date)
const step = Number(process.env.SERVICE_CLOCK_STEP_MS ?? 0)
let offset = 0
Date.now = () => realNow() + offset
process.on('SIGWINCH', () => {
  offset += step
  process.stdout.write(`service clock ahead by ${offset} ms\n`)
})
