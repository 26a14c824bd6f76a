import type { signInEn } from './sign-in-en.js'

/** Bahasa Indonesia for signing in and registering as a patient. */
export const signInId: Record<keyof typeof signInEn, string> = {
  'signIn.title': 'Masuk',
  'signIn.identifier': 'Nama pengguna atau email',
  'signIn.password': 'Kata sandi',
  'signIn.submit': 'Masuk',
  'signIn.busy': 'Sedang masuk…',
  'signIn.noAccount': 'Belum punya akun?',
  'signIn.register': 'Daftar sebagai pasien',
  'signIn.reason.SIGNED_OUT': 'Anda telah keluar.',
  'signIn.reason.TOKEN_REVOKED': 'Sesi Anda telah diakhiri (keluar di perangkat lain atau dicabut). Silakan masuk lagi.',
  'signIn.reason.ACCOUNT_BLOCKED': 'Akun Anda diblokir. Hubungi klinik.',
  'signIn.reason.SESSION_EXPIRED': 'Sesi Anda sudah berakhir. Silakan masuk lagi.',

  'register.title': 'Daftar sebagai pasien',
  'register.username': 'Nama pengguna',
  'register.usernameHint': '3 sampai 32 huruf, angka, titik, tanda hubung, atau garis bawah',
  'register.email': 'Email',
  'register.fullName': 'Nama lengkap',
  'register.password': 'Kata sandi',
  'register.passwordHint': 'Paling sedikit 8 karakter',
  'register.submit': 'Buat akun',
  'register.haveAccount': 'Sudah punya akun?',
}
