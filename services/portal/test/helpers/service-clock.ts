/** The clock of services started with the service-clock preload (see service-clock.mjs). */
import type { Services, ServicesEnv } from '@rekam/testing/e2e'

export class ServiceClock {
  /** How far the services' clocks run ahead of the real one, in ms. */
  ahead = 0

  /** Each `advance` moves the services' clocks `stepMs` ahead. */
  constructor (readonly stepMs: number) {}

  /** The environment that preloads the clock into both services. */
  get env (): ServicesEnv {
    const env = { NODE_OPTIONS: `--import=${new URL('./service-clock.mjs', import.meta.url).href}`, SERVICE_CLOCK_STEP_MS: String(this.stepMs) }
    return { auth: env, records: env }
  }

  /** The services' time now. */
  now (): number {
    return Date.now() + this.ahead
  }

  /** Moves both services' clocks one step; resolves once both have said so. */
  async advance (services: Services): Promise<void> {
    const ahead = this.ahead + this.stepMs
    await Promise.all([services.auth, services.records].map(async (service) => {
      service.process.child.kill('SIGWINCH')
      await service.process.waitFor(`${service.name}'s clock ${ahead} ms ahead`, () => service.process.output.includes(`service clock ahead by ${ahead} ms`), 10_000, 50)
    }))
    this.ahead = ahead
  }
}
