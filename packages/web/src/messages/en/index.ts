import { admin } from './admin.ts';
import { careers } from './careers.ts';
import { check } from './check.ts';
import { common } from './common.ts';
import { courses } from './courses.ts';
import { employer } from './employer.ts';
import { fairs } from './fairs.ts';
import { graduate } from './graduate.ts';
import { issuer } from './issuer.ts';
import { insights } from './insights.ts';
import { signIn } from './sign-in.ts';
import { standards } from './standards.ts';
import { walletApp } from './wallet-app.ts';

/** Every UI string in English, by area; the Chinese catalogue has exactly the same keys. */
export const en = {
  ...common,
  ...signIn,
  ...check,
  ...graduate,
  ...walletApp,
  ...employer,
  ...fairs,
  ...courses,
  ...issuer,
  ...insights,
  ...admin,
  ...standards,
  ...careers,
};
export type MessageKey = keyof typeof en;
