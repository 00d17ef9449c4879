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
    ['/fairs', 'nav.fairs'],
    ['/courses', 'nav.courses'],
    ['/account', 'nav.account'],
  ],
  employer: [
    ['/employer/jobs', 'nav.employer.jobs'],
    ['/employer/organisation', 'nav.employer.organisation'],
    ['/fairs/booths', 'nav.fairs.booths'],
    ['/employer/notifications', 'nav.employer.notifications'],
  ],
  issuer: [
    ['/issuer', 'nav.issuer.organisation'],
    ['/issuer/templates', 'nav.issuer.templates'],
    ['/issuer/issue', 'nav.issuer.issue'],
    ['/issuer/batch', 'nav.issuer.batch'],
    ['/issuer/credentials', 'nav.issuer.credentials'],
    ['/issuer/courses', 'nav.issuer.courses'],
    ['/issuer/standards', 'nav.issuer.standards'],
  ],
  organiser: [['/fairs/organise', 'nav.fairs.organise']],
  admin: [['/admin', 'nav.admin']],
};

/** Where a role lands after signing in when it asked for no page in particular. */
export const HOME: Record<Role, string> = {
  graduate: '/matches',
  employer: '/employer/jobs',
  issuer: '/issuer',
  organiser: '/fairs/organise',
  admin: '/admin',
};
