import { unwrap } from '@rekam/client'
import { Select } from '../ui/field.js'
import { ErrorAlert } from '../ui/error-alert.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { useLoad } from '../../lib/use-load.js'

export interface DoctorChoice {
  id: string
  fullName: string
  specialization: string
}

/**
 * A doctor of the clinic, chosen by name and specialization (`GET /api/doctors`, a clinic's
 * hundred at most); `exclude`: doctors not to offer (those in the team already).
 */
export function DoctorSelect ({ label, value, onChange, exclude = [] }: { label: string, value: string, onChange (doctor: DoctorChoice | undefined): void, exclude?: string[] }) {
  const { t } = useI18n()
  const doctors = useLoad(async () => unwrap(await rekam.records.GET('/api/doctors', { params: { query: { page: 1, limit: 100 } } })).items, 'doctors')
  const choices = (doctors.data ?? []).filter((d) => !exclude.includes(d.id))
  return (
    <>
      <ErrorAlert error={doctors.error} />
      <Select label={label} required value={value} onChange={(e) => onChange(choices.find((d) => d.id === e.target.value))}>
        <option value=''>{t('care.chooseDoctor')}</option>
        {choices.map((d) => <option key={d.id} value={d.id}>{d.fullName} · {d.specialization}</option>)}
      </Select>
    </>
  )
}
