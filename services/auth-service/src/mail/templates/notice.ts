import type { NotificationType } from '../../db/schema.js'
import type { NotificationDetails } from '../../schemas/notification.js'
import { mailDate } from '../dates.js'
import { defineTemplate, greeting, type Locale, type MailContent } from '../layout.js'

export interface NoticeParams {
  name: string | null
  type: NotificationType
  details: NotificationDetails
  /** The portal's account page, where the user reviews sessions and factors. */
  accountUrl: string
}

const formatDate = (locale: Locale, iso: string | undefined): string => iso ? mailDate(locale, iso) : ''

type Texts = Record<NotificationType, (d: NotificationDetails, locale: Locale) => { subject: string, body: string }>

const ID: Texts = {
  NEW_DEVICE_SIGN_IN: () => ({ subject: 'Login baru ke akun rekam Anda', body: 'Akun Anda baru saja dipakai untuk login dari perangkat yang belum pernah dipakai sebelumnya.' }),
  PASSWORD_CHANGED: () => ({ subject: 'Kata sandi rekam Anda diubah', body: 'Kata sandi akun Anda baru saja diubah.' }),
  PASSWORD_RESET: () => ({ subject: 'Kata sandi rekam Anda diatur ulang', body: 'Kata sandi akun Anda baru saja diatur ulang melalui tautan email, dan semua sesi telah diakhiri.' }),
  MFA_FACTOR_ADDED: (d) => ({ subject: 'Faktor kedua ditambahkan ke akun rekam Anda', body: `Faktor kedua ${d.factor ? `"${d.factor}" ` : ''}baru saja ditambahkan ke akun Anda.` }),
  MFA_FACTOR_REMOVED: (d) => ({ subject: 'Faktor kedua dihapus dari akun rekam Anda', body: `Faktor kedua ${d.factor ? `"${d.factor}" ` : ''}baru saja dihapus dari akun Anda.` }),
  EMAIL_CHANGED: (d) => ({ subject: 'Alamat email akun rekam Anda diubah', body: `Alamat email akun Anda diubah${d.newEmail ? ` menjadi ${d.newEmail}` : ''}. Email berikutnya dikirim ke alamat baru.` }),
  ACCOUNT_BLOCKED: () => ({ subject: 'Akun rekam Anda diblokir', body: 'Akun Anda diblokir oleh administrator dan semua sesinya diakhiri. Hubungi klinik jika Anda merasa ini keliru.' }),
  DELETION_REQUESTED: (d, l) => ({ subject: 'Permintaan penghapusan akun rekam', body: `Kami menerima permintaan untuk menghapus akun Anda. Akun akan dihapus pada ${formatDate(l, d.effectiveAt)} kecuali Anda membatalkannya sebelum itu di halaman akun.` }),
  DELETION_CANCELLED: () => ({ subject: 'Penghapusan akun rekam dibatalkan', body: 'Permintaan penghapusan akun Anda telah dibatalkan. Akun Anda tetap aktif.' }),
}

const EN: Texts = {
  NEW_DEVICE_SIGN_IN: () => ({ subject: 'New sign-in to your rekam account', body: 'Your account was just signed in to from a device that has not been used with it before.' }),
  PASSWORD_CHANGED: () => ({ subject: 'Your rekam password was changed', body: 'The password of your account was just changed.' }),
  PASSWORD_RESET: () => ({ subject: 'Your rekam password was reset', body: 'The password of your account was just reset through an email link, and every session was ended.' }),
  MFA_FACTOR_ADDED: (d) => ({ subject: 'A second factor was added to your rekam account', body: `The second factor ${d.factor ? `"${d.factor}" ` : ''}was just added to your account.` }),
  MFA_FACTOR_REMOVED: (d) => ({ subject: 'A second factor was removed from your rekam account', body: `The second factor ${d.factor ? `"${d.factor}" ` : ''}was just removed from your account.` }),
  EMAIL_CHANGED: (d) => ({ subject: 'The email address of your rekam account changed', body: `The email address of your account was changed${d.newEmail ? ` to ${d.newEmail}` : ''}. Further mail goes to the new address.` }),
  ACCOUNT_BLOCKED: () => ({ subject: 'Your rekam account was blocked', body: 'An administrator blocked your account and ended its sessions. Contact the clinic if you think this is a mistake.' }),
  DELETION_REQUESTED: (d, l) => ({ subject: 'Request to delete your rekam account', body: `We received a request to delete your account. It will be deleted on ${formatDate(l, d.effectiveAt)} unless you cancel on your account page before then.` }),
  DELETION_CANCELLED: () => ({ subject: 'Deletion of your rekam account cancelled', body: 'The request to delete your account was cancelled. Your account stays active.' }),
}

const LABELS = {
  id: { ip: 'Alamat IP', device: 'Perangkat', action: 'Buka akun saya', notYou: 'Jika ini bukan Anda, segera ubah kata sandi Anda dan hubungi klinik.' },
  en: { ip: 'IP address', device: 'Device', action: 'Open my account', notYou: 'If this was not you, change your password now and contact the clinic.' },
} as const

function content (locale: Locale, texts: Texts, p: NoticeParams): MailContent {
  const labels = LABELS[locale]
  const { subject, body } = texts[p.type](p.details, locale)
  const where = [
    ...(p.details.ip ? [`${labels.ip}: ${p.details.ip}`] : []),
    ...(p.details.device ? [`${labels.device}: ${p.details.device}`] : []),
  ]
  return {
    subject,
    greeting: greeting(locale, p.name),
    paragraphs: [body, ...(where.length ? [where.join('\n')] : [])],
    action: { label: labels.action, url: p.accountUrl },
    after: [labels.notYou],
  }
}

/** One template for every notification type: a sentence per type and language, where it came from. */
export const notice = defineTemplate<NoticeParams>({
  id: (p) => content('id', ID, p),
  en: (p) => content('en', EN, p),
})
