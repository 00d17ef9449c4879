import type { Role } from './auth.ts';
import type { MessageKey } from './messages/en/index.ts';

export type NavEntry = readonly [href: string, label: MessageKey];

/** Each role's own pages in the header, in the order a person of that role uses them. */
export const NAV: Record<Role, readonly NavEntry[]> = {
  graduate: [
    ['/matches', 'nav.matches'],
    ['/profile', 'nav.profile'],
    ['/applications', 'nav.applications'],
    ['/notifications', 'nav.notifications'],
    ['/wallet', 'nav.wallet'],
    ['/account', 'nav.account'],
  ],
  employer: [],
  issuer: [],
  admin: [['/admin', 'nav.admin']],
};

/** Where a role lands after signing in when it asked for no page in particular. */
export const HOME: Record<Role, string> = {
  graduate: '/matches',
  employer: '/',
  issuer: '/',
  admin: '/admin',
};
