/**
 * The demo accounts of DESIGN.md. Ids are fixed so that records-service's demo profiles can
 * point at the same auth users without calling auth-service. Created only in demo mode.
 */
export type DemoRole = 'PATIENT' | 'DOCTOR' | 'ADMIN'

export interface DemoAccount {
  id: string
  username: string
  email: string
  password: string
  fullName: string
  role: DemoRole
  /**
   * Staff only: the base32 secret of the TOTP authenticator the account comes with (their role
   * requires a second factor). Public on purpose, like the passwords: demo mode only.
   */
  totpSecret?: string
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { id: '0b6f1c52-5a3e-4d0e-9a53-000000000001', username: 'admin', email: 'admin@rekam.local', password: 'admin-demo-123', fullName: 'Rekam Administrator', role: 'ADMIN', totpSecret: 'REKAMDEMOADMINTOTPSECRET23456722' },
  { id: '0b6f1c52-5a3e-4d0e-9a53-000000000002', username: 'dr.sari', email: 'dr.sari@rekam.local', password: 'doctor-demo-123', fullName: 'dr. Sari Wulandari', role: 'DOCTOR', totpSecret: 'REKAMDEMODRSARITOTPSECRET2345672' },
  { id: '0b6f1c52-5a3e-4d0e-9a53-000000000003', username: 'dr.budi', email: 'dr.budi@rekam.local', password: 'doctor-demo-123', fullName: 'dr. Budi Santoso', role: 'DOCTOR', totpSecret: 'REKAMDEMODRBUDITOTPSECRET2345672' },
  { id: '0b6f1c52-5a3e-4d0e-9a53-000000000004', username: 'andi', email: 'andi@rekam.local', password: 'patient-demo-123', fullName: 'Andi Pratama', role: 'PATIENT' },
  { id: '0b6f1c52-5a3e-4d0e-9a53-000000000005', username: 'siti', email: 'siti@rekam.local', password: 'patient-demo-123', fullName: 'Siti Rahmawati', role: 'PATIENT' },
]

/**
 * Identity numbers of the demo patients (made up, in the NIK layout: region, birth date with 40
 * added to the day for women, serial), by username, and one walk-in patient registered at the
 * front desk without an account (to try intake search and claim codes). Demo mode only.
 */
export const DEMO_PATIENT_NUMBERS: Readonly<Record<string, { nik: string, bpjsNumber: string | null }>> = {
  andi: { nik: '3471011204900001', bpjsNumber: '0001234500001' },
  siti: { nik: '3372017009850002', bpjsNumber: null },
}

export const DEMO_WALK_IN_PATIENT = {
  fullName: 'Wayan Sudarma',
  dateOfBirth: '1958-11-03',
  gender: 'MALE',
  phone: '+62 813 0000 0003',
  address: 'Jl. Gajah Mada 5, Denpasar',
  nik: '5171010311580003',
  bpjsNumber: '0001234500003',
  /** The demo doctor who registered them (and so has them in care). */
  registeredBy: 'dr.sari',
} as const
