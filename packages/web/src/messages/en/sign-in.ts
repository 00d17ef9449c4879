export const signIn = {
  'signIn.title': 'Sign in',
  'signIn.local.body':
    'This is a local skillpass: choose who you are and type a name. The same name signs you in to the same account.',
  'signIn.role.legend': 'I am',
  'signIn.role.graduate': 'a graduate looking for work',
  'signIn.role.employer': 'an employer',
  'signIn.role.issuer': 'a school or training centre',
  'signIn.role.admin': 'an administrator',
  'signIn.name.label': 'Name',
  'signIn.name.hint': 'For example Li Wei or demo-graduate (the demo graduate with a ready profile).',
  'signIn.error.name': 'Enter a name, for example Li Wei.',
  'signIn.error.failed': 'Sign-in did not work. Try again in a moment.',
  'signIn.error.callback': 'Sign-in was not completed. Start again from the sign-in page.',
  'signIn.cognito.body': 'You sign in on the skillpass sign-in page and come straight back here.',
  'signIn.cognito.button': 'Continue to sign-in',
} as const;
