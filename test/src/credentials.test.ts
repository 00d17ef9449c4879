import { decodeStatusList, isStatusSet } from '@skillpass/credentials';
import { CONSUMER_HANDLERS } from '@skillpass/pipeline';
import { getTaxonomy } from '@skillpass/taxonomy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanTable, startTestRuntime, type TestRuntime } from './harness.ts';
import { BATTERY_CHEMISTRY, BATTERY_COMPONENTS, BATTERY_TEMPLATE_BODY } from './battery-template.ts';

const taxonomy = getTaxonomy();

let rt: TestRuntime;
let school: string;
let otherSchool: string;
let graduate: string;
let templateId: string;

const issuerBody = (region: string) => ({
  legalName: { en: 'Suzhou Vocational Institute', zh: '苏州职业技术学院' },
  kind: 'school',
  country: 'CN',
  region,
  accreditation: [
    {
      by: 'Jiangsu Department of Human Resources and Social Security',
      scope: 'vocational training',
      validUntil: '2030-12-31',
    },
  ],
});

beforeAll(async () => {
  rt = await startTestRuntime({ dispatch: true, taxonomy });
  school = await rt.token('school-1', 'issuer');
  otherSchool = await rt.token('school-2', 'issuer');
  graduate = await rt.token('grad-cred', 'graduate');
  expect((await rt.call('PUT', '/v1/issuers/me', { token: school, body: issuerBody('Jiangsu') })).status).toBe(200);
  expect((await rt.call('PUT', '/v1/issuers/me', { token: otherSchool, body: issuerBody('Anhui') })).status).toBe(200);
  await rt.call('PUT', '/v1/profiles/me', {
    token: graduate,
    body: {
      displayName: 'Li Wei',
      contactEmail: 'li@example.com',
      skills: [{ uri: BATTERY_CHEMISTRY, proficiency: 2 }],
    },
  });
  const template = await rt.call('POST', '/v1/credential-templates', {
    token: school,
    body: BATTERY_TEMPLATE_BODY,
  });
  expect(template.status).toBe(201);
  templateId = template.body.templateId;
});
afterAll(async () => rt.close());

