import type { accountEn } from './account-en.js'

/** Bahasa Indonesia for the account pages: profile and password, roles, sessions and sign-in history. */
export const accountId: Record<keyof typeof accountEn, string> = {
  'account.title': 'Akun saya',
  'account.profile': 'Profil',
  'account.username': 'Nama pengguna',
  'account.role': 'Peran',
  'account.since': 'Terdaftar sejak',
  'account.fullName': 'Nama lengkap',
  'account.email': 'Email',
  'account.currentPasswordForEmail': 'Kata sandi saat ini (wajib untuk mengganti email)',
  'account.save': 'Simpan profil',
  'account.saved': 'Profil disimpan.',
  'account.password': 'Ganti kata sandi',
  'account.currentPassword': 'Kata sandi saat ini',
  'account.newPassword': 'Kata sandi baru',
  'account.changePassword': 'Ganti kata sandi',
  'account.passwordChanged': 'Kata sandi diganti. Sesi Anda yang lain telah dikeluarkan.',

  'role.PATIENT': 'Pasien',
  'role.DOCTOR': 'Dokter',
  'role.ADMIN': 'Administrator',

  'sessions.title': 'Sesi saya',
  'sessions.intro': 'Perangkat dan peramban tempat Anda sedang masuk.',
  'sessions.device': 'Perangkat',
  'sessions.started': 'Masuk',
  'sessions.lastUsed': 'Terakhir dipakai',
  'sessions.ip': 'Alamat',
  'sessions.current': 'Perangkat ini',
  'sessions.revoke': 'Keluarkan sesi ini',
  'sessions.revoked': 'Sesi telah diakhiri.',
  'sessions.signOutOthers': 'Keluarkan semua sesi lain',
  'sessions.othersSignedOut': 'Semua sesi lain telah dikeluarkan.',
  'sessions.unknownDevice': 'Perangkat tidak dikenal',

  'history.title': 'Riwayat masuk',
  'history.when': 'Waktu',
  'history.event': 'Peristiwa',
  'history.device': 'Perangkat',
  'history.ip': 'Alamat',
  'history.empty': 'Belum ada catatan masuk.',
}
