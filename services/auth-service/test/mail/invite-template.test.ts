import t from 'tap'
import { renderTemplate } from '../../src/mail/templates/index.js'
import { clinicName } from '../../src/services/invite-mail.js'

/** The invite mail's words: the expiry in the clinic's time, the second factor only for roles that need one, names escaped. */
const params = {
  name: 'dr. Rina <Wijaya>',
  username: 'dr.rina',
  role: 'DOCTOR' as const,
  invitedBy: 'Rekam Administrator',
  clinic: 'Klinik Sehat',
  url: 'https://clinic.example/set-password#token=abc',
  expiresAt: '2026-03-09T05:30:00.000Z',
  validHours: 72,
  secondFactor: true,
}

t.test('both languages say who, where, the link and until when (WIB)', async (t) => {
  const id = renderTemplate('invite', 'id', params)
  t.match(id.text, 'Tautan ini berlaku 72 jam, sampai 9 Maret 2026 pukul 12.30 WIB, dan hanya dapat dipakai sekali.')
  t.match(id.text, 'Buat kata sandi:\nhttps://clinic.example/set-password#token=abc\n')
  const en = renderTemplate('invite', 'en', params)
  t.equal(en.subject, 'Your invitation to rekam at Klinik Sehat')
  t.match(en.text, 'Rekam Administrator invited you to join Klinik Sehat on rekam, the clinic\'s medical records system, as a doctor. Your username: dr.rina.')
  t.match(en.text, 'The link works for 72 hours, until 9 March 2026 at 12:30 WIB, and only once.')
  t.match(en.text, 'At your first sign-in you will set up a second factor')
  t.ok(en.html.includes('Hello dr. Rina &lt;Wijaya&gt;,'), 'names are escaped in HTML')
})

t.test('no second-factor sentence for a role that signs in without one', async (t) => {
  for (const locale of ['id', 'en'] as const) {
    const { text } = renderTemplate('invite', locale, { ...params, secondFactor: false })
    t.notMatch(text, /faktor kedua|second factor/, locale)
  }
})

t.test('the clinic is MFA_ISSUER, or PUBLIC_URL\'s host while that is the default', async (t) => {
  t.equal(clinicName({ MFA_ISSUER: 'Klinik Sehat', PUBLIC_URL: 'https://clinic.example' }), 'Klinik Sehat')
  t.equal(clinicName({ MFA_ISSUER: 'rekam', PUBLIC_URL: 'https://rekam.clinic.example:8443/portal' }), 'rekam.clinic.example:8443')
})
