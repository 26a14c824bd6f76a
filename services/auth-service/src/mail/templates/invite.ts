import { mailDate } from '../dates.js'
import { defineTemplate, greeting, type Locale, type MailContent } from '../layout.js'

export interface InviteParams {
  /** The invited person's full name, for the greeting. */
  name: string | null
  /** The username they sign in with. */
  username: string
  role: 'DOCTOR' | 'ADMIN'
  /** Who invited them: the admin's full name (or username). */
  invitedBy: string
  /** The clinic's name (MFA_ISSUER), or where rekam is when the clinic has not named itself. */
  clinic: string
  /** The portal's /set-password page with the token in the fragment. */
  url: string
  /** When the link stops working (ISO 8601), and how long that is. */
  expiresAt: string
  validHours: number
  /** Their role signs in with a second factor (MFA_REQUIRED_ROLES): they set one up at first sign-in. */
  secondFactor: boolean
}

const ROLE: Record<Locale, Record<InviteParams['role'], string>> = {
  id: { DOCTOR: 'dokter', ADMIN: 'administrator' },
  en: { DOCTOR: 'a doctor', ADMIN: 'an administrator' },
}

/**
 * An admin created an account for a colleague: the link lets its owner choose the password
 * (the admin never sees it nor the link; ASVS 6.4.6).
 */
export const invite = defineTemplate<InviteParams>({
  id: (p): MailContent => ({
    subject: `Undangan ke rekam ${p.clinic}`,
    greeting: greeting('id', p.name),
    paragraphs: [
      `${p.invitedBy} mengundang Anda bergabung dengan ${p.clinic} di rekam, sistem rekam medis klinik, sebagai ${ROLE.id[p.role]}. Nama pengguna Anda: ${p.username}.`,
      'Buka tautan di bawah ini untuk memilih kata sandi Anda sendiri. Tidak ada orang lain yang mengetahuinya, termasuk administrator.',
    ],
    action: { label: 'Buat kata sandi', url: p.url },
    after: [
      `Tautan ini berlaku ${p.validHours} jam, sampai ${mailDate('id', p.expiresAt)}, dan hanya dapat dipakai sekali. Jika sudah kedaluwarsa, mintalah undangan baru kepada administrator klinik.`,
      ...(p.secondFactor ? ['Saat pertama kali masuk, Anda akan diminta menyiapkan faktor kedua: aplikasi autentikator di ponsel Anda atau passkey.'] : []),
      'Jika Anda tidak mengharapkan undangan ini, abaikan email ini: akun tidak dapat dipakai tanpa kata sandi.',
    ],
  }),
  en: (p): MailContent => ({
    subject: `Your invitation to rekam at ${p.clinic}`,
    greeting: greeting('en', p.name),
    paragraphs: [
      `${p.invitedBy} invited you to join ${p.clinic} on rekam, the clinic's medical records system, as ${ROLE.en[p.role]}. Your username: ${p.username}.`,
      'Open the link below to choose your own password. Nobody else knows it, administrators included.',
    ],
    action: { label: 'Set my password', url: p.url },
    after: [
      `The link works for ${p.validHours} hours, until ${mailDate('en', p.expiresAt)}, and only once. If it has expired, ask the clinic's administrator to invite you again.`,
      ...(p.secondFactor ? ['At your first sign-in you will set up a second factor: an authenticator app on your phone, or a passkey.'] : []),
      'If you did not expect this invitation, ignore this message: the account cannot be used without a password.',
    ],
  }),
})
