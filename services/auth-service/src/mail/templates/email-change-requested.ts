import { defineTemplate, greeting } from '../layout.js'

export interface EmailChangeRequestedParams {
  name: string | null
  /** The new address, masked (a***@example.com): this mail goes to the old one. */
  newEmail: string
  /** The portal's account page, where the pending change can be cancelled. */
  accountUrl: string
}

/** Sent to the CURRENT address when a change to another one is requested, before anything changes. */
export const emailChangeRequested = defineTemplate<EmailChangeRequestedParams>({
  id: (p) => ({
    subject: 'Permintaan perubahan email akun rekam Anda',
    greeting: greeting('id', p.name),
    paragraphs: [
      `Seseorang yang masuk ke akun Anda meminta agar alamat emailnya diganti menjadi ${p.newEmail}. Perubahan baru berlaku setelah tautan yang kami kirim ke alamat baru itu dibuka.`,
    ],
    action: { label: 'Buka akun saya', url: p.accountUrl },
    after: ['Jika ini bukan Anda, batalkan perubahan itu di halaman akun, ubah kata sandi Anda, dan hubungi klinik.'],
  }),
  en: (p) => ({
    subject: 'Request to change the email of your rekam account',
    greeting: greeting('en', p.name),
    paragraphs: [
      `Someone signed in to your account asked for its email address to become ${p.newEmail}. The change takes effect only once the link we sent to that new address is opened.`,
    ],
    action: { label: 'Open my account', url: p.accountUrl },
    after: ['If this was not you, cancel the change on your account page, change your password, and contact the clinic.'],
  }),
})