const issue = (token: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  rt.call('POST', '/v1/credentials', {
    token,
    headers,
    body: { templateId, holder: { graduateId: 'grad-cred' }, grade: 'pass', ...body },
  });

describe('issuing and verifying micro-credentials', () => {
  it('issues a signed credential that verifies on every check, with a fragment verify URL and a QR code', async () => {
    const issued = await issue(school, {}, { 'Idempotency-Key': 'issue-1' });
    expect(issued.status).toBe(201);
    expect(issued.body.verifyUrl).toBe(`http://localhost:3000/verify#${issued.body.jwt}`);
    expect(issued.body.qrSvg).toMatch(/^<\?xml|^<svg/);
    const replay = await issue(school, {}, { 'Idempotency-Key': 'issue-1' });
    expect(replay.body.id).toBe(issued.body.id);

    const report = await rt.call('POST', '/v1/verify', { body: { jwt: issued.body.jwt } });
    expect(report.status).toBe(200);
    expect(report.body.verified).toBe(true);
    for (const check of Object.values(report.body.checks) as Array<{ result: string }>)
      expect(check.result).toBe('passed');
    expect(
      report.body.credential.credentialSubject.achievement.alignment.map((a: { targetUrl: string }) => a.targetUrl),
    ).toEqual([BATTERY_CHEMISTRY, BATTERY_COMPONENTS]);
    const viaVcApi = await rt.call('POST', '/credentials/verify', {
      body: {
        verifiableCredential: {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: 'EnvelopedVerifiableCredential',
          id: `data:application/vc+jwt,${issued.body.jwt}`,
        },
      },
    });
    expect(viaVcApi.body.verified).toBe(true);
  });

  it("lets a verifier follow the credential's issuer and achievement ids to public Open Badges documents", async () => {
    const issued = await issue(school);
    const vc = (await rt.call('POST', '/v1/verify', { body: { jwt: issued.body.jwt } })).body.credential;
    const pathOf = (url: string) => new URL(url).pathname;
    const profile = await rt.call('GET', pathOf(vc.issuer.id));
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ id: vc.issuer.id, type: ['Profile'], name: 'Suzhou Vocational Institute' });
    const achievement = await rt.call('GET', pathOf(vc.credentialSubject.achievement.id));
    expect(achievement.status).toBe(200);
    // The same Achievement the credential carries, with its JSON-LD contexts.
    expect(achievement.body).toEqual({ '@context': vc['@context'], ...vc.credentialSubject.achievement });
    expect((await rt.call('GET', '/issuers/nobody')).status).toBe(404);
    expect((await rt.call('GET', '/credential-templates/tpl_missing')).status).toBe(404);
  });

  it("marks the template's skills verified on the graduate's profile", async () => {
    await rt.dispatcher!.drain();
    const profile = await rt.call('GET', '/v1/profiles/me', { token: graduate });
    expect(profile.body.verifiedSkills.map((v: { uri: string }) => v.uri).sort()).toEqual(
      [BATTERY_CHEMISTRY, BATTERY_COMPONENTS].sort(),
    );
  });

  it('revocation is final and shows in the signed status list; suspension can be lifted', async () => {
    const revoked = await issue(school);
    const suspended = await issue(school);
    expect((await rt.call('POST', `/v1/credentials/${revoked.body.id}/revoke`, { token: otherSchool })).status).toBe(
      404,
    );
    expect((await rt.call('POST', `/v1/credentials/${revoked.body.id}/revoke`, { token: school })).body.status).toBe(
      'revoked',
    );
    expect((await rt.call('POST', `/v1/credentials/${revoked.body.id}/reinstate`, { token: school })).status).toBe(409);
    const afterRevoke = await rt.call('POST', '/v1/verify', { body: { jwt: revoked.body.jwt } });
    expect(afterRevoke.body.verified).toBe(false);
    expect(afterRevoke.body.checks.status.message).toContain('revoked');

    expect((await rt.call('POST', `/v1/credentials/${suspended.body.id}/suspend`, { token: school })).status).toBe(200);
    expect(
      (await rt.call('POST', '/v1/verify', { body: { jwt: suspended.body.jwt } })).body.checks.status.message,
    ).toContain('suspended');
    expect((await rt.call('POST', `/v1/credentials/${suspended.body.id}/reinstate`, { token: school })).status).toBe(
      200,
    );
    expect((await rt.call('POST', '/v1/verify', { body: { jwt: suspended.body.jwt } })).body.verified).toBe(true);

    const list = await rt.app.request('/status-lists/l1/revocation');
    expect(list.headers.get('content-type')).toBe('application/vc+jwt');
    expect(list.headers.get('cache-control')).toBe('public, max-age=300');
    const jws = await list.text();
    const listReport = JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString());
    expect(listReport.type).toContain('BitstringStatusListCredential');
    const bits = decodeStatusList(listReport.credentialSubject.encodedList);
    expect(isStatusSet(bits, revoked.body.credential.statusListIndex)).toBe(true);
    expect(isStatusSet(bits, suspended.body.credential.statusListIndex)).toBe(false);
  });

  it('1,000 concurrent issuances get 1,000 distinct status-list indexes', async () => {
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        rt.deps.credentialService.issue(
          'school-1',
          { templateId, holder: { subjectId: `urn:learner:${i}`, email: `l${i}@example.com` } },
          `bulk-${i}`,
        ),
      ),
    );
    const indexes = new Set(results.map((r) => r.credential.statusListIndex));
    expect(indexes.size).toBe(1000);
  }, 120_000);

  it('publishes its keys as JWKS, did:web and bare JWKs at each kid', async () => {
    const jwks = (await (await rt.app.request('/.well-known/jwks.json')).json()) as {
      keys: Array<{ kid: string; d?: string }>;
    };
    // The ES256 key and its Ed25519 companion (Data Integrity proofs).
    expect(jwks.keys.map((k) => k.kid)).toEqual([
      'http://localhost:3000/keys/k1',
      'http://localhost:3000/keys/k1-ed25519',
    ]);
    expect(jwks.keys[0]!.d).toBeUndefined();
    const kid = jwks.keys[0]!.kid;
    expect(kid).toBe('http://localhost:3000/keys/k1');
    expect((await rt.app.request('/keys/k1')).status).toBe(200);
    const did = (await (await rt.app.request('/.well-known/did.json')).json()) as {
      id: string;
      assertionMethod: string[];
    };
    // Each key as a JWK method (its https kid) and as a Multikey method of the did:web document.
    expect(did).toMatchObject({
      id: 'did:web:localhost%3A3000',
      assertionMethod: [
        kid,
        'http://localhost:3000/keys/k1-ed25519',
        'did:web:localhost%3A3000#k1',
        'did:web:localhost%3A3000#k1-ed25519',
      ],
    });
    const page = await rt.app.request('/verify');
    expect(await page.text()).toContain('验证证书');
  });

  it('answers garbage with a failed report or a 4xx, never a 5xx', async () => {
    for (const body of [
      'not a jwt',
      { jwt: 'a.b.c' },
      { jwt: 42 },
      [],
      { type: 'EnvelopedVerifiableCredential', id: 'data:x' },
    ]) {
      const res = await rt.call('POST', '/v1/verify', { body });
      expect(res.status).toBeLessThan(500);
      if (res.status === 200) expect(res.body.verified).toBe(false);
    }
  });

  it('refuses unknown templates, templates of other issuers and unknown graduates with 4xx', async () => {
    expect(
      (
        await rt.call('POST', '/v1/credentials', {
          token: school,
          body: { templateId: 'nope', holder: { graduateId: 'grad-cred' } },
        })
      ).status,
    ).toBe(400);
    expect((await issue(otherSchool)).status).toBe(403);
    expect((await issue(school, { holder: { graduateId: 'nobody' } })).body.errors[0].path).toBe('holder.graduateId');
  });
});

