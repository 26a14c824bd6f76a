import type { adminEn } from './admin-en.js'

/** Bahasa Indonesia for the admin's pages: users and security events. */
export const adminId: Record<keyof typeof adminEn, string> = {
  'users.title': 'Pengguna',
  'users.search': 'Cari',
  'users.role': 'Peran',
  'users.anyRole': 'Semua peran',
  'users.status': 'Status',
  'users.anyStatus': 'Semua status',
  'users.active': 'Aktif',
  'users.blocked': 'Diblokir',
  'users.block': 'Blokir',
  'users.unblock': 'Buka blokir',
  'users.unlock': 'Buka kunci masuk',
  'users.changeRole': 'Peran {name}',
  'users.saved': 'Tersimpan.',
  'users.unlocked': 'Kunci masuk {name} dibuka.',

  'events.title': 'Peristiwa keamanan',
  'events.type': 'Jenis',
  'events.anyType': 'Semua jenis',
  'events.user': 'Pengguna',
  'events.reason': 'Alasan',
}
