import type { Role } from '@rekam/auth-verify'

/**
 * What each role may do in records-service, as the role and ownership rules of the routes apply
 * them (DESIGN "Roles"). Clients read it from `GET /api/records/permissions` to show only what
 * the signed-in user can do; the routes themselves enforce the rules.
 */
export const PERMISSIONS: Record<Role, readonly string[]> = {
  PATIENT: [
    'records:read:own',
    'records:access-log:own',
    'patients:profile:own',
    'patients:claim:own',
    'doctors:list',
  ],
  DOCTOR: [
    'records:read:any',
    'records:create',
    'records:update:authored',
    'records:delete:authored',
    'patients:read',
    'patients:register',
    'patients:intake-search',
    'patients:claim-code:in-care',
    'doctors:profile:own',
    'doctors:list',
  ],
  ADMIN: [
    'records:read:any',
    'records:create',
    'records:update:any',
    'records:delete:any',
    'records:access-log:any',
    'patients:read',
    'patients:register',
    'patients:intake-search',
    'patients:claim-code',
    'doctors:list',
  ],
}
