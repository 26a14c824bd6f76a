import type { mailEn } from './mail-en.js'

/** Bahasa Indonesia: verifikasi email (halaman tautan, "periksa email", kirim ulang, pemberitahuan akun). */
export const mailId: Record<keyof typeof mailEn, string> = {
  'verifyEmail.title': 'Verifikasi email Anda',
  'verifyEmail.working': 'Memeriksa tautan Anda…',
  'verifyEmail.done': 'Alamat email Anda sudah terverifikasi. Terima kasih!',
  'verifyEmail.noToken': 'Halaman ini dibuka dari tautan di email yang kami kirim. Buka tautan itu, atau minta tautan baru di bawah.',
  'verifyEmail.continue': 'Lanjut ke rekam',
  'verifyEmail.signIn': 'Masuk',
  'checkMail.title': 'Periksa email Anda',
  'checkMail.sent': 'Kami mengirim tautan ke {email}. Buka tautan itu untuk memverifikasi alamat email Anda; tautan berlaku 24 jam.',
  'checkMail.notVerified': 'Alamat email Anda belum terverifikasi. Buka tautan yang kami kirim, atau minta tautan baru.',
  'checkMail.signInAfter': 'Anda dapat masuk setelah alamat Anda terverifikasi.',
  'checkMail.continue': 'Lanjutkan',
  'checkMail.backToSignIn': 'Kembali ke halaman masuk',
  'resend.email': 'Alamat email Anda',
  'resend.submit': 'Kirim tautan baru',
  'resend.sent': 'Jika alamat ini milik akun yang belum terverifikasi, tautan baru sedang dikirim.',
  'account.unverified': 'Alamat email Anda belum terverifikasi: buka tautan yang kami kirim ke email Anda.',
}
