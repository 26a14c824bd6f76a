import { useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { TextArea } from '../../components/ui/field.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { requestAmendment } from './api.js'

const TEXT_MIN = 3
const TEXT_MAX = 2000

/** The patient asks the record's author for a correction. */
export function RequestForm ({ recordId, onSent }: { recordId: string, onSent (): void }) {
  const { t } = useI18n()
  const [text, setText] = useState('')
  const [tooShort, setTooShort] = useState(false)
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)

  async function submit (event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    setTooShort(text.trim().length < TEXT_MIN)
    if (text.trim().length < TEXT_MIN) return
    setBusy(true)
    try {
      await requestAmendment(recordId, text.trim())
      setText('')
      onSent()
    } catch (err) {
      setError(err)
    }
    setBusy(false)
  }

  return (
    <form className='card' onSubmit={submit} noValidate aria-labelledby='request-form-title'>
      <h3 id='request-form-title'>{t('requests.askTitle')}</h3>
      <p>{t('requests.askIntro')}</p>
      {tooShort && <p className='alert alert-error' role='alert'>{t('requests.textShort')}</p>}
      <ErrorAlert error={error} fields={{ text: t('requests.text') }} />
      <TextArea label={t('requests.text')} hint={t('requests.textHint')} required maxLength={TEXT_MAX} rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      <button type='submit' className='primary' disabled={busy}>{t('requests.send')}</button>
    </form>
  )
}
