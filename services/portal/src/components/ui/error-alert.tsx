import { RekamApiError } from '@rekam/client'
import { useI18n } from '../../lib/i18n/provider.js'

interface Props {
  error: unknown
  /** Labels of the form's fields, by the names the API's validation details use. */
  fields?: Record<string, string>
}

/** The validation detail's field without its part of the request: `body.password` is `password`. */
function fieldName (field: string): string {
  const parts = field.replace(/^\/+/, '').split(/[./]/)
  if (['body', 'querystring', 'params', 'headers', 'request'].includes(parts[0] ?? '')) parts.shift()
  return parts[0] ?? field
}

/** An error in the user's language: the envelope's code as a sentence, with the fields to check. */
export function ErrorAlert ({ error, fields = {} }: Props) {
  const { t, errorText } = useI18n()
  if (!error) return null
  if (!(error instanceof RekamApiError)) {
    return <p className='alert alert-error' role='alert'>{error instanceof TypeError ? t('error.NETWORK') : t('error.UNKNOWN')}</p>
  }
  const details = (Array.isArray(error.details) ? error.details : []) as Array<{ field?: string }>
  const named = [...new Set(details.map((d) => fields[fieldName(d.field ?? '')]).filter((label): label is string => Boolean(label)))]
  return (
    <div className='alert alert-error' role='alert' data-code={error.code}>
      <p>{errorText(error.code)}</p>
      {named.length > 0 && (
        <>
          <p>{t('error.fieldsTitle')}</p>
          <ul>{named.map((label) => <li key={label}>{label}</li>)}</ul>
        </>
      )}
    </div>
  )
}
