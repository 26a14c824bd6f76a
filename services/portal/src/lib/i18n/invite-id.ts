import type { inviteEn } from './invite-en.js'

/** Bahasa Indonesia: undangan staf, formulir admin dan halaman membuat kata sandi. */
export const inviteId: Record<keyof typeof inviteEn, string> = {
  'invite.open': 'Undang staf',
  'invite.close': 'Tutup undangan',
  'invite.title': 'Undang dokter atau administrator',
  'invite.intro': 'Mereka menerima email berisi tautan untuk memilih kata sandi sendiri (berlaku 72 jam, sekali pakai). Anda tidak pernah melihat kata sandi maupun tautannya.',
  'invite.language': 'Bahasa undangan',
  'invite.submit': 'Kirim undangan',
  'invite.sent': 'Undangan untuk {name} dikirim ke {email}.',
  'setPassword.title': 'Buat kata sandi Anda',
  'setPassword.intro': 'Pilih kata sandi untuk akun yang dibuat klinik bagi Anda. Staf menyiapkan faktor kedua saat pertama kali masuk.',
  'setPassword.password': 'Kata sandi baru',
  'setPassword.hint': 'Minimal 8 karakter; beberapa kata yang tidak berhubungan menjadi kata sandi yang kuat',
  'setPassword.confirm': 'Ulangi kata sandi baru',
  'setPassword.mismatch': 'Kedua kata sandi tidak sama.',
  'setPassword.submit': 'Simpan kata sandi',
  'setPassword.done': 'Kata sandi Anda sudah dibuat. Silakan masuk dengannya.',
  'setPassword.signIn': 'Masuk',
  'setPassword.noToken': 'Tautan ini tidak lengkap: buka kembali tautan dari email Anda.',
  'setPassword.askAgain': 'Jika tautan tetap tidak berfungsi, mintalah administrator klinik untuk mengundang Anda lagi.',
}
