import type { MessageKey } from '../../lib/i18n/en.js'
import type { ContentField } from './api.js'

/** The label of each content field, as the record page names it. */
export const FIELD_LABELS: Record<ContentField, MessageKey> = {
  visitDate: 'records.visitDate',
  complaint: 'records.complaint',
  diagnosis: 'records.diagnosis',
  treatment: 'records.treatment',
  prescription: 'records.prescription',
  notes: 'records.notes',
}
