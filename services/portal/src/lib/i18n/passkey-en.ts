/** English messages of passkeys (account section, sign-in without a password, second step, enrolment). */
export const passkeyEn = {
  // The passkey button's name must not contain the password form's "Sign in" ("Masuk"): a person
  // and a locator reading "Sign in" should find one button.
  'passkey.title': 'Passkeys',
  'passkey.intro': 'A passkey signs you in with this device\'s fingerprint, face or screen lock, or with a security key: nothing to type, nothing to steal.',
  'passkey.add': 'Add a passkey',
  'passkey.name': 'Passkey name',
  'passkey.nameHint': 'To tell your passkeys apart, such as "Work laptop" or "Phone".',
  'passkey.create': 'Create the passkey',
  'passkey.cancel': 'Cancel',
  'passkey.added': 'Passkey added.',
  'passkey.cancelled': 'The passkey dialog closed before it finished. Try again when you are ready.',
  'passkey.known': 'This device already holds one of your passkeys.',
  'passkey.unknown': 'This passkey does not open an account here (it may have been removed). Sign in with your password instead.',
  'passkey.failed': 'The passkey could not be verified. Please try again.',
  'passkey.signIn': 'Continue with a passkey',
  'passkey.signInBusy': 'Waiting for your passkey…',
  'passkey.or': 'Or sign in with your password:',
  'passkey.step.intro': 'Confirm it is you with your passkey.',
  'passkey.step.use': 'Use a passkey',
  'passkey.step.orCode': 'Or enter a code:',
  'passkey.enrol.start': 'Set up a passkey',
} as const
