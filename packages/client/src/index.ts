export { createRekamClient, type RekamClient, type RekamClientOptions } from './client.js'
export { isStepUpRequired, RekamApiError, unwrap } from './errors.js'
export type { StepUpChallenge } from './step-up.js'
export type {
  AuthPaths, Delivery, MfaMethod, PasskeyAssertion, PasskeyAttestation, ReauthenticateInput, RecordsPaths, SecondStep, Registered, RegisterInput, SessionState, SignedOutReason, SignInCredentials, SignOutScope, User,
} from './types.js'
export type { components as AuthComponents } from './generated/auth.js'
export type { components as RecordsComponents } from './generated/records.js'
export type { ChannelLike, LockManagerLike, Tabs } from './cross-tab.js'
export {
  canonicalRecordPayload, RECORD_SIGNATURE_TYPE, signedRecordPayload, verifyRecordSignature, type SignableRecord, type SignableVersion, type SignatureCheck, type SignedContent, type SignedRecordPayload,
} from './record-signature.js'
