import { defineTemplate, greeting } from '../layout.js'

export interface VerifyEmailParams {
  /** The account's full name (or username), for the greeting. */
  name: string | null
  /** The portal's /verify-email page with the token in the fragment. */
  url: string
  /** How long the link works. */
  validHours: number
}

/** Sent at registration (and on resend): proves the address belongs to the account's owner. */
export const verifyEmail = defineTemplate<VerifyEmailParams>({
  id: (p) => ({
    subject: 'Verifikasi alamat email Anda di rekam',
    greeting: greeting('id', p.name),
    paragraphs: ['Terima kasih telah mendaftar di rekam. Buka tautan di bawah ini untuk memastikan alamat email ini milik Anda.'],
    action: { label: 'Verifikasi email', url: p.url },
    after: [
      `Tautan ini berlaku ${p.validHours} jam dan hanya dapat dipakai sekali.`,
      'Jika Anda tidak mendaftar di rekam, abaikan email ini.',
    ],
  }),
  en: (p) => ({
    subject: 'Verify your email address for rekam',
    greeting: greeting('en', p.name),
    paragraphs: ['Thank you for signing up to rekam. Open the link below to confirm that this address is yours.'],
    action: { label: 'Verify email', url: p.url },
    after: [
      `The link works for ${p.validHours} hours and only once.`,
      'If you did not sign up to rekam, ignore this message.',
    ],
  }),
})
