import type { stepUpEn } from './step-up-en.js'

/** Bahasa Indonesia: the step-up dialog, the idle warning and the admin's factor reset. */
export const stepUpId: Record<keyof typeof stepUpEn, string> = {
  'stepUp.title': 'Konfirmasi bahwa ini Anda',
  'stepUp.intro': 'Perubahan ini memerlukan masuk yang baru saja dilakukan. Masukkan kata sandi Anda untuk melanjutkan.',
  'stepUp.introFactor': 'Perubahan ini memerlukan masuk yang baru saja dilakukan dengan faktor kedua Anda. Masukkan kata sandi dan sebuah kode.',
  'stepUp.password': 'Kata sandi',
  'stepUp.submit': 'Konfirmasi',
  'stepUp.cancel': 'Batal',
  'idle.title': 'Apakah Anda masih di sana?',
  'idle.text': 'Sudah beberapa saat tidak ada aktivitas: untuk melindungi rekam medis, Anda akan dikeluarkan pada {time}.',
  'idle.stay': 'Tetap masuk',
  'sessions.signOutEverywhere': 'Keluar di mana saja',
  'sessions.allSignedOut': 'Semua sesi, termasuk yang ini, telah dikeluarkan.',
  'users.resetFactors': 'Atur ulang faktor kedua',
  'users.confirmReset': 'Atur ulang faktor kedua {name}? Pengguna harus menyiapkan yang baru saat masuk berikutnya.',
  'users.factorsReset': 'Faktor kedua {name} telah diatur ulang.',
}
