import { accountMailId } from './account-mail-id.js'
import type { MessageKey } from './en.js'
import { mfaId } from './mfa-id.js'
import { stepUpId } from './step-up-id.js'
import { inviteId } from './invite-id.js'
import { passkeyId } from './passkey-id.js'
import { resetId } from './reset-id.js'
import { mailId } from './mail-id.js'
import { careId } from './care-id.js'
import { frontDeskId } from './front-desk-id.js'
import { integrityId } from './integrity-id.js'
import { signInId } from './sign-in-id.js'
import { accountId } from './account-id.js'
import { recordsId } from './records-id.js'
import { profilesId } from './profiles-id.js'
import { adminId } from './admin-id.js'

/** Bahasa Indonesia: typed by the English catalogue, so a missing key fails the type check. */
export const id: Record<MessageKey, string> = {
  'app.name': 'rekam',
  'app.skip': 'Langsung ke isi',
  'app.loading': 'Memuat…',
  'app.language': 'Bahasa',
  'app.languageNotSaved': 'Halaman sudah berganti bahasa, tetapi bahasa akun Anda gagal disimpan: surel dari rekam masih dalam bahasa sebelumnya.',
  'app.languageRetry': 'Coba lagi',
  'app.nav': 'Menu utama',
  'app.notFound': 'Halaman ini tidak ada.',
  'app.home': 'Ke halaman awal',

  'nav.records': 'Rekam medis saya',
  'nav.patientProfile': 'Profil pasien saya',
  'nav.doctorProfile': 'Profil dokter saya',
  'nav.patients': 'Pasien',
  'nav.users': 'Pengguna',
  'nav.events': 'Peristiwa keamanan',
  'nav.account': 'Akun saya',
  'nav.sessions': 'Sesi saya',
  'nav.history': 'Riwayat masuk',
  'nav.signOut': 'Keluar',

  ...signInId,
  ...accountId,
  ...recordsId,
  ...profilesId,
  ...adminId,

  'pager.previous': 'Halaman sebelumnya',
  'pager.next': 'Halaman berikutnya',
  'pager.label': 'Halaman {page} dari {pages}',

  'error.NETWORK': 'Server tidak dapat dihubungi. Periksa koneksi Anda lalu coba lagi.',
  'error.UNKNOWN': 'Terjadi kesalahan. Silakan coba lagi.',
  ...mfaId,
  ...stepUpId,
  ...passkeyId,
  ...inviteId,
  ...resetId,
  ...mailId,
  ...accountMailId,
  ...careId,
  ...frontDeskId,
  ...integrityId,
  'error.fieldsTitle': 'Mohon periksa isian berikut:',
}
