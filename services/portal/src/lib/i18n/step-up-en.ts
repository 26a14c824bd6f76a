/** English messages of the step-up dialog, the idle warning and the admin's factor reset. */
export const stepUpEn = {
  'stepUp.title': 'Confirm it is you',
  'stepUp.intro': 'This change needs a recent sign-in. Enter your password to continue.',
  'stepUp.introFactor': 'This change needs a recent sign-in with your second factor. Enter your password and a code.',
  'stepUp.password': 'Password',
  'stepUp.submit': 'Confirm',
  'stepUp.cancel': 'Cancel',
  'idle.title': 'Are you still there?',
  'idle.text': 'Nothing has happened for a while: to protect patient records, you will be signed out at {time}.',
  'idle.stay': 'Stay signed in',
  'sessions.signOutEverywhere': 'Sign out everywhere',
  'sessions.allSignedOut': 'Every session, this one too, was signed out.',
  'users.resetFactors': 'Reset second factors',
  'users.confirmReset': 'Reset the second factors of {name}? They must set up a new one at their next sign-in.',
  'users.factorsReset': 'The second factors of {name} were reset.',
} as const
