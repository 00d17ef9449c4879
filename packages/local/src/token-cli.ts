import { parseArgs } from 'node:util';
import { ROLES } from '@skillpass/api';
import { localPaths } from './paths.ts';
import { loadOrCreateDevIdentity } from './identity.ts';

/** `npm run token -- --role <role> --sub <id>`: prints one bearer JWT and nothing else on stdout. */
const { values } = parseArgs({
  options: { role: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string' } },
});
const role = values.role ?? '';
if (!(ROLES as readonly string[]).includes(role)) {
  process.stderr.write(`usage: npm run token -- --role <${ROLES.join('|')}> [--sub <id>] [--ttl <seconds>]\n`);
  process.exit(2);
}
const identity = await loadOrCreateDevIdentity(localPaths().identityKey);
const token = await identity.mintToken({
  sub: values.sub ?? `demo-${role}`,
  roles: [role],
  ttlSeconds: values.ttl ? Number(values.ttl) : undefined,
});
process.stdout.write(`${token}\n`);
