import { ROLES } from '@rekam/auth-verify'
import { pgEnum } from 'drizzle-orm/pg-core'

export const genderEnum = pgEnum('gender', ['MALE', 'FEMALE', 'OTHER'])
/** The roles of the access tokens (auth-verify's list): an audit row names its actor's. */
export const roleEnum = pgEnum('role', ROLES)
/** What an audit row says was done; the API's AccessActionSchema is derived from it. */
export const accessActionEnum = pgEnum('access_action', ['READ', 'CREATE', 'UPDATE', 'DELETE', 'SIGN', 'AMEND'])
/**
 * Why an audit row's actor touched the data: their own data (PATIENT), an admin's duty (ADMIN),
 * a doctor in care (TREATMENT), a doctor under an emergency grant (EMERGENCY), or the front desk
 * finding a returning patient (INTAKE). A DENIED row carries the purpose the actor would have had.
 */
export const accessPurposeEnum = pgEnum('access_purpose', ['TREATMENT', 'EMERGENCY', 'PATIENT', 'ADMIN', 'INTAKE'])
export const accessOutcomeEnum = pgEnum('access_outcome', ['ALLOWED', 'DENIED'])
/** How a doctor came to be in a patient's care. */
export const careSourceEnum = pgEnum('care_source', ['REGISTERED', 'AUTHORED', 'ASSIGNED', 'GRANTED', 'REFERRED'])
/** An admin's verdict on an emergency (break-the-glass) access. */
export const emergencyReviewOutcomeEnum = pgEnum('emergency_review_outcome', ['APPROPRIATE', 'INAPPROPRIATE'])

/** A record is a draft (its author changes it), final (signed: changed only by amendment) or entered in error (hidden, kept). */
export const recordStatusEnum = pgEnum('record_status', ['draft', 'final', 'entered-in-error'])
/** What made a record version. */
export const recordVersionKindEnum = pgEnum('record_version_kind', ['CREATED', 'UPDATED', 'SIGNED', 'AMENDED', 'ENTERED_IN_ERROR'])
export const amendmentRequestStatusEnum = pgEnum('amendment_request_status', ['PENDING', 'ACCEPTED', 'DECLINED'])

export type RecordStatus = (typeof recordStatusEnum.enumValues)[number]
export type RecordVersionKind = (typeof recordVersionKindEnum.enumValues)[number]
export type AccessPurpose = (typeof accessPurposeEnum.enumValues)[number]
