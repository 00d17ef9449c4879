/** Joint job fairs: the organiser's, the employer's and the graduate's pages, and the organiser role. */
export const fairs = {
  'nav.fairs': 'Job fairs',
  'nav.fairs.booths': 'My fair booths',
  'nav.fairs.organise': 'Organise fairs',
  'signIn.role.organiser': 'a public employment service (fair organiser)',
  'common.organiserOnly.title': 'This page is for fair organisers',
  'common.organiserOnly.body': 'Sign in with an organiser account to create job fairs and read their reports.',
};
