import { serve } from '@hono/node-server';
import { getTaxonomy } from '@skillpass/taxonomy';
import { createLocalJWKSet } from 'jose';
import { loadTrustList } from '@skillpass/credentials';
import { parseArgs } from 'node:util';
import { JavaMissingError, type RunningDynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadOrCreateDevIdentity } from './identity.ts';
import { localPaths } from './paths.ts';
import { createLocalRuntime, loadOrCreateSecret } from './runtime.ts';
import { DEMO_USERS, seedDemoData } from './seed.ts';

const { values } = parseArgs({ options: { 'in-memory': { type: 'boolean', default: false } } });
const port = Number(process.env.PORT ?? 3000);
const paths = localPaths();
const origin = process.env.PUBLIC_ORIGIN ?? `http://localhost:${port}`;
const log = (msg: string) => process.stdout.write(`${msg}\n`);

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
  onDispatchError: (error) => process.stderr.write(`dispatcher: ${String(error)}\n`),
});
runtime.app.get('/auth/jwks.json', (c) => c.json(identity.publicJwks));

const { seeded } = await seedDemoData(runtime.table, runtime.deps);
log(seeded ? 'Seeded demo data.' : 'Demo data already present; not seeding again.');

const server = serve({ fetch: runtime.app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' });
log(`\nskillpass is running at ${origin}`);
log(`  health   ${origin}/health`);
log(`  API docs ${origin}/docs   (OpenAPI: ${origin}/openapi.json)`);
log(`  JWKS     ${origin}/auth/jwks.json`);
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
