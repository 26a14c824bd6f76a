import { RekamApiError, unwrap } from '@rekam/client'
import { useId, useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field, Select, TextArea } from '../../components/ui/field.js'
import { Page } from '../../components/ui/page.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam } from '../../lib/rekam.js'
import { IntakeList, intakeSearch, type PatientIntake } from './intake-search.js'

type Gender = 'MALE' | 'FEMALE' | 'OTHER'
const GENDERS: Gender[] = ['MALE', 'FEMALE', 'OTHER']
const EMPTY = { fullName: '', dateOfBirth: '', gender: '', phone: '', address: '', email: '', nik: '', bpjsNumber: '' }
type Draft = typeof EMPTY

/** One space between words: the name as the service stores and compares it. */
const name = (value: string) => value.trim().replace(/\s+/g, ' ')
/** Digits only: a NIK or BPJS number is often copied with spaces or dots. */
const digits = (value: string) => value.replace(/[\s.-]/g, '')

/** What the registrar is shown when the service refuses the registration. */
type Refusal =
  | { kind: 'duplicates', items: PatientIntake[] }
  | { kind: 'taken', items: PatientIntake[] }
  | { kind: 'error', error: unknown }

/**
 * Front-desk registration of a walk-in patient (doctors and admins). A similar name with the same
 * date of birth is answered 409 POSSIBLE_DUPLICATE: the page lists those patients (intake search by
 * name and birth date) and the registrar opens one or registers anyway. A NIK or BPJS number
 * registered already is a 409 CONFLICT: the page shows whose it is (intake search by that number).
 */
export function RegisterPatientPage () {
  const { t } = useI18n()
  const navigate = useNavigate()
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<Refusal>()
  const refusalId = useId()
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => {
    setDraft({ ...draft, [key]: e.target.value })
    if (refusal?.kind !== 'error') setRefusal(undefined)
  }

  async function register (confirmDuplicates: boolean) {
    setBusy(true)
    setRefusal(undefined)
    const nik = digits(draft.nik)
    const bpjsNumber = digits(draft.bpjsNumber)
    try {
      const { patient } = unwrap(await rekam.records.POST('/api/patients', {
        body: {
          fullName: name(draft.fullName),
          dateOfBirth: draft.dateOfBirth,
          nik,
          ...(draft.gender ? { gender: draft.gender as Gender } : {}),
          ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
          ...(draft.address.trim() ? { address: draft.address.trim() } : {}),
          ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
          ...(bpjsNumber ? { bpjsNumber } : {}),
          ...(confirmDuplicates ? { confirmDuplicates: true } : {}),
        },
      }))
      navigate(`/patients/${patient.id}`, { state: { registered: { name: patient.fullName, mrn: patient.mrn } } })
      return
    } catch (error) {
      setRefusal(await explain(error, { fullName: name(draft.fullName), dateOfBirth: draft.dateOfBirth, nik, bpjsNumber }))
    }
    setBusy(false)
  }

  async function submit (event: FormEvent) {
    event.preventDefault()
    await register(false)
  }

  const fields = {
    fullName: t('patient.fullName'),
    dateOfBirth: t('patient.dateOfBirth'),
    gender: t('patient.gender'),
    phone: t('patient.phone'),
    address: t('patient.address'),
    email: t('frontDesk.email'),
    nik: t('frontDesk.nik'),
    bpjsNumber: t('frontDesk.bpjs'),
  }
  return (
    <Page title={t('frontDesk.title')}>
      <p>{t('frontDesk.intro')}</p>
      <div className='grid-2'>
        <form className='card' aria-labelledby='front-desk-form' onSubmit={submit} noValidate>
          <h2 id='front-desk-form' className='visually-hidden'>{t('frontDesk.title')}</h2>
          {refusal?.kind === 'error' && <ErrorAlert error={refusal.error} fields={fields} />}
          <Field label={fields.fullName} autoComplete='off' required value={draft.fullName} onChange={set('fullName')} />
          <Field label={fields.dateOfBirth} type='date' autoComplete='off' required value={draft.dateOfBirth} onChange={set('dateOfBirth')} />
          <Select label={fields.gender} value={draft.gender} onChange={set('gender')}>
            <option value=''>{t('patient.gender.none')}</option>
            {GENDERS.map((g) => <option key={g} value={g}>{t(`patient.gender.${g}`)}</option>)}
          </Select>
          <Field label={fields.nik} hint={t('frontDesk.nikHint')} inputMode='numeric' autoComplete='off' maxLength={24} required value={draft.nik} onChange={set('nik')} />
          <Field label={fields.bpjsNumber} hint={t('frontDesk.bpjsHint')} inputMode='numeric' autoComplete='off' maxLength={20} value={draft.bpjsNumber} onChange={set('bpjsNumber')} />
          <Field label={fields.phone} type='tel' autoComplete='off' value={draft.phone} onChange={set('phone')} />
          <Field label={fields.email} type='email' autoComplete='off' value={draft.email} onChange={set('email')} />
          <TextArea label={fields.address} autoComplete='off' value={draft.address} onChange={set('address')} />
          <button type='submit' className='primary' disabled={busy}>{t('frontDesk.submit')}</button>
        </form>
        {refusal && refusal.kind !== 'error' && (
          <section className='card warning' aria-labelledby={refusalId}>
            <div role='alert'>
              <h2 id={refusalId}>{refusal.kind === 'duplicates' ? t('frontDesk.duplicatesTitle') : t('frontDesk.takenTitle')}</h2>
              <p>{refusal.kind === 'duplicates' ? t('frontDesk.duplicatesIntro') : t('frontDesk.taken')}</p>
            </div>
            {refusal.items.length > 0 && <IntakeList items={refusal.items} title={t('intake.results')} />}
            {refusal.kind === 'duplicates' && (
              <button type='button' onClick={() => register(true)} disabled={busy}>{t('frontDesk.registerAnyway')}</button>
            )}
          </section>
        )}
      </div>
    </Page>
  )
}

/**
 * The refusal in the registrar's terms: the possible duplicates, or whose NIK or BPJS number it
 * is; any other error (or a search that finds nothing to show) as the error it is.
 */
async function explain (error: unknown, draft: { fullName: string, dateOfBirth: string, nik: string, bpjsNumber: string }): Promise<Refusal> {
  if (!(error instanceof RekamApiError)) return { kind: 'error', error }
  try {
    if (error.code === 'POSSIBLE_DUPLICATE') {
      return { kind: 'duplicates', items: await intakeSearch({ fullName: draft.fullName, dateOfBirth: draft.dateOfBirth }).catch(() => []) }
    }
    if (error.code === 'CONFLICT') {
      const byNik = await intakeSearch({ nik: draft.nik })
      const items = byNik.length > 0 || !draft.bpjsNumber ? byNik : await intakeSearch({ bpjsNumber: draft.bpjsNumber })
      if (items.length > 0) return { kind: 'taken', items }
    }
  } catch {
    // The search failed too: the registration's own error says what happened.
  }
  return { kind: 'error', error }
}
