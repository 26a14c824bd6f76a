/** English messages of signing in and of registering as a patient. */
export const signInEn = {
  'signIn.title': 'Sign in',
  'signIn.identifier': 'Username or email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.busy': 'Signing in…',
  'signIn.noAccount': 'No account yet?',
  'signIn.register': 'Register as a patient',
  'signIn.reason.SIGNED_OUT': 'You have signed out.',
  'signIn.reason.TOKEN_REVOKED': 'Your session was ended (signed out elsewhere or revoked). Please sign in again.',
  'signIn.reason.ACCOUNT_BLOCKED': 'Your account has been blocked. Contact the clinic.',
  'signIn.reason.SESSION_EXPIRED': 'Your session has expired. Please sign in again.',

  'register.title': 'Register as a patient',
  'register.username': 'Username',
  'register.usernameHint': '3 to 32 letters, digits, dots, dashes or underscores',
  'register.email': 'Email',
  'register.fullName': 'Full name',
  'register.password': 'Password',
  'register.passwordHint': 'At least 8 characters',
  'register.submit': 'Create account',
  'register.haveAccount': 'Already have an account?',
} as const
