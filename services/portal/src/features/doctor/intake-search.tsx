import { unwrap } from '@rekam/client'
import { useId, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field, Select } from '../../components/ui/field.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'

/** Minimal demographics: what intake search and the duplicate check answer. */
export interface PatientIntake {
  id: string
  mrn: string
  fullName: string
  dateOfBirth: string
  gender: 'MALE' | 'FEMALE' | 'OTHER' | null
  claimed: boolean
}

type Kind = 'mrn' | 'nik' | 'bpjsNumber'
const KINDS: Kind[] = ['mrn', 'nik', 'bpjsNumber']

export type IntakeQuery = { mrn: string } | { nik: string } | { bpjsNumber: string } | { fullName: string, dateOfBirth: string }

/**
 * Intake search: a POST, so that a NIK never sits in an address, a history or a log line. The
 * service records every patient it returns (purpose INTAKE).
 */
export async function intakeSearch (query: IntakeQuery): Promise<PatientIntake[]> {
  return unwrap(await rekam.records.POST('/api/patients/intake-search', { body: query })).items
}

/** The patients found, each with their MRN and a link to their page. */
export function IntakeList ({ items, title }: { items: PatientIntake[], title: string }) {
  const { t, day } = useI18n()
  const titleId = useId()
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId} className='card-title'>{title}</h3>
      <ul className='intake-list'>
        {items.map((p) => (
          <li key={p.id}>
            <Link to={`/patients/${p.id}`} aria-label={`${t('intake.open')}: ${p.fullName}, ${p.mrn}`}>{p.fullName}</Link>
            {' · '}<span className='mrn'>{p.mrn}</span>
            {' · '}{t('patient.dateOfBirth')}: {day(p.dateOfBirth)}
            {p.gender && <>{' · '}{t(`patient.gender.${p.gender}`)}</>}
            {' · '}{p.claimed ? t('intake.claimed') : t('intake.unclaimed')}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** "Find a patient by number": an exact MRN, NIK or BPJS number, for a returning patient. */
export function IntakeSearch () {
  const { t } = useI18n()
  const titleId = useId()
  const [kind, setKind] = useState<Kind>('mrn')
  const [value, setValue] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ items?: PatientIntake[], error?: unknown }>({})

  async function submit (event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setResult({})
    try {
      const number = kind === 'mrn' ? value.trim().toUpperCase() : value.replace(/[\s.-]/g, '')
      setResult({ items: await intakeSearch({ [kind]: number } as IntakeQuery) })
    } catch (error) {
      setResult({ error })
    }
    setBusy(false)
  }

  const label = t(`intake.kind.${kind}`)
  return (
    <section className='card' aria-labelledby={titleId}>
      <h2 id={titleId}>{t('intake.title')}</h2>
      <p>{t('intake.intro')}</p>
      <form className='filters' role='search' aria-labelledby={titleId} onSubmit={submit} noValidate>
        <Select label={t('intake.kind')} value={kind} onChange={(e) => { setKind(e.target.value as Kind); setResult({}) }}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`intake.kind.${k}`)}</option>)}
        </Select>
        <Field label={label} inputMode={kind === 'mrn' ? 'text' : 'numeric'} autoComplete='off' spellCheck={false} required value={value} onChange={(e) => setValue(e.target.value)} />
        <button type='submit' disabled={busy}>{t('intake.submit')}</button>
      </form>
      <ErrorAlert error={result.error} fields={{ mrn: label, nik: label, bpjsNumber: label }} />
      <div aria-live='polite'>
        {result.items && result.items.length === 0 && <p>{t('intake.none')}</p>}
        {result.items && result.items.length > 0 && <IntakeList items={result.items} title={t('intake.results')} />}
      </div>
    </section>
  )
}
