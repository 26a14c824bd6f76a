import t from 'tap'
import { createPasswordHasher } from '../../src/services/password-hasher.js'

t.test('hashing threads beyond the first exit when idle, and come back on demand', async (t) => {
  const hasher = createPasswordHasher({ cost: 10, threads: 2, maxQueue: 8, idleTimeoutMs: 200 })
  t.teardown(() => hasher.close())
  // Cost 10 (tens of ms a hash): the second thread starts while the first is still busy.
  // The peak is read as each hash completes: on a busy machine the extra thread may already have
  // gone idle (and exited) by the time the last one is done.
  let peak = 0
  const hashes = await Promise.all(Array.from({ length: 4 }, () => hasher.hash('velvet-harbor-quartz-19').then((hash) => {
    peak = Math.max(peak, hasher.running)
    return hash
  })))
  t.equal(peak, 2, 'both threads hashed')
  const deadline = Date.now() + 5000
  while (hasher.running > 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
  t.equal(hasher.running, 1, 'the idle extra thread exited; one stays ready')
  t.strictSame(await Promise.all(hashes.map((hash) => hasher.compare('velvet-harbor-quartz-19', hash))), [true, true, true, true], 'and hashing still works')
})
