import type { Role } from '@rekam/auth-verify'

/**
 * What each role may do in records-service, as the role, ownership and care rules of the routes
 * apply them (DESIGN "Roles"; `:in-care`: for patients in the doctor's care, db/care.ts). Clients read it from `GET /api/records/permissions` to show only what
 * the signed-in user can do; the routes themselves enforce the rules.
 */
export const PERMISSIONS: Record<Role, readonly string[]> = {
  PATIENT: [
    'records:read:own',
    'records:access-log:own',
    'patients:profile:own',
    'patients:claim:own',
    'patients:care-team:own',
    'patients:emergency-access:own',
    'doctors:list',
  ],
  DOCTOR: [
    'records:read:in-care',
    'records:create:in-care',
    'records:update:authored',
    'records:delete:authored',
    'patients:read:in-care',
    'patients:care-team:read:in-care',
    'patients:referrals:create:in-care',
    'patients:emergency-access:create',
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
    'patients:care-team:manage',
    'audit:emergency-access:review',
    'audit:refusals:read',
    'doctors:list',
  ],
}
