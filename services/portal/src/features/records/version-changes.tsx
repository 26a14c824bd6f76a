import { Fragment } from 'react'
import { useI18n } from '../../lib/i18n/provider.js'
import { CONTENT_FIELDS, type RecordContent } from './api.js'
import { FIELD_LABELS } from './field-labels.js'
import { WordDiff } from './word-diff.js'

/** The fields whose value differs between two contents, in the record's order. */
export function changedFields (before: RecordContent, after: RecordContent) {
  return CONTENT_FIELDS.filter((field) => (before[field] ?? '') !== (after[field] ?? ''))
}

/** What changed from one version to the next, field by field, each text word by word. */
export function VersionChanges ({ before, after, caption }: { before: RecordContent, after: RecordContent, caption: string }) {
  const { t, day } = useI18n()
  const fields = changedFields(before, after)
  if (fields.length === 0) return <p className='muted'>{t('versions.noChanges')}</p>
  const text = (field: typeof fields[number], content: RecordContent) =>
    field === 'visitDate' ? day(content.visitDate) : content[field] ?? ''
  return (
    <div className='table-wrap'>
      <table className='changes'>
        <caption>{caption}</caption>
        <thead>
          <tr><th scope='col'>{t('versions.field')}</th><th scope='col'>{t('versions.change')}</th></tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field}>
              <th scope='row'>{t(FIELD_LABELS[field])}</th>
              <td><WordDiff before={text(field, before)} after={text(field, after)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** A version's whole content, for the first one. */
export function VersionContent ({ content }: { content: RecordContent }) {
  const { t, day } = useI18n()
  return (
    <dl className='facts'>
      {CONTENT_FIELDS.map((field) => (
        <Fragment key={field}>
          <dt>{t(FIELD_LABELS[field])}</dt>
          <dd>{field === 'visitDate' ? day(content.visitDate) : content[field] ?? t('versions.empty')}</dd>
        </Fragment>
      ))}
    </dl>
  )
}
