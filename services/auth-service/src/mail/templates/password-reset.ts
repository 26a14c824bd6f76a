import { defineTemplate, greeting } from '../layout.js'

export interface PasswordResetParams {
  /** The account's full name (or username), for the greeting. */
  name: string | null
  /** The portal's /reset-password page with the token in the fragment. */
  url: string
  /** How long the link works. */
  validMinutes: number
  /** An administrator asked for it (the user did not). */
  byAdmin: boolean
}

/** A link to choose a new password: asked for on the forgot-password page, or sent by an administrator. */
export const passwordReset = defineTemplate<PasswordResetParams>({
  id: (p) => ({
    subject: 'Atur ulang kata sandi rekam Anda',
    greeting: greeting('id', p.name),
    paragraphs: [
      p.byAdmin
        ? 'Administrator klinik mengirimkan tautan ini agar Anda dapat memilih kata sandi baru untuk akun rekam Anda.'
        : 'Kami menerima permintaan untuk mengatur ulang kata sandi akun rekam Anda. Buka tautan di bawah ini untuk memilih kata sandi baru.',
    ],
    action: { label: 'Pilih kata sandi baru', url: p.url },
    after: [
      `Tautan ini berlaku ${p.validMinutes} menit dan hanya dapat dipakai sekali. Jika akun Anda memakai faktor kedua, Anda juga akan diminta memakainya.`,
      'Jika Anda tidak memintanya, abaikan email ini: kata sandi Anda tidak berubah.',
    ],
  }),
  en: (p) => ({
    subject: 'Reset your rekam password',
    greeting: greeting('en', p.name),
    paragraphs: [
      p.byAdmin
        ? 'An administrator of the clinic sent you this link so that you can choose a new password for your rekam account.'
        : 'We received a request to reset the password of your rekam account. Open the link below to choose a new password.',
    ],
    action: { label: 'Choose a new password', url: p.url },
    after: [
      `The link works for ${p.validMinutes} minutes and only once. If your account has a second factor, you will be asked for it too.`,
      'If you did not ask for this, ignore this message: your password stays as it is.',
    ],
  }),
})
