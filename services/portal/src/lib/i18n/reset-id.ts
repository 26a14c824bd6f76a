import type { resetEn } from './reset-en.js'

/** Bahasa Indonesia for the password reset. */
export const resetId: Record<keyof typeof resetEn, string> = {
  'signIn.forgot': 'Lupa kata sandi?',
  'forgot.title': 'Lupa kata sandi',
  'forgot.intro': 'Masukkan alamat email akun Anda. Kami akan mengirim tautan ke alamat itu untuk memilih kata sandi baru.',
  'forgot.email': 'Email',
  'forgot.submit': 'Kirim tautan',
  'forgot.busy': 'Mengirim…',
  'forgot.sent': 'Jika ada akun dengan alamat ini, tautan untuk memilih kata sandi baru sedang dikirim ke alamat itu. Tautan hanya berlaku sekali, selama 30 menit. Periksa kotak masuk Anda, juga folder spam.',
  'forgot.back': 'Kembali ke halaman masuk',
  'reset.title': 'Pilih kata sandi baru',
  'reset.intro': 'Pilih kata sandi baru untuk akun Anda. Semua perangkat yang masuk ke akun ini akan dikeluarkan.',
  'reset.newPassword': 'Kata sandi baru',
  'reset.passwordHint': 'Minimal 8 karakter; beberapa kata yang tidak saling berhubungan membuat kata sandi yang kuat.',
  'reset.repeat': 'Ulangi kata sandi baru',
  'reset.mismatch': 'Kedua kata sandi tidak sama.',
  'reset.submit': 'Ubah kata sandi',
  'reset.noToken': 'Tautan ini tidak lengkap. Buka lagi tautan di email, atau minta tautan baru.',
  'reset.askAgain': 'Minta tautan baru',
  'reset.factor': 'Akun Anda memakai faktor kedua: konfirmasikan kata sandi baru dengan faktor tersebut.',
  'reset.done': 'Kata sandi Anda telah diubah, dan semua perangkat telah dikeluarkan. Masuk dengan kata sandi baru.',
  'reset.signIn': 'Masuk',
  'users.sendReset': 'Kirim tautan atur ulang kata sandi',
  'users.confirmSendReset': 'Kirim tautan kepada {name} untuk memilih kata sandi baru? Tautan dikirim ke alamat emailnya; Anda tidak akan melihatnya.',
  'users.resetSent': 'Tautan atur ulang kata sandi sedang dikirim kepada {name}.',
}
