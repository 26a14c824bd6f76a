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
