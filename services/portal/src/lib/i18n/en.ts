import { accountMailEn } from './account-mail-en.js'
import { mfaEn } from './mfa-en.js'
import { stepUpEn } from './step-up-en.js'
import { inviteEn } from './invite-en.js'
import { passkeyEn } from './passkey-en.js'
import { resetEn } from './reset-en.js'
import { mailEn } from './mail-en.js'
import { careEn } from './care-en.js'
import { frontDeskEn } from './front-desk-en.js'
import { integrityEn } from './integrity-en.js'
import { signInEn } from './sign-in-en.js'
import { accountEn } from './account-en.js'
import { recordsEn } from './records-en.js'
import { profilesEn } from './profiles-en.js'
import { adminEn } from './admin-en.js'

/** English messages: the reference catalogue; every other language must have every key (id.ts). */
export const en = {
  'app.name': 'rekam',
  'app.skip': 'Skip to content',
  'app.loading': 'Loading…',
  'app.language': 'Language',
  'app.languageNotSaved': 'The page has switched, but your account\'s language could not be saved: rekam still mails you in the previous language.',
  'app.languageRetry': 'Try again',
  'app.nav': 'Main menu',
  'app.notFound': 'This page does not exist.',
  'app.home': 'Go to the start page',

  'nav.records': 'My records',
  'nav.patientProfile': 'My patient profile',
  'nav.doctorProfile': 'My doctor profile',
  'nav.patients': 'Patients',
  'nav.users': 'Users',
  'nav.events': 'Security events',
  'nav.account': 'My account',
  'nav.sessions': 'My sessions',
  'nav.history': 'Sign-in history',
  'nav.signOut': 'Sign out',

  ...signInEn,
  ...accountEn,
  ...recordsEn,
  ...profilesEn,
  ...adminEn,

  'pager.previous': 'Previous page',
  'pager.next': 'Next page',
  'pager.label': 'Page {page} of {pages}',

  'error.NETWORK': 'The server cannot be reached. Check your connection and try again.',
  'error.UNKNOWN': 'Something went wrong. Please try again.',
  ...mfaEn,
  ...stepUpEn,
  ...passkeyEn,
  ...inviteEn,
  ...resetEn,
  ...mailEn,
  ...accountMailEn,
  ...careEn,
  ...frontDeskEn,
  ...integrityEn,
  'error.fieldsTitle': 'Please check these fields:',
} as const

export type MessageKey = keyof typeof en
