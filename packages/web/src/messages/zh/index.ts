import type { MessageKey } from '../en/index.ts';
import { admin } from './admin.ts';
import { check } from './check.ts';
import { common } from './common.ts';
import { graduate } from './graduate.ts';
import { signIn } from './sign-in.ts';
import { walletApp } from './wallet-app.ts';

export const zh: Record<MessageKey, string> = { ...common, ...signIn, ...check, ...graduate, ...walletApp, ...admin };
