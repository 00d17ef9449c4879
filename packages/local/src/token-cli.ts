import { parseArgs } from 'node:util';
import { ROLES } from '@skillpass/api';
import { localPaths } from './paths.ts';
import { type DevIdentity, loadDevIdentity, MissingIdentityError } from './identity.ts';

/** `npm run token -- --role <role> --sub <id>`: prints one bearer JWT and nothing else on stdout. */
const { values } = parseArgs({
  options: { role: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string' } },
});
const role = values.role ?? '';
if (!(ROLES as readonly string[]).includes(role)) {
  process.stderr.write(`usage: npm run token -- --role <${ROLES.join('|')}> [--sub <id>] [--ttl <seconds>]\n`);
  process.exit(2);
}
const paths = localPaths();
// A key made here would sign tokens the server has never heard of: refuse, and say where the server's key is.
const identity: DevIdentity = await loadDevIdentity(paths.identityKey).catch((error: unknown) => {
  if (!(error instanceof MissingIdentityError)) throw error;
  process.stderr.write(
    `${error.message}\nThe server creates it on its first start: run \`npm start\` first, or set SKILLPASS_DATA_DIR to ` +
      `the data dir the server uses (now ${paths.root}).\n`,
  );
  return process.exit(1);
});
const token = await identity.mintToken({
  sub: values.sub ?? `demo-${role}`,
  roles: [role],
  ttlSeconds: values.ttl ? Number(values.ttl) : undefined,
});
process.stdout.write(`${token}\n`);
