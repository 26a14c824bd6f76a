/** English messages of the admin's pages: users and security events. */
export const adminEn = {
  'users.title': 'Users',
  'users.search': 'Search',
  'users.role': 'Role',
  'users.anyRole': 'Any role',
  'users.status': 'Status',
  'users.anyStatus': 'Any status',
  'users.active': 'Active',
  'users.blocked': 'Blocked',
  'users.block': 'Block',
  'users.unblock': 'Unblock',
  'users.unlock': 'Unlock sign-in',
  'users.changeRole': 'Role of {name}',
  'users.saved': 'Saved.',
  'users.unlocked': 'Sign-in unlocked for {name}.',

  'events.title': 'Security events',
  'events.type': 'Type',
  'events.anyType': 'Any type',
  'events.user': 'User',
  'events.reason': 'Reason',
} as const
