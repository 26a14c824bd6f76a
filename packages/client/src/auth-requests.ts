import type { Delivery } from './types.js'

/** What a credential request's body adds: cookie delivery asks for the refresh token in the cookie. */
export function deliveryField (delivery: Delivery): { tokenDelivery?: 'cookie' } {
  return delivery === 'cookie' ? { tokenDelivery: 'cookie' } : {}
}

/** Cookie delivery: the browser sends and stores the refresh cookie for the page's own origin. */
export function credentialsInit (delivery: Delivery): { credentials?: RequestInit['credentials'] } {
  return delivery === 'cookie' ? { credentials: 'same-origin' } : {}
}

/** Requests the cookie authenticates carry the custom header the CSRF check asks for. */
export function cookieAuthInit (delivery: Delivery): { credentials?: RequestInit['credentials'], headers?: Record<string, string> } {
  return delivery === 'cookie' ? { credentials: 'same-origin', headers: { 'x-rekam-csrf': '1' } } : {}
}
