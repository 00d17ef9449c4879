import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCredential, loadOrCreateLocalSigner, signCompactJws, signCredential } from '@skillpass/credentials';
import { CredentialService } from '@skillpass/services';
import type { CredentialTemplate } from '@skillpass/domain';
import { createRepositories, CursorCodec } from '@skillpass/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTable, registerSchoolWithTemplate } from './harness.ts';

const SKILL = 'http://data.europa.eu/esco/skill/84cc8c9d-db57-42ec-8948-9b632bf06124';
const keysDir = mkdtempSync(join(tmpdir(), 'external-status-'));
const issuerKey = loadOrCreateLocalSigner(keysDir, { alg: 'ES256', keyId: 'a1', kidBaseUrl: 'http://127.0.0.1/keys' });
const strangerKey = loadOrCreateLocalSigner(keysDir, {
  alg: 'ES256',
  keyId: 'x1',
  kidBaseUrl: 'http://127.0.0.1/keys',
});

let origin: string;
let issuingPlatform: CredentialService;
const requests: string[] = [];
// Another platform's API, publishing its status lists; plus a forged and a replayed list.
const server = createServer((req, res) => {
  requests.push(req.url ?? '');
  void (async () => {
    const [, prefix, list, purpose] =
      /^\/(status-lists|forged|replayed)\/(l\d+)\/(revocation|suspension)$/.exec(req.url ?? '') ?? [];
    if (!prefix) return res.writeHead(404).end();
    const real = await issuingPlatform.statusListJws(list!, purpose as 'revocation');
    if (prefix === 'forged') {
      const payload = JSON.parse(Buffer.from(real.split('.')[1]!, 'base64url').toString('utf8'));
      return res.end(await signCompactJws({ ...payload, id: `${origin}${req.url}` }, strangerKey, 'vc+jwt'));
    }
    res.end(real);
  })();
});

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => {
  server.close();
});

type ServiceOptions = Pick<
  ConstructorParameters<typeof CredentialService>[0],
  'externalIssuers' | 'fetch' | 'allowLoopbackHttp'
>;

async function platform(origin: string, options: ServiceOptions = {}) {
  const table = await freshTable();
  const cursors = new CursorCodec('external-status-test-secret');
  const repositories = createRepositories(table, cursors);
  const signer = { ...issuerKey, kid: `${origin}/keys/a1` };
  const service = new CredentialService({
    ...repositories,
    signer,
    publishedKeys: async () => [{ ...issuerKey.publicJwk, kid: signer.kid }],
    origin,
    skillLabel: () => 'battery chemistry',
    allowLoopbackHttp: true,
    ...options,
  });
  return { service, repositories, signer };
}

describe('credentials from another platform', () => {
  it('are checked against the status lists their issuer publishes, signed by its keys', async () => {
    const a = await platform(origin);
    issuingPlatform = a.service;
    const template = await registerSchoolWithTemplate(a.repositories.issuers, a.signer.kid, SKILL);
    const { credential } = await a.service.issue(
      'school',
      { templateId: template.templateId, holder: { subjectId: 'urn:learner:1', email: 'l1@example.com' } },
      'cred-ext-1',
    );

    // The verifying platform trusts the issuer with the issuer's published key.
    const trusted = [
      {
        id: a.service.issuerUrl('school'),
        name: 'Suzhou Vocational Institute',
        jwks: { keys: [{ ...issuerKey.publicJwk, kid: a.signer.kid }] },
      },
    ];
    const verifier = (await platform('https://verifier.example', { externalIssuers: trusted })).service;
    const report = await verifier.verify(credential.jwt);
    expect(report.checks.status).toEqual({ result: 'passed', message: 'Neither revoked nor suspended.' });
    expect(report.verified).toBe(true);
    const fetched = requests.length;
    expect(fetched).toBe(2);
    await verifier.verify(credential.jwt);
    expect(requests.length).toBe(fetched); // kept for the list's ttl

    await a.service.changeStatus('school', 'cred-ext-1', 'revoke');
    const afterRevocation = await (
      await platform('https://verifier.example', { externalIssuers: trusted })
    ).service.verify(credential.jwt);
    expect(afterRevocation.checks.status).toEqual({ result: 'failed', message: 'The credential is revoked.' });
    expect(afterRevocation.verified).toBe(false);

    // A list signed by a key that is not the issuer's, one replayed under another URL, or plain http
    // beyond this machine reads as unknown — never as "not revoked".
    const issuer = await verifier.trustedIssuer(a.service.issuerUrl('school'));
    expect(issuer).toBeDefined();
    for (const url of [
      `${origin}/forged/l1/revocation`,
      `${origin}/replayed/l1/revocation`,
      'http://status.example.com/l1/revocation',
    ]) {
      expect(await verifier.statusOf(url, credential.statusListIndex, 'revocation', issuer), url).toBe('unknown');
    }
    // As deployed in AWS, plain http on loopback is refused: there it is the Lambda runtime API.
    const strict = (await platform('https://verifier.example', { externalIssuers: trusted, allowLoopbackHttp: false }))
      .service;
    expect(
      await strict.statusOf(`${origin}/status-lists/l1/revocation`, credential.statusListIndex, 'revocation', issuer),
    ).toBe('unknown');
    // Without a trusted issuer there are no keys to check a list against.
    expect(
      await verifier.statusOf(
        `${origin}/status-lists/l1/revocation`,
        credential.statusListIndex,
        'revocation',
        undefined,
      ),
    ).toBe('unknown');
  });
});

