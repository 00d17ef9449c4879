import type { ComponentType } from 'preact';
import type { PageProps } from './page-props.ts';
type PageModule = { default: ComponentType<PageProps> };

/** Each page is its own chunk: a phone downloads only the page it opens. */
export const ROUTES: ReadonlyArray<{ pattern: string; load: () => Promise<PageModule>; graduate?: true }> = [
  { pattern: '/', load: () => import('./pages/home.tsx') },
  { pattern: '/sign-in', load: () => import('./pages/sign-in.tsx') },
  { pattern: '/signed-in', load: () => import('./pages/signed-in.tsx') },
  { pattern: '/check', load: () => import('./pages/check.tsx') },
  { pattern: '/profile', load: () => import('./pages/profile.tsx'), graduate: true },
  { pattern: '/matches', load: () => import('./pages/matches.tsx'), graduate: true },
  { pattern: '/jobs/:id', load: () => import('./pages/job.tsx'), graduate: true },
  { pattern: '/applications', load: () => import('./pages/applications.tsx'), graduate: true },
  { pattern: '/notifications', load: () => import('./pages/notifications.tsx'), graduate: true },
  { pattern: '/wallet', load: () => import('./pages/wallet.tsx'), graduate: true },
  { pattern: '/account', load: () => import('./pages/account.tsx'), graduate: true },
];
