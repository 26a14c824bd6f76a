import { createRekamClient } from '@rekam/client'

/**
 * The one client of the portal: same origin, refresh token only in the HttpOnly cookie, access
 * token in memory. Components call the API through it, never with URLs or tokens of their own.
 */
export const rekam = createRekamClient({ baseUrl: '', delivery: 'cookie' })

export type User = NonNullable<typeof rekam.user>
export type Role = User['role']