describe('the platform identity is reserved', () => {
  it('refuses to register an issuer whose id (the token sub) is reserved, naming the field', async () => {
    await issue(school);
    for (const sub of ['platform', 'skillpass']) {
      const res = await rt.call('PUT', '/v1/issuers/me', {
        token: await rt.token(sub, 'issuer'),
        body: issuerBody('Jiangsu'),
      });
      expect(res.status, sub).toBe(403);
      expect(res.body.errors[0].path).toBe('sub');
    }
  });

  it("the platform's status list does not verify as a credential, even with an issuer record under its id", async () => {
    await issue(school);
    // As if the record had been written before ids were reserved.
    await rt.deps.issuers.put('platform', issuerBody('Jiangsu') as never, [rt.deps.signingKid]);
    const jws = await (await rt.app.request('/status-lists/l1/revocation')).text();
    const report = (await rt.call('POST', '/v1/verify', { body: { jwt: jws } })).body;
    expect(report.verified).toBe(false);
    expect(report.checks.format.message).toBe('This is a status list, not a credential that certifies anything.');
    expect(report.checks.issuerTrusted.result).toBe('failed');
  });
});

describe('issuing a whole class', () => {
  it('takes CSV, fails a bad row alone with its number, and issues every good row exactly once', async () => {
    const csv = [
      'graduateId,subjectId,email,name,grade',
      'grad-cred,,,,merit',
      ',urn:learner:a,a@example.com,Ann,pass',
      ',urn:learner:b,not-an-email,Bob,pass',
      ',urn:learner:c,c@example.com,,pass',
    ].join('\n');
    const accepted = await rt.call('POST', `/v1/credential-batches?templateId=${templateId}`, {
      token: school,
      rawBody: csv,
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    expect(accepted.body).toMatchObject({ total: 4, failed: 1 });
    await (rt.deps.batchQueue as unknown as { idle(): Promise<void> }).idle();
    const progress = await rt.call('GET', `/v1/credential-batches/${accepted.body.batchId}`, { token: school });
    expect(progress.body).toMatchObject({ total: 4, issued: 3, failed: 1, pending: 0 });
    expect(progress.body.recipients[2]).toMatchObject({
      row: 3,
      status: 'failed',
      error: expect.stringContaining('email'),
    });
    expect(
      (await rt.call('GET', `/v1/credential-batches/${accepted.body.batchId}`, { token: otherSchool })).status,
    ).toBe(404);
  });

  it('rejects unknown top-level fields in a JSON batch, naming the field', async () => {
    const recipients = [{ graduateId: 'grad-cred' }];
    for (const rawBody of [
      JSON.stringify({ templateId, recipients, isAdmin: true }),
      `{"templateId":${JSON.stringify(templateId)},"recipients":${JSON.stringify(recipients)},"__proto__":{"isAdmin":true}}`,
    ]) {
      const refused = await rt.call('POST', '/v1/credential-batches', {
        token: school,
        rawBody,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(refused.status, rawBody).toBe(400);
      expect(refused.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
      expect(refused.body.errors[0].path, rawBody).toMatch(/isAdmin|__proto__/);
    }
  });

  it('resumes an interrupted batch without issuing anyone twice', async () => {
    const accepted = await rt.call('POST', '/v1/credential-batches', {
      token: school,
      body: {
        templateId,
        recipients: Array.from({ length: 30 }, (_, i) => ({
          subjectId: `urn:learner:r${i}`,
          email: `r${i}@example.com`,
        })),
      },
    });
    await (rt.deps.batchQueue as unknown as { idle(): Promise<void> }).idle();
    // A retried delivery of the same batch (as after a worker crash) issues nothing new.
    const { processCredentialBatch } = await import('@skillpass/services');
    await processCredentialBatch(rt.deps, rt.deps.credentialService, accepted.body.batchId);
    await processCredentialBatch(rt.deps, rt.deps.credentialService, accepted.body.batchId);
    const progress = await rt.call('GET', `/v1/credential-batches/${accepted.body.batchId}?limit=100`, {
      token: school,
    });
    expect(progress.body).toMatchObject({ total: 30, issued: 30, failed: 0 });
    const ids = progress.body.recipients.map((r: { credentialId: string }) => r.credentialId);
    expect(new Set(ids).size).toBe(30);
  });
});

describe('graduates bring their own credentials', () => {
  it('verifies on import, turns aligned skills into verified skills, exports and erases them', async () => {
    const external = await rt.deps.credentialService.issue(
      'school-2',
      {
        templateId: (
          await rt.call('POST', '/v1/credential-templates', {
            token: otherSchool,
            body: {
              title: { en: 'Battery safety' },
              description: 'Battery safety basics',
              learningOutcomes: [BATTERY_COMPONENTS],
              workload: { hours: 16 },
              eqfLevel: 3,
              assessmentType: 'written test',
              participationForm: 'online',
              qualityAssurance: 'internal review',
            },
          })
        ).body.templateId,
        holder: { subjectId: 'urn:skillpass:graduate:grad-zhao', email: 'zhao@example.com' },
      },
      'cred-for-import',
    );
    const zhao = await rt.token('grad-zhao', 'graduate');
    await rt.call('PUT', '/v1/profiles/me', {
      token: zhao,
      body: { displayName: 'Zhao', contactEmail: 'zhao@example.com' },
    });
    const imported = await rt.call('POST', '/v1/profiles/me/credentials', {
      token: zhao,
      body: { jwt: external.credential.jwt },
    });
    expect(imported.status).toBe(201);
    expect(imported.body.held.skills).toEqual([BATTERY_COMPONENTS]);
    const tampered = `${external.credential.jwt.slice(0, -4)}AAAA`;
    const refused = await rt.call('POST', '/v1/profiles/me/credentials', { token: zhao, body: { jwt: tampered } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe('checks.signature');

    await rt.dispatcher!.drain();
    expect(
      (await rt.call('GET', '/v1/profiles/me', { token: zhao })).body.verifiedSkills.map((v: { uri: string }) => v.uri),
    ).toEqual([BATTERY_COMPONENTS]);
    expect((await rt.call('GET', '/v1/profiles/me/export', { token: zhao })).body.data.HeldCredential).toHaveLength(1);
    await rt.call('DELETE', '/v1/profiles/me', { token: zhao });
    await rt.dispatcher!.drain();
    expect(await rt.deps.credentials.listHeld('grad-zhao')).toEqual([]);
    // The issuer's record keeps what revoking needs, not Zhao's email.
    expect((await scanTable(rt.table)).filter((item) => JSON.stringify(item).includes('zhao@example.com'))).toEqual([]);
    const kept = await rt.deps.credentials.get('cred-for-import');
    expect(kept).toMatchObject({
      holder: { kind: 'external', subjectId: 'urn:skillpass:graduate:grad-zhao' },
      statusListId: 'l1',
    });
    expect((await rt.call('POST', '/v1/credentials/cred-for-import/revoke', { token: otherSchool })).body.status).toBe(
      'revoked',
    );
  });

  it("refuses another graduate's credential, and one whose subject the caller has not proven, with 403, storing nothing", async () => {
    const someoneElses = await issue(school);
    const thief = await rt.token('grad-thief', 'graduate');
    await rt.call('PUT', '/v1/profiles/me', {
      token: thief,
      body: { displayName: 'Thief', contactEmail: 'x@example.com' },
    });
    const stolen = await rt.call('POST', '/v1/profiles/me/credentials', {
      token: thief,
      body: { jwt: someoneElses.body.jwt },
    });
    expect(stolen.status).toBe(403);
    expect(stolen.body.errors[0]).toEqual({
      path: 'credentialSubject.id',
      message: 'must be urn:skillpass:graduate:grad-thief',
    });
    // An email in the profile is not proven, so a credential issued to that email's learner id is refused too.
    const byEmail = await rt.deps.credentialService.issue(
      'school-1',
      { templateId, holder: { subjectId: 'urn:learner:x', email: 'x@example.com' } },
      'cred-by-email',
    );
    const refused = await rt.call('POST', '/v1/profiles/me/credentials', {
      token: thief,
      body: { jwt: byEmail.credential.jwt },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('verified email');
    expect(await rt.deps.credentials.listHeld('grad-thief')).toEqual([]);
  });

  it('marks a held credential revoked after import on read, and its skills stop counting', async () => {
    const mine = await rt.deps.credentialService.issue(
      'school-1',
      { templateId, holder: { subjectId: 'urn:skillpass:graduate:grad-held', email: 'h@example.com' } },
      'cred-held',
    );
    const holder = await rt.token('grad-held', 'graduate');
    await rt.call('PUT', '/v1/profiles/me', {
      token: holder,
      body: { displayName: 'Held', contactEmail: 'h@example.com' },
    });
    expect(
      (await rt.call('POST', '/v1/profiles/me/credentials', { token: holder, body: { jwt: mine.credential.jwt } }))
        .status,
    ).toBe(201);
    await rt.dispatcher!.drain();
    expect((await rt.call('GET', '/v1/profiles/me', { token: holder })).body.verifiedSkills).toHaveLength(2);
    expect((await rt.call('GET', '/v1/profiles/me/credentials', { token: holder })).body.held[0].standing).toBe(
      'active',
    );

    await rt.deps.credentialService.changeStatus('school-1', 'cred-held', 'revoke');
    await rt.dispatcher!.drain();
    expect((await rt.call('GET', '/v1/profiles/me/credentials', { token: holder })).body.held[0].standing).toBe(
      'revoked',
    );
    // The revocation names no graduate here, so recompute as the next credential event for them would.
    const detail = { graduateId: 'grad-held', heldId: 'h', skills: [] };
    await CONSUMER_HANDLERS.credentialSkills(
      { id: 'evt-held', type: 'CredentialImported', source: 'skillpass', occurredAt: new Date().toISOString(), detail },
      rt.deps,
    );
    expect((await rt.call('GET', '/v1/profiles/me', { token: holder })).body.verifiedSkills).toEqual([]);
  });

  it('issues through the W3C VC API shape as an EnvelopedVerifiableCredential', async () => {
    const res = await rt.call('POST', '/credentials/issue', {
      token: school,
      body: {
        credential: { templateId, holder: { subjectId: 'urn:learner:vcapi', email: 'v@example.com' } },
        options: { format: 'vc+jwt' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.verifiableCredential.type).toBe('EnvelopedVerifiableCredential');
    expect(
      (await rt.call('POST', '/credentials/verify', { body: { verifiableCredential: res.body.verifiableCredential } }))
        .body.verified,
    ).toBe(true);
  });
});

describe('external issuers on the trust list', () => {
  it('verifies credentials signed by a configured external issuer’s key, and not by another key', async () => {
    const { buildCredential, loadOrCreateLocalSigner, signCredential } = await import('@skillpass/credentials');
    const { CredentialService } = await import('@skillpass/services');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'ext-'));
    const external = loadOrCreateLocalSigner(dir, {
      alg: 'ES256',
      keyId: 'ext',
      kidBaseUrl: 'https://tafe.example.au/keys',
    });
    const stranger = loadOrCreateLocalSigner(dir, {
      alg: 'ES256',
      keyId: 'stranger',
      kidBaseUrl: 'https://tafe.example.au/keys',
    });
    const service = new CredentialService({
      ...rt.deps,
      signer: stranger,
      publishedKeys: rt.deps.publishedKeys,
      origin: 'http://localhost:3000',
      skillLabel: (uri: string) => uri,
      externalIssuers: [
        {
          id: 'https://tafe.example.au',
          name: 'TAFE Example',
          jwks: { keys: [external.publicJwk] },
          accreditedUntil: '2030-01-01',
        },
      ],
    });
    const template = await rt.deps.issuers.getTemplate(templateId);
    const vc = buildCredential({
      credentialUrl: 'https://tafe.example.au/credentials/9',
      templateUrl: 'https://tafe.example.au/templates/1',
      template: template!,
      issuer: { id: 'https://tafe.example.au', name: 'TAFE Example', country: 'AU', region: 'Victoria' },
      holder: { id: 'urn:learner:ext' },
      skillLabel: (uri) => uri,
      validFrom: new Date('2026-01-01T00:00:00Z'),
    });
    const good = await service.verify(await signCredential(vc, external, new Date()));
    expect(good.verified).toBe(true);
    expect(good.checks.status.result).toBe('not_applicable');
    const bad = await service.verify(await signCredential(vc, stranger, new Date()));
    expect(bad.verified).toBe(false);
    expect(bad.checks.keyResolution.result).toBe('failed');
  });
});
