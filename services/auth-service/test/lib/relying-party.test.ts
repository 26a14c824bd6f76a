import t from 'tap'
import { relyingParty } from '../../src/lib/relying-party.js'

const base = { PUBLIC_URL: 'https://clinic.example:8443/rekam', MFA_ISSUER: 'Klinik Sehat', WEBAUTHN_RP_ID: undefined, WEBAUTHN_ORIGINS: undefined }

t.test('PUBLIC_URL gives the RP ID (its host name) and the one origin', async (t) => {
  t.strictSame(relyingParty(base), { id: 'clinic.example', name: 'Klinik Sehat', origins: ['https://clinic.example:8443'] })
})

t.test('WEBAUTHN_RP_ID and WEBAUTHN_ORIGINS override it; origins lose any path', async (t) => {
  t.strictSame(relyingParty({ ...base, WEBAUTHN_RP_ID: 'example', WEBAUTHN_ORIGINS: 'https://a.example,https://b.example:444' }), {
    id: 'example',
    name: 'Klinik Sehat',
    origins: ['https://a.example', 'https://b.example:444'],
  })
})
