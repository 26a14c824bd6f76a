import { defineTemplate, greeting } from '../layout.js'

export interface EmailChangeParams {
  /** The account's full name (or username), for the greeting. */
  name: string | null
  /** The portal's /confirm-email page with the token in the fragment. */
  url: string
  /** How long the link works. */
  validHours: number
}

/** Sent to the NEW address of an email change: the change takes effect only when its link is opened. */
export const emailChange = defineTemplate<EmailChangeParams>({
  id: (p) => ({
    subject: 'Konfirmasi alamat email baru Anda di rekam',
    greeting: greeting('id', p.name),
    paragraphs: ['Anda meminta agar akun rekam Anda memakai alamat email ini. Buka tautan di bawah ini untuk mengonfirmasi; sampai saat itu alamat lama tetap berlaku.'],
    action: { label: 'Konfirmasi alamat baru', url: p.url },
    after: [
      `Tautan ini berlaku ${p.validHours} jam dan hanya dapat dipakai sekali.`,
      'Jika Anda tidak meminta perubahan ini, abaikan email ini: tidak ada yang berubah.',
    ],
  }),
  en: (p) => ({
    subject: 'Confirm your new email address for rekam',
    greeting: greeting('en', p.name),
    paragraphs: ['You asked for your rekam account to use this email address. Open the link below to confirm it; until then the old address stays in use.'],
    action: { label: 'Confirm the new address', url: p.url },
    after: [
      `The link works for ${p.validHours} hours and only once.`,
      'If you did not ask for this change, ignore this message: nothing changes.',
    ],
  }),
})
