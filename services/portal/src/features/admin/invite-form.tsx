import { unwrap } from '@rekam/client'
import { useId, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field, Select } from '../../components/ui/field.js'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../lib/i18n/catalog.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam, type User } from '../../lib/rekam.js'

const EMPTY = { username: '', email: '', fullName: '', role: 'DOCTOR' as 'DOCTOR' | 'ADMIN' }

/**
 * An admin invites a doctor or another admin: the account is made without a password and its
 * owner gets a mail with a one-time link to choose one. The admin never sees the link.
 */
export function InviteForm ({ onInvited }: { onInvited (user: User): void }) {
  const { t, language } = useI18n()
  const titleId = useId()
  const [form, setForm] = useState(EMPTY)
  // The invitation's language (and the account's later mail): the admin's own unless chosen.
  const [locale, setLocale] = useState<Language>(language)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const set = (key: 'username' | 'email' | 'fullName') => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value })

  async function submit (event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const body = { ...form, username: form.username.trim(), email: form.email.trim(), fullName: form.fullName.trim(), locale }
      const { user } = unwrap(await rekam.auth.POST('/api/users', { body }))
      setForm(EMPTY)
      setLocale(language)
      onInvited(user)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className='card' onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className='card-title'>{t('invite.title')}</h2>
      <p>{t('invite.intro')}</p>
      <ErrorAlert error={error} fields={{ username: t('register.username'), email: t('register.email'), fullName: t('register.fullName'), role: t('users.role') }} />
      <div className='grid-2'>
        <Field label={t('register.fullName')} autoComplete='off' required value={form.fullName} onChange={set('fullName')} />
        <Field label={t('register.username')} hint={t('register.usernameHint')} autoComplete='off' required value={form.username} onChange={set('username')} />
        <Field label={t('register.email')} type='email' autoComplete='off' required value={form.email} onChange={set('email')} />
        <Select label={t('users.role')} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value === 'ADMIN' ? 'ADMIN' : 'DOCTOR' })}>
          <option value='DOCTOR'>{t('role.DOCTOR')}</option>
          <option value='ADMIN'>{t('role.ADMIN')}</option>
        </Select>
        <Select label={t('invite.language')} value={locale} onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'id')}>
          {LANGUAGES.map((l) => <option key={l} value={l} lang={l}>{LANGUAGE_NAMES[l]}</option>)}
        </Select>
      </div>
      <button type='submit' className='primary' disabled={busy}>{t('invite.submit')}</button>
    </form>
  )
}