describe('did:web issuers on the trust list', () => {
  it('are trusted for the keys their DID document lists under assertionMethod, resolved only for listed DIDs', async () => {
    const did = 'did:web:tafe.example.au';
    const fetched: string[] = [];
    const fetchDocument: typeof fetch = async (url) => {
      fetched.push(String(url));
      const jwk = issuerKey.publicJwk;
      return new Response(
        JSON.stringify({
          id: did,
          verificationMethod: [
            { id: '#key-1', type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk },
            { id: '#login', type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk },
          ],
          assertionMethod: ['#key-1'],
        }),
      );
    };
    const { service: verifier } = await platform('https://verifier.example', {
      externalIssuers: [{ id: did, name: 'TAFE Example', accreditedUntil: '2030-01-01' }],
      fetch: fetchDocument,
    });
    const template: CredentialTemplate = {
      templateId: 't1',
      issuerId: 'tafe',
      title: { en: 'Solar installation' },
      description: 'Install rooftop solar safely.',
      learningOutcomes: [SKILL],
      workload: { hours: 40 },
      eqfLevel: 4,
      assessmentType: 'practical exam',
      participationForm: 'onsite',
      qualityAssurance: 'national audit',
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const credentialFrom = (issuerId: string) =>
      buildCredential({
        credentialUrl: 'https://tafe.example.au/credentials/1',
        templateUrl: 'https://tafe.example.au/templates/1',
        template,
        issuer: { id: issuerId, name: 'TAFE Example', country: 'AU', region: 'Victoria' },
        holder: { id: 'urn:learner:1' },
        skillLabel: () => 'solar',
        validFrom: new Date('2026-06-01T00:00:00Z'),
      });
    const signedWith = (kid: string, issuerId = did) =>
      signCredential(credentialFrom(issuerId), { ...issuerKey, kid }, new Date());

    const good = await verifier.verify(await signedWith(`${did}#key-1`));
    expect(good.verified).toBe(true);
    expect(good.checks.keyResolution.message).toBe(`Public key ${did}#key-1 resolved.`);
    expect(fetched).toEqual(['https://tafe.example.au/.well-known/did.json']);

    // A key of the DID that is not an assertion method may not sign credentials.
    const login = await verifier.verify(await signedWith(`${did}#login`));
    expect(login.checks.keyResolution.result).toBe('failed');
    expect(login.verified).toBe(false);

    // A DID that is not on the trust list is never fetched, whatever a credential claims.
    const stranger = await verifier.verify(
      await signedWith('did:web:stranger.example#key-1', 'did:web:stranger.example'),
    );
    expect(stranger.verified).toBe(false);
    expect(fetched.every((url) => url.startsWith('https://tafe.example.au/'))).toBe(true);
  });
});
