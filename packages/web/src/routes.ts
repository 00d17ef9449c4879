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
  { pattern: '/profile', load: () => import('./pages/profile.tsx'), role: 'graduate' },
  { pattern: '/matches', load: () => import('./pages/matches.tsx'), role: 'graduate' },
  { pattern: '/jobs/:id', load: () => import('./pages/job.tsx'), role: 'graduate' },
  { pattern: '/applications', load: () => import('./pages/applications.tsx'), role: 'graduate' },
  { pattern: '/notifications', load: () => import('./pages/notifications.tsx'), role: 'graduate' },
  { pattern: '/wallet', load: () => import('./pages/wallet.tsx'), role: 'graduate' },
  { pattern: '/account', load: () => import('./pages/account.tsx'), role: 'graduate' },
  { pattern: '/admin', load: () => import('./pages/admin/admin.tsx'), role: 'admin' },
  // Local only: the API behind it exists only under `npm start` (elsewhere the page says so).
  { pattern: '/dev/mailbox', load: () => import('./pages/dev-mailbox.tsx') },
];
