import { execFile } from 'node:child_process';
import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { freshTable } from '@skillpass/store/testing';
import type { DynamoDBStreamEvent, EventBridgeEvent, SQSEvent } from 'aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';

import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { bundleSplit, eagerInputs } from '../../scripts/bundle-split.ts';

const samples = resolve(import.meta.dirname, '../../events/samples');
const sample = <T>(name: string, replacements: Record<string, string> = {}): T => {
  let text = readFileSync(resolve(samples, name), 'utf8');
  for (const [key, value] of Object.entries(replacements)) text = text.replaceAll(`{{${key}}}`, value);
  return JSON.parse(text) as T;
};

// Only the AWS services without a local stand-in are mocked; DynamoDB is DynamoDB Local.
const kms = mockClient(KMSClient);
const secrets = mockClient(SecretsManagerClient);
const eventBridge = mockClient(EventBridgeClient);
const sqs = mockClient(SQSClient);
const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
let jwksServer: Server;
let mintToken: (sub: string, groups: string[]) => Promise<string>;
let table: Awaited<ReturnType<typeof freshTable>>;

// Each test starts from a cold start: fresh handler modules (their lazily fetched key and secret) and fresh mocks.
beforeEach(() => {
  vi.resetModules();
  for (const mock of [kms, secrets, eventBridge, sqs]) mock.reset();
  kms.on(GetPublicKeyCommand).resolves({ PublicKey: signingKey.publicKey.export({ format: 'der', type: 'spki' }) });
  kms.on(SignCommand).callsFake((input: { Message: Uint8Array }) => ({
    Signature: nodeSign('sha256', input.Message, { key: signingKey.privateKey, dsaEncoding: 'der' }),
  }));
  secrets.on(GetSecretValueCommand).resolves({ SecretString: 'cursor-secret-from-secrets-manager' });
  sqs.on(SendMessageCommand).resolves({ MessageId: 'm1' });
  delete process.env.OPENAPI_DOCUMENT_FILE;
  // The handlers' JSON log lines are captured for assertions, not printed.
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

beforeAll(async () => {
  table = await freshTable();

  // A stand-in for Cognito's JWKS endpoint, on loopback.
  const userPoolKey = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(userPoolKey.publicKey)), kid: 'pool-key', alg: 'RS256' };
  jwksServer = createServer((_req, res) => res.end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((done) => jwksServer.listen(0, '127.0.0.1', done));
  const address = jwksServer.address();
  const jwksUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/.well-known/jwks.json`;
  mintToken = (sub, groups) =>
    new SignJWT({ 'cognito:groups': groups, client_id: 'app-client', token_use: 'access' })
      .setProtectedHeader({ alg: 'RS256', kid: 'pool-key' })
      .setIssuer('https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_pool')
      .setSubject(sub)
      .setExpirationTime('10m')
      .sign(userPoolKey.privateKey);

  Object.assign(process.env, {
    TABLE_NAME: table.name,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    PUBLIC_ORIGIN: 'https://api.example.com',
    SIGNING_KEY_ID: 'alias/skillpass-signing-g1',
    SIGNING_KEY_GENERATION: 'g1',
    CURSOR_SECRET_ARN: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:cursor',
    AUTH_ISSUER: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_pool',
    AUTH_AUDIENCE: 'app-client',
    AUTH_JWKS_URL: jwksUrl,
    EVENT_BUS_NAME: 'skillpass-bus',
    BATCH_QUEUE_URL: 'https://sqs.eu-central-1.amazonaws.com/123456789012/batches',
    CONSUMER_NAME: 'jobMatching',
  });
});
afterAll(() => {
  jwksServer.close();
  for (const mock of [kms, secrets, eventBridge, sqs]) mock.restore();
});

describe('Lambda handlers with the sample events', () => {
  it('api: answers an API Gateway v2 request, and verifies Cognito-style tokens', async () => {
    const { handler } = await import('./api.ts');
    const logged = vi.mocked(console.log);
    const health = await handler(sample<LambdaEvent>('api-gateway-v2-get-health.json'), {
      awsRequestId: 'invocation-1',
    } as never);
    expect(health).toMatchObject({ statusCode: 200 });
    // One JSON line per request, carrying API Gateway's request id and the invocation's.
    const lines = logged.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: 'request',
        requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
        awsRequestId: 'invocation-1',
        method: 'GET',
        path: '/health',
        status: 200,
      }),
    );
    const search = (await handler(sample<LambdaEvent>('api-gateway-v2-search-jobs.json'), {} as never)) as {
      statusCode: number;
      body: string;
    };
    expect(search.statusCode).toBe(200);
    expect(JSON.parse(search.body).items).toEqual(expect.any(Array));
    const token = await mintToken('emp-lambda', ['employer']);
    const put = await handler(sample<LambdaEvent>('api-gateway-v2-put-employer.json', { token }), {} as never);
    expect(put).toMatchObject({ statusCode: 200 });
    expect(JSON.parse((put as { body: string }).body).name.zh).toBe('长三角机器人');
    const forged = await handler(
      sample<LambdaEvent>('api-gateway-v2-put-employer.json', { token: `${token}x` }),
      {} as never,
    );
    expect(forged).toMatchObject({ statusCode: 401 });
    // Neither request needed the signing key or the cursor secret, so the cold start asked AWS for neither.
    expect(kms.commandCalls(GetPublicKeyCommand)).toHaveLength(0);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it('api: fetches the signing key and the cursor secret on first need, once, and retries a failed fetch', async () => {
    const { handler } = await import('./api.ts');
    const get = async (path: string, query = '') => {
      const event = sample<
        LambdaEvent & { rawPath: string; rawQueryString: string; requestContext: { http: { path: string } } }
      >('api-gateway-v2-get-health.json');
      Object.assign(event, { rawPath: path, rawQueryString: query, routeKey: `GET ${path}` });
      event.requestContext.http.path = path;
      const res = (await handler(event, {} as never)) as { statusCode: number; body: string };
      return { status: res.statusCode, body: JSON.parse(res.body) };
    };
    for (let i = 0; i < 2; i++) {
      const jwks = await get('/.well-known/jwks.json');
      expect(jwks.body.keys).toEqual([
        expect.objectContaining({ kid: 'https://api.example.com/keys/g1', kty: 'EC', crv: 'P-256' }),
      ]);
    }
    expect(kms.commandCalls(GetPublicKeyCommand)).toHaveLength(1);

    secrets
      .on(GetSecretValueCommand)
      .rejectsOnce(new Error('throttled'))
      .resolves({ SecretString: 'cursor-secret-from-secrets-manager' });
    expect((await get('/v1/jobs', 'cursor=forged.cursor')).status).toBe(500);
    for (let i = 0; i < 2; i++) {
      const retried = await get('/v1/jobs', 'cursor=forged.cursor');
      expect(retried.status).toBe(400);
      expect(retried.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
    }
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('api: serves the OpenAPI document written at build time, with its own origin as the server', async () => {
    const { openApiDocumentOfTheApi } = await import('../../scripts/write-openapi.ts');
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    const built = openApiDocumentOfTheApi();
    writeFileSync(file, JSON.stringify(built));
    process.env.OPENAPI_DOCUMENT_FILE = file;
    const { handler } = await import('./api.ts');
    const event = sample<LambdaEvent & { rawPath: string; requestContext: { http: { path: string } } }>(
      'api-gateway-v2-get-health.json',
    );
    Object.assign(event, { rawPath: '/openapi.json', routeKey: 'GET /openapi.json' });
    event.requestContext.http.path = '/openapi.json';
    const res = (await handler(event, {} as never)) as { statusCode: number; body: string };
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ...built, servers: [{ url: 'https://api.example.com' }] });
    expect(Object.keys(built.paths)).toContain('/v1/credential-batches');
  });

  it('api as bundled for Lambda: a cold start runs only what /health needs and builds no schema, and answers bad input with a problem naming the field', async () => {
    // Bundling tree-shakes; this guards what only the bundle can lose (zod's messages are configured by a side effect).
    // A fresh process: zod keeps its configuration on globalThis, which this test process has already set.
    // Inside the repository, so the bundle finds the runtime-provided SDK clients in node_modules as it would in Lambda.
    const dataDir = resolve(import.meta.dirname, '../../.data');
    mkdirSync(dataDir, { recursive: true });
    const dir = mkdtempSync(join(dataDir, 'bundle-test-'));
    // Split, as deployed: the route module answering is a chunk imported by this first request.
    const { metafile } = await bundleSplit(resolve(import.meta.dirname, 'api.ts'), dir);
    // What a cold start runs is what `/health` needs: no repository but the health check, none of the taxonomy,
    // matching, services or credentials, and not the domain's index (which runs every domain module).
    const eagerSources = eagerInputs(metafile).filter((input) => !input.includes('node_modules'));
    expect(eagerSources).toContain('packages/store/src/repositories/health.ts');
    expect(
      eagerSources.filter((input) =>
        /packages\/(taxonomy|matching|services|credentials|insights)\/|store\/src\/repositories\/(?!health)|domain\/src\/index/.test(
          input,
        ),
      ),
    ).toEqual([]);
    const event = sample<
      LambdaEvent & { rawPath: string; rawQueryString: string; requestContext: { http: { path: string } } }
    >('api-gateway-v2-get-health.json');
    Object.assign(event, { rawPath: '/v1/jobs', rawQueryString: 'limit=5000', routeKey: 'GET /v1/jobs' });
    event.requestContext.http.path = '/v1/jobs';
    // zod calls its global post-processor for every schema object it makes: the count says what the cold start built.
    const script = [
      'let made = 0; globalThis.__zod_globalConfig = { postProcessor: () => { made += 1; } };',
      `const { handler } = await import(${JSON.stringify(join(dir, 'index.mjs'))});`,
      'const atImport = made;',
      `const response = await handler(${JSON.stringify(event)}, {});`,
      "process.stdout.write('\\nRESPONSE=' + JSON.stringify({ atImport, afterRequest: made, response })); process.exit(0);",
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      env: process.env,
    });
    rmSync(dir, { recursive: true, force: true });
    // The request log shares stdout; the response is the marked line.
    const {
      atImport,
      afterRequest,
      response: res,
    } = JSON.parse(/RESPONSE=(.*)$/m.exec(stdout)![1]!) as {
      atImport: number;
      afterRequest: number;
      response: { statusCode: number; body: string };
    };
    // Schemas are built by the first request that needs them (~680 at import used to cost the API's cold start ~7 ms).
    expect(atImport).toBe(0);
    expect(afterRequest).toBeGreaterThan(0);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).errors).toEqual([
      { path: 'query.limit', message: 'Too big: expected number to be <=100' },
    ]);
  });

  it('stream publisher: puts the derived events on the bus and reports a record it could not publish', async () => {
    const { handler } = await import('./stream-publisher.ts');
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });
    const ok = await handler(sample<DynamoDBStreamEvent>('dynamodb-stream-job-inserted.json'));
    expect(ok.batchItemFailures).toEqual([]);
    const entries = eventBridge.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries ?? []);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ EventBusName: 'skillpass-bus', Source: 'skillpass', DetailType: 'JobPosted' });
    expect(JSON.parse(entries[0]!.Detail!)).toMatchObject({
      id: '1b2c3d4e5f:JobPosted',
      detail: { partition: '320000' },
    });

    // The job's change is marked pending (in its partition) until matching applies it.
    const { awsConsumerDeps } = await import('./aws-runtime.ts');
    expect(await awsConsumerDeps().matchingIndex.pendingIn('jobs', ['320000'])).toMatchObject({ count: 1 });

    eventBridge.reset();
    eventBridge.on(PutEventsCommand).rejects(new Error('throttled'));
    const failed = await handler(sample<DynamoDBStreamEvent>('dynamodb-stream-job-inserted.json'));
    expect(failed.batchItemFailures).toEqual([{ itemIdentifier: '111100000000000000001' }]);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('"message":"publish failed"'));
  });

  it('consumer: runs the routed consumer for an EventBridge event, idempotently', async () => {
    const { awsApiDeps } = await import('./aws-api-services.ts');
    const deps = awsApiDeps();
    const job = await deps.jobs.create('emp_sample', {
      title: { en: 'Welder' },
      description: 'Welding',
      requiredSkills: [
        {
          uri: 'http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea',
          importance: 'essential',
          minProficiency: 2,
        },
      ],
      place: { kind: 'delta', cityCode: '320500' },
      openings: 1,
      closingDate: '2999-01-01',
    });
    const { handler } = await import('./consumer.ts');
    const event = sample<EventBridgeEvent<string, unknown>>('eventbridge-job-posted.json', { jobId: job.jobId });
    const postings = () =>
      deps.matchingIndex.jobPostings('http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea', '320000');
    await handler(event, { awsRequestId: 'delivery-1' });
    expect((await postings()).map((p) => p.jobId)).toEqual([job.jobId]);
    // The job closes, but its JobClosed event is not delivered yet. A redelivered JobPosted must be a no-op:
    // were it handled again, the consumer would read the closed row and drop the job from the index.
    await deps.jobs.close(job.jobId);
    await handler(event, { awsRequestId: 'delivery-2' });
    expect((await postings()).map((p) => p.jobId)).toEqual([job.jobId]);
    expect(console.log).toHaveBeenCalledWith(expect.stringContaining('"awsRequestId":"delivery-1"'));
  });

  it('push worker: applies a chunk of a job that no longer exists as superseded, and fails a malformed message', async () => {
    const { handler } = await import('./push-worker.ts');
    const ok = await handler(sample<SQSEvent>('sqs-push-chunk.json'));
    expect(ok.batchItemFailures).toEqual([]);
    expect(console.log).toHaveBeenCalledWith(expect.stringMatching(/"message":"push applied".*"superseded":1/));
    const bad = sample<SQSEvent>('sqs-push-chunk.json');
    bad.Records[0]!.body = 'not a chunk';
    expect((await handler(bad)).batchItemFailures).toEqual([{ itemIdentifier: 'msg-push' }]);
  });

  it('credential batch worker: issues a queued batch with the KMS key and fails only the malformed message', async () => {
    const { awsApiDeps } = await import('./aws-api-services.ts');
    const deps = awsApiDeps();
    await deps.issuers.put(
      'iss-lambda',
      {
        legalName: { en: 'Hangzhou Training Centre' },
        kind: 'training-centre',
        country: 'CN',
        region: 'Zhejiang',
        accreditation: [{ by: 'Zhejiang HRSS', scope: 'training', validUntil: '2030-01-01' }],
      },
      [deps.signingKid],
    );
    const template = await deps.issuers.createTemplate('iss-lambda', {
      title: { en: 'Robot maintenance' },
      description: 'Maintain industrial robots',
      learningOutcomes: ['http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea'],
      workload: { hours: 40 },
      eqfLevel: 4,
      assessmentType: 'practical',
      participationForm: 'onsite',
      qualityAssurance: 'provincial audit',
    });
    await deps.batches.create(
      {
        batchId: 'b-lambda',
        issuerId: 'iss-lambda',
        templateId: template.templateId,
        total: 2,
        createdAt: new Date().toISOString(),
      },
      [
        { row: 1, input: { subjectId: 'urn:learner:1', email: 'a@example.com' }, status: 'pending' },
        { row: 2, input: { subjectId: 'urn:learner:2', email: 'b@example.com' }, status: 'pending' },
      ],
    );
    const { handler } = await import('./credential-batch-worker.ts');
    const result = await handler(sample<SQSEvent>('sqs-credential-batch.json', { batchId: 'b-lambda' }));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'msg-bad' }]);
    expect(console.error).toHaveBeenCalledWith(
      expect.stringMatching(/"message":"batch failed".*"messageId":"msg-bad"/),
    );
    expect(await deps.batches.progress('b-lambda')).toEqual({ issued: 2, failed: 0, pending: 0 });
    const issued = (await deps.batches.listRecipients<unknown>('b-lambda', { limit: 10 })).items[0]!;
    const credential = await deps.credentials.get(issued.credentialId!);
    const report = await deps.credentialService.verify(credential!.jwt);
    expect(report.checks.signature.result).toBe('passed');
    expect(kms.commandCalls(SignCommand).length).toBeGreaterThanOrEqual(2);
  });

  it('api with the stack’s Ed25519 KMS key: publishes it and signs eddsa-rdfc-2022 proofs with it in KMS', async () => {
    const ed25519 = generateKeyPairSync('ed25519');
    const ed25519Alias = 'alias/skillpass-signing-g1-ed25519';
    Object.assign(process.env, {
      ED25519_SIGNING_KEY_ID: ed25519Alias,
      RETIRED_SIGNING_KEYS: 'g0=alias/skillpass-signing-g0',
      // g0 predates Ed25519 keys: its alias does not exist, and must not hide the other keys.
      RETIRED_ED25519_SIGNING_KEYS: 'g0=alias/skillpass-signing-g0-ed25519',
    });
    try {
      kms
        .on(GetPublicKeyCommand, { KeyId: ed25519Alias })
        .resolves({ PublicKey: ed25519.publicKey.export({ format: 'der', type: 'spki' }) });
      kms
        .on(GetPublicKeyCommand, { KeyId: 'alias/skillpass-signing-g0-ed25519' })
        .rejects(Object.assign(new Error('Alias does not exist'), { name: 'NotFoundException' }));
      kms.on(SignCommand, { KeyId: ed25519Alias }).callsFake((input: { Message: Uint8Array; MessageType: string }) => {
        if (input.MessageType !== 'RAW') throw new Error('ED25519_SHA_512 takes MessageType RAW');
        return { Signature: nodeSign(null, input.Message, ed25519.privateKey) };
      });
      const { awsApiDeps } = await import('./aws-api-services.ts');
      const deps = awsApiDeps();
      expect((await deps.publishedKeys()).map((k) => [k.kid, k.alg])).toEqual([
        ['https://api.example.com/keys/g1', 'ES256'],
        ['https://api.example.com/keys/g1-ed25519', 'EdDSA'],
        ['https://api.example.com/keys/g0', 'ES256'],
      ]);
      await deps.issuers.put(
        'iss-ed25519',
        {
          legalName: { en: 'Ningbo Robotics College' },
          kind: 'school',
          country: 'CN',
          region: 'Zhejiang',
          accreditation: [{ by: 'Zhejiang HRSS', scope: 'training', validUntil: '2030-01-01' }],
        },
        [deps.signingKid],
      );
      const template = await deps.issuers.createTemplate('iss-ed25519', {
        title: { en: 'Robot programming' },
        description: 'Program industrial robots',
        learningOutcomes: ['http://data.europa.eu/esco/skill/530cb489-d900-46ab-9350-4d50ccd49eea'],
        workload: { hours: 20 },
        eqfLevel: 4,
        assessmentType: 'practical',
        participationForm: 'onsite',
        qualityAssurance: 'provincial audit',
      });
      const { credential } = await deps.credentialService.issue(
        'iss-ed25519',
        { templateId: template.templateId, holder: { subjectId: 'urn:learner:ed', email: 'ed@example.com' } },
        'cred_lambda_ed25519',
      );
      // Issuance signs the vc+jwt only; the proofs are made, in KMS, on the first request for that securing.
      expect(kms.commandCalls(SignCommand, { KeyId: ed25519Alias })).toHaveLength(0);
      const secured = await deps.credentialService.dataIntegrityCredential(credential);
      const proofs = (secured?.proof ?? []) as Array<Record<string, string>>;
      expect(proofs.map((p) => [p.cryptosuite, p.verificationMethod])).toEqual([
        ['eddsa-rdfc-2022', 'https://api.example.com/issuers/iss-ed25519#g1-ed25519'],
        ['ecdsa-rdfc-2019', 'https://api.example.com/issuers/iss-ed25519#g1'],
      ]);
      expect(kms.commandCalls(SignCommand, { KeyId: ed25519Alias, SigningAlgorithm: 'ED25519_SHA_512' })).toHaveLength(
        1,
      );
      const report = await deps.credentialService.verify(secured);
      expect(report.verified, JSON.stringify(report.checks)).toBe(true);
    } finally {
      for (const name of ['ED25519_SIGNING_KEY_ID', 'RETIRED_SIGNING_KEYS', 'RETIRED_ED25519_SIGNING_KEYS'])
        delete process.env[name];
    }
  });
});
