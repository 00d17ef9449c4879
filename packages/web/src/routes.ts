import type { ComponentType } from 'preact';
import type { Role } from './auth.ts';
import type { PageProps } from './page-props.ts';
type PageModule = { default: ComponentType<PageProps> };

/** Each page is its own chunk: a phone downloads only the page it opens. */
export const ROUTES: ReadonlyArray<{ pattern: string; load: () => Promise<PageModule>; role?: Role }> = [
  { pattern: '/', load: () => import('./pages/home.tsx') },
  { pattern: '/sign-in', load: () => import('./pages/sign-in.tsx') },
  { pattern: '/signed-in', load: () => import('./pages/signed-in.tsx') },
  { pattern: '/check', load: () => import('./pages/check.tsx') },
  { pattern: '/insights', load: () => import('./pages/insights.tsx') },
  { pattern: '/standards', load: () => import('./pages/standards/list.tsx') },
  { pattern: '/standards/:id', load: () => import('./pages/standards/standard.tsx') },
  { pattern: '/careers', load: () => import('./pages/careers/list.tsx') },
  { pattern: '/careers/assessment', load: () => import('./pages/careers/assessment.tsx') },
  { pattern: '/careers/:id', load: () => import('./pages/careers/occupation.tsx') },
  { pattern: '/profile', load: () => import('./pages/profile.tsx'), role: 'graduate' },
  { pattern: '/matches', load: () => import('./pages/matches.tsx'), role: 'graduate' },
  { pattern: '/jobs/:id', load: () => import('./pages/job.tsx'), role: 'graduate' },
  { pattern: '/applications', load: () => import('./pages/applications.tsx'), role: 'graduate' },
  { pattern: '/notifications', load: () => import('./pages/notifications.tsx'), role: 'graduate' },
  { pattern: '/wallet', load: () => import('./pages/wallet.tsx'), role: 'graduate' },
  { pattern: '/account', load: () => import('./pages/account.tsx'), role: 'graduate' },
  { pattern: '/employer/jobs', load: () => import('./pages/employer/jobs.tsx'), role: 'employer' },
  { pattern: '/employer/jobs/new', load: () => import('./pages/employer/job-edit.tsx'), role: 'employer' },
  { pattern: '/employer/jobs/:id/edit', load: () => import('./pages/employer/job-edit.tsx'), role: 'employer' },
  {
    pattern: '/employer/jobs/:id/candidates',
    load: () => import('./pages/employer/candidates.tsx'),
    role: 'employer',
  },
  { pattern: '/employer/jobs/:id/applications', load: () => import('./pages/employer/board.tsx'), role: 'employer' },
  {
    pattern: '/employer/applications/:id',
    load: () => import('./pages/employer/application.tsx'),
    role: 'employer',
  },
  { pattern: '/employer/organisation', load: () => import('./pages/employer/organisation.tsx'), role: 'employer' },
  {
    pattern: '/employer/notifications',
    load: () => import('./pages/employer/notifications.tsx'),
    role: 'employer',
  },
  { pattern: '/fairs', load: () => import('./pages/fairs/list.tsx'), role: 'graduate' },
  { pattern: '/fairs/organise', load: () => import('./pages/fairs/organise.tsx'), role: 'organiser' },
  { pattern: '/fairs/booths', load: () => import('./pages/fairs/booths.tsx'), role: 'employer' },
  { pattern: '/fairs/:id', load: () => import('./pages/fairs/fair.tsx'), role: 'graduate' },
  { pattern: '/fairs/:id/report', load: () => import('./pages/fairs/report.tsx'), role: 'organiser' },
  { pattern: '/courses', load: () => import('./pages/courses/list.tsx'), role: 'graduate' },
  { pattern: '/issuer/courses', load: () => import('./pages/courses/issuer-courses.tsx'), role: 'issuer' },
  { pattern: '/issuer/courses/new', load: () => import('./pages/courses/editor.tsx'), role: 'issuer' },
  { pattern: '/issuer/courses/:id/edit', load: () => import('./pages/courses/editor.tsx'), role: 'issuer' },
  { pattern: '/issuer/courses/:id/roster', load: () => import('./pages/courses/roster.tsx'), role: 'issuer' },
  { pattern: '/issuer', load: () => import('./pages/issuer/organisation.tsx'), role: 'issuer' },
  { pattern: '/issuer/templates', load: () => import('./pages/issuer/templates.tsx'), role: 'issuer' },
  { pattern: '/issuer/issue', load: () => import('./pages/issuer/issue.tsx'), role: 'issuer' },
  { pattern: '/issuer/batch', load: () => import('./pages/issuer/batch.tsx'), role: 'issuer' },
  { pattern: '/issuer/credentials', load: () => import('./pages/issuer/credentials.tsx'), role: 'issuer' },
  { pattern: '/issuer/standards', load: () => import('./pages/issuer/standards.tsx'), role: 'issuer' },
  { pattern: '/admin', load: () => import('./pages/admin/admin.tsx'), role: 'admin' },
  // Local only: the API behind it exists only under `npm start` (elsewhere the page says so).
  { pattern: '/dev/mailbox', load: () => import('./pages/dev-mailbox.tsx') },
];
