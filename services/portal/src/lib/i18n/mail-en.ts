/** English messages of email verification: the link's page, "check your mail", resending, the account notice. */
export const mailEn = {
  'verifyEmail.title': 'Verify your email',
  'verifyEmail.working': 'Checking your link…',
  'verifyEmail.done': 'Your email address is verified. Thank you!',
  'verifyEmail.noToken': 'This page opens from the link in the mail we sent you. Open that link, or ask for a new one below.',
  'verifyEmail.continue': 'Continue to rekam',
  'verifyEmail.signIn': 'Sign in',
  'checkMail.title': 'Check your mail',
  'checkMail.sent': 'We sent a link to {email}. Open it to verify your email address; it works for 24 hours.',
  'checkMail.notVerified': 'Your email address is not verified yet. Open the link we mailed you, or ask for a new one.',
  'checkMail.signInAfter': 'You can sign in once your address is verified.',
  'checkMail.continue': 'Continue',
  'checkMail.backToSignIn': 'Back to sign in',
  'resend.email': 'Your email address',
  'resend.submit': 'Send a new link',
  'resend.sent': 'If this address belongs to an account that is not verified yet, a new link is on its way.',
  'account.unverified': 'Your email address is not verified yet: open the link we mailed you.',
}
