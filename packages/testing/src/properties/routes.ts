/** A method and path the app serves. */
export interface Route { method: string, url: string }

/** The part of Fastify's onRoute argument this needs. */
interface RouteInfo { method: string | string[], url: string }

/**
 * Every method and path the app registers, from Fastify's `onRoute` hook, so a new route is
 * fuzzed too. Hand `onRoute` to the app before its routes are added (AppOptions.onRoute);
 * `routes` fills in as the app builds.
 */
export function routeRecorder () {
  const routes: Route[] = []
  const seen = new Set<string>()
  return {
    routes,
    onRoute (route: RouteInfo): void {
      for (const method of [route.method].flat()) {
        const name = `${method} ${route.url}`
        // HEAD answers without a body, so there is no envelope to check; GET covers the route.
        if (method === 'HEAD' || seen.has(name)) continue
        seen.add(name)
        routes.push({ method, url: route.url })
      }
    },
  }
}
