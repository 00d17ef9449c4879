import { getTaxonomy } from '@skillpass/taxonomy';
import { createLocalJWKSet } from 'jose';
import { loadTrustList } from '@skillpass/credentials';
import { parseArgs } from 'node:util';
import { assertPortFree, listenHttp, PortInUseError } from './http-server.ts';
import { JavaMissingError, type RunningDynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadOrCreateDevIdentity } from './identity.ts';
import { localPaths } from './paths.ts';
import { createLocalRuntime, loadOrCreateSecret } from './runtime.ts';
import { DEMO_USERS, seedDemoData } from './seed.ts';
import { installDevSignIn } from './dev-sign-in.ts';
import { fileMailer, installDevMailbox } from './mailbox.ts';
import { ensureWebBuild, serveWebApp } from './web.ts';

const { values } = parseArgs({ options: { 'in-memory': { type: 'boolean', default: false } } });
const port = Number(process.env.PORT ?? 3000);
const paths = localPaths();
const origin = process.env.PUBLIC_ORIGIN ?? `http://localhost:${port}`;
const hostname = process.env.HOST ?? '127.0.0.1';
const log = (msg: string) => process.stdout.write(`${msg}\n`);

/** A taken port is the user's to fix: say so plainly, without a stack trace. */
function exitIfPortInUse(error: unknown): never {
  if (!(error instanceof PortInUseError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

await assertPortFree(port, hostname).catch(exitIfPortInUse);

// The web app is built first (seconds, and only when its sources changed), so a failed build stops nothing.
if ((await ensureWebBuild(log)) === 'built') log('Built the web app.');

let dynamo: RunningDynamoDbLocal | undefined;
let endpoint = process.env.DYNAMODB_ENDPOINT;
if (!endpoint) {
  try {
    dynamo = await startDynamoDbLocal({ inMemory: values['in-memory'], dataDir: paths.dynamodb });
  } catch (error) {
    process.stderr.write(`${error instanceof JavaMissingError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  endpoint = dynamo.endpoint;
  log(`DynamoDB Local ${values['in-memory'] ? '(in memory)' : `(data in ${paths.dynamodb})`} at ${endpoint}`);
}

const identity = await loadOrCreateDevIdentity(paths.identityKey);
const runtime = await createLocalRuntime({
  endpoint,
  tableName: process.env.TABLE_NAME ?? 'skillpass',
  cursorSecret: process.env.CURSOR_SECRET ?? loadOrCreateSecret(paths.cursorSecret),
  taxonomy: getTaxonomy(),
  publicOrigin: origin,
  auth: { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: createLocalJWKSet(identity.publicJwks) },
  keysDir: paths.keys,
  signingKeyId: process.env.SIGNING_KEY_ID,
  // Issuers outside the platform whose credentials verifiers here accept (docs/credentials.md, Trust).
  externalIssuers: process.env.TRUSTED_ISSUERS_FILE ? loadTrustList(process.env.TRUSTED_ISSUERS_FILE) : undefined,
  dispatch: true,
  mailer: fileMailer(paths.mailbox),
  onDispatchError: (error) => process.stderr.write(`dispatcher: ${String(error)}\n`),
});
runtime.app.get('/auth/jwks.json', (c) => c.json(identity.publicJwks));
installDevSignIn(runtime.app, identity);
installDevMailbox(runtime.app, paths.mailbox);

const { seeded } = await seedDemoData(runtime.table, runtime.deps);
log(seeded ? 'Seeded demo data.' : 'Demo data already present; not seeding again.');

// The port may have been taken while DynamoDB Local started: stop it before exiting.
const server = await listenHttp((request) => serveWebApp(request) ?? runtime.app.fetch(request), {
  port,
  hostname,
}).catch(async (error: unknown) => {
  await runtime.close();
  await dynamo?.stop();
  return exitIfPortInUse(error);
});
log(`\nskillpass is running: open ${origin}/ in a browser`);
log(`  web app  ${origin}/   (sign in at ${origin}/sign-in, check a certificate at ${origin}/check)`);
log(`  health   ${origin}/health`);
log(`  API docs ${origin}/docs   (OpenAPI: ${origin}/openapi.json)`);
log(`  JWKS     ${origin}/auth/jwks.json`);
log(`  mailbox  ${origin}/dev/mailbox   (email the platform "sent", kept in ${paths.mailbox})`);
log('\nBearer tokens for the demo users (valid 12 h; more with `npm run token -- --role <role> --sub <id>`):');
for (const [role, sub] of Object.entries(DEMO_USERS)) {
  log(`  ${role.padEnd(9)} ${await identity.mintToken({ sub, roles: [role] })}`);
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`\n${signal}: stopping…`);
  await new Promise<void>((done) => server.close(() => done()));
  await runtime.close();
  await dynamo?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
