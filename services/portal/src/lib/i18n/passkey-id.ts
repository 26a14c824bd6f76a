import type { passkeyEn } from './passkey-en.js'

/** Bahasa Indonesia for passkeys ("kunci sandi", as Indonesian browsers and phones call them). */
export const passkeyId: Record<keyof typeof passkeyEn, string> = {
  'passkey.title': 'Kunci sandi (passkey)',
  'passkey.intro': 'Kunci sandi memungkinkan Anda masuk dengan sidik jari, wajah, atau kunci layar perangkat ini, atau dengan kunci keamanan: tidak ada yang perlu diketik, tidak ada yang bisa dicuri.',
  'passkey.add': 'Tambah kunci sandi',
  'passkey.name': 'Nama kunci sandi',
  'passkey.nameHint': 'Untuk membedakan kunci sandi Anda, misalnya "Laptop kantor" atau "Ponsel".',
  'passkey.create': 'Buat kunci sandi',
  'passkey.cancel': 'Batal',
  'passkey.added': 'Kunci sandi ditambahkan.',
  'passkey.cancelled': 'Dialog kunci sandi tertutup sebelum selesai. Silakan coba lagi jika Anda sudah siap.',
  'passkey.known': 'Perangkat ini sudah menyimpan salah satu kunci sandi Anda.',
  'passkey.unknown': 'Kunci sandi ini tidak terhubung ke akun mana pun di sini (mungkin sudah dihapus). Silakan masuk dengan kata sandi.',
  'passkey.failed': 'Kunci sandi tidak dapat diverifikasi. Silakan coba lagi.',
  'passkey.signIn': 'Lanjutkan dengan kunci sandi',
  'passkey.signInBusy': 'Menunggu kunci sandi Anda…',
  'passkey.or': 'Atau masuk dengan kata sandi:',
  'passkey.step.intro': 'Pastikan ini Anda dengan kunci sandi.',
  'passkey.step.use': 'Pakai kunci sandi',
  'passkey.step.orCode': 'Atau masukkan kode:',
  'passkey.enrol.start': 'Pasang kunci sandi',
}
