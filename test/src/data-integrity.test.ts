/**
 * Data Integrity, checked by an implementation skillpass does not contain: the digitalbazaar
 * libraries (@digitalbazaar/vc with the eddsa-rdfc-2022 and ecdsa-rdfc-2019 cryptosuites) verify every
 * credential and status list skillpass issues in its JSON-LD securing, dereferencing what the proofs
 * name over skillpass's public routes; and skillpass verifies credentials those libraries issue.
 */
import { gunzipSync } from 'node:zlib';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as vc from '@digitalbazaar/vc';
import { EU_ELEMENTS_CONTEXT, OB_CONTEXT, VC_CONTEXT } from '@skillpass/credentials';
import { contextsFromPackages } from '@skillpass/credentials/testing/contexts';
import { compactVerify, createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occupationUri, skillUri, startTestRuntime, type TestRuntime } from './harness.ts';
import { accreditedIssuer, publishedStandard, threeLevels } from './standards-fixture.ts';

const ORIGIN = 'http://localhost:3000';
const SKILL = skillUri(1);
const LD = { Accept: 'application/vc+ld+json' };

let rt: TestRuntime;
let school: string;
let templateId: string;

beforeAll(async () => {
  rt = await startTestRuntime();
  school = await rt.token('di-school', 'issuer');
  await rt.call('PUT', '/v1/issuers/me', {
    token: school,
    body: {
      legalName: { en: 'Hangzhou Technical College' },
      kind: 'school',
      country: 'CN',
      region: 'Zhejiang',
      accreditation: [{ by: 'Zhejiang HRSS', scope: 'vocational training', validUntil: '2030-12-31' }],
    },
  });
  const template = await rt.call('POST', '/v1/credential-templates', {
    token: school,
    body: {
      title: { en: 'EV battery pack assembly', zh: '动力电池包装配' },
      description: 'Assemble and test EV battery packs.',
      descriptionZh: '装配和测试动力电池包。',
      learningOutcomes: [SKILL],
      workload: { ects: 3 },
      eqfLevel: 4,
      assessmentType: 'practical exam',
      participationForm: 'onsite',
      qualityAssurance: 'external audit',
    },
  });
  expect(template.status, JSON.stringify(template.body)).toBe(201);
  templateId = template.body.templateId;
});
afterAll(async () => rt.close());

// --- The independent verifier: its own contexts (as the npm packages ship them) and its own dereferencing. ---
const packagedContexts = contextsFromPackages();

/**
 * A document loader as a networked verifier has one: contexts from the packages, and any other URL
 * fetched from skillpass's public routes; a URL with a fragment selects that verification method in
 * the document (W3C Controlled Identifiers 1.0, "Retrieve Verification Method").
 */
async function independentLoader(url: string) {
  const context = packagedContexts.get(url);
  if (context) return { contextUrl: null, documentUrl: url, document: context };
  if (!url.startsWith(`${ORIGIN}/`)) throw new Error(`the independent verifier does not load ${url}`);
  const [path, fragment] = url.slice(ORIGIN.length).split('#');
  const response = await rt.call('GET', path!, { headers: { Accept: 'application/ld+json' } });
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  const document = response.body;
  if (fragment === undefined) return { contextUrl: null, documentUrl: url, document };
  const method = (document.verificationMethod as Array<Record<string, unknown>>).find((m) => m.id === url);
  if (!method) throw new Error(`${url} is not in its document`);
  return { contextUrl: null, documentUrl: url, document: { '@context': document['@context'], ...method } };
}

const independentSuites = () => [
  new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
  new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 }),
];

/** Bitstring Status List, read by the test itself: the list verified by the libraries, its bits decoded here. */
async function independentStatus({ credential }: { credential: Record<string, unknown> }) {
  const entries = [credential.credentialStatus].flat() as Array<Record<string, string>>;
  for (const entry of entries) {
    const list = await rt.call('GET', entry.statusListCredential!.slice(ORIGIN.length), { headers: LD });
    const listCredential = list.body;
    const listResult = await vc.verifyCredential({
      credential: listCredential,
      suite: independentSuites(),
      documentLoader: independentLoader,
    });
    if (!listResult.verified) return { verified: false, error: new Error('status list does not verify') };
    const bits = gunzipSync(Buffer.from(listCredential.credentialSubject.encodedList.slice(1), 'base64url'));
    const index = Number(entry.statusListIndex);
    if (bits[index >> 3]! & (0x80 >> (index & 7)))
      return { verified: false, error: new Error(`${entry.statusPurpose} bit set`) };
  }
  return { verified: true };
}

const independentlyVerify = (credential: Record<string, unknown>, suite = independentSuites()) =>
  vc.verifyCredential({ credential, suite, documentLoader: independentLoader, checkStatus: independentStatus });

async function issueDataIntegrity(): Promise<{ id: string; credential: Record<string, unknown> }> {
  const issued = await rt.call('POST', '/v1/credentials', {
    token: school,
    body: { templateId, holder: { subjectId: 'urn:learner:di-1', email: 'di@example.com' } },
  });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  const ld = await rt.call('GET', `/v1/credentials/${issued.body.id}`, { token: school, headers: LD });
  expect(ld.status).toBe(200);
  expect(ld.headers.get('content-type')).toBe('application/vc+ld+json');
  return { id: issued.body.id, credential: ld.body };
}

describe('what skillpass issues, verified by the digitalbazaar libraries', () => {
  it('secures every credential both ways, with the same content', async () => {
    const { id, credential } = await issueDataIntegrity();
    const jwt = await rt.call('GET', `/v1/credentials/${id}`, {
      token: school,
      headers: { Accept: 'application/vc+jwt' },
    });
    expect(jwt.headers.get('content-type')).toBe('application/vc+jwt');
    const payload = JSON.parse(Buffer.from((jwt.body as string).split('.')[1]!, 'base64url').toString('utf8'));
    const { proof, ...content } = credential;
    for (const claim of ['iss', 'jti', 'sub', 'nbf', 'iat', 'exp']) delete payload[claim];
    expect(content).toEqual(payload);
    // The Chinese title and description are signed too, as language values, in both securings.
    expect(content.name).toEqual([
      { '@value': 'EV battery pack assembly', '@language': 'en' },
      { '@value': '动力电池包装配', '@language': 'zh-CN' },
    ]);
    expect(content.description).toEqual([
      { '@value': 'Assemble and test EV battery packs.', '@language': 'en' },
      { '@value': '装配和测试动力电池包。', '@language': 'zh-CN' },
    ]);
    expect((proof as Array<Record<string, string>>).map((p) => [p.cryptosuite, p.verificationMethod])).toEqual([
      ['eddsa-rdfc-2022', `${ORIGIN}/issuers/di-school#k1-ed25519`],
      ['ecdsa-rdfc-2019', `${ORIGIN}/issuers/di-school#k1`],
    ]);
  });

  it('verifies the credential, each proof on its own, and its status lists', async () => {
    const { credential } = await issueDataIntegrity();
    const result = await independentlyVerify(credential);
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
    const proofs = credential.proof as Array<Record<string, unknown>>;
    for (const [index, suite] of [eddsaRdfc2022, ecdsaRdfc2019].entries()) {
      const single = await independentlyVerify({ ...credential, proof: proofs[index] }, [
        new DataIntegrityProof({ cryptosuite: suite }),
      ]);
      expect(single.verified, suite.name).toBe(true);
    }
  });

  it('serves the status lists with Data Integrity proofs by content negotiation, vc+jwt by default', async () => {
    const { credential } = await issueDataIntegrity();
    const url = ([credential.credentialStatus].flat()[0] as { statusListCredential: string }).statusListCredential;
    const jwt = await rt.call('GET', url.slice(ORIGIN.length));
    expect(jwt.headers.get('content-type')).toBe('application/vc+jwt');
    const ld = await rt.call('GET', url.slice(ORIGIN.length), { headers: LD });
    expect(ld.headers.get('content-type')).toBe('application/vc+ld+json');
    expect(ld.headers.get('vary')).toBe('Accept');
    const list = ld.body;
    expect(list.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    const result = await vc.verifyCredential({
      credential: list,
      suite: independentSuites(),
      documentLoader: independentLoader,
    });
    expect(result.verified).toBe(true);
  });

  it('fails a tampered credential, and a revoked one on its status', async () => {
    const { id, credential } = await issueDataIntegrity();
    const tampered = structuredClone(credential) as { credentialSubject: { id: string } };
    tampered.credentialSubject.id = 'urn:learner:someone-else';
    expect((await independentlyVerify(tampered as unknown as Record<string, unknown>)).verified).toBe(false);
    expect((await rt.call('POST', `/v1/credentials/${id}/revoke`, { token: school })).status).toBe(200);
    expect((await independentlyVerify(credential)).verified).toBe(false);
  });

  it('secures a credential of a batch on the first request for it, and keeps those proofs', async () => {
    const accepted = await rt.call('POST', '/v1/credential-batches', {
      token: school,
      body: { templateId, recipients: [{ subjectId: 'urn:learner:di-batch', email: 'di-batch@example.com' }] },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    await (rt.deps.batchQueue as unknown as { idle(): Promise<void> }).idle();
    const progress = await rt.call('GET', `/v1/credential-batches/${accepted.body.batchId}`, { token: school });
    const id = progress.body.recipients[0].credentialId as string;
    // The batch signed the vc+jwt only: the proofs are not made until someone asks for that securing.
    expect((await rt.deps.credentials.get(id))?.proof).toBeUndefined();
    const first = await rt.call('GET', `/v1/credentials/${id}`, { token: school, headers: LD });
    expect(first.status).toBe(200);
    expect((await independentlyVerify(first.body)).verified).toBe(true);
    // ecdsa-rdfc-2019 signatures are randomised: the same proofs twice means they were stored, not made again.
    const again = await rt.call('GET', `/v1/credentials/${id}`, { token: school, headers: LD });
    expect(again.body.proof).toEqual(first.body.proof);
    expect((await rt.deps.credentials.get(id))?.proof).toEqual(first.body.proof);
  });

  it('lists the Multikey verification methods in did.json and in the issuer document', async () => {
    const did = (await rt.call('GET', '/.well-known/did.json')).body;
    const multikeys = did.verificationMethod.filter((m: { type: string }) => m.type === 'Multikey');
    expect(multikeys.map((m: { id: string }) => m.id)).toEqual([
      'did:web:localhost%3A3000#k1',
      'did:web:localhost%3A3000#k1-ed25519',
    ]);
    expect(did.assertionMethod).toEqual(expect.arrayContaining(multikeys.map((m: { id: string }) => m.id)));
    const issuer = (await rt.call('GET', '/issuers/di-school')).body;
    expect(issuer.type).toEqual(['Profile']);
    expect(issuer.assertionMethod).toEqual([
      `${ORIGIN}/issuers/di-school#k1`,
      `${ORIGIN}/issuers/di-school#k1-ed25519`,
    ]);
  });
});

/** A full W3C credential as the school writes it for the VC API: its own issuer id, no proof, no status. */
const fullCredential = () => ({
  '@context': [VC_CONTEXT, OB_CONTEXT, EU_ELEMENTS_CONTEXT],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Battery module welding',
  issuer: {
    id: `${ORIGIN}/issuers/di-school`,
    type: ['Profile'],
    name: 'Hangzhou Technical College',
    address: { type: ['Address'], addressCountry: 'CN', addressRegion: 'Zhejiang' },
  },
  validFrom: '2026-03-02T09:00:00+08:00',
  credentialSubject: {
    id: 'urn:learner:di-full',
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://hangzhou.example/achievements/module-welding',
      type: ['Achievement'],
      name: 'Battery module welding',
      description: 'Laser-weld battery module busbars.',
      criteria: { narrative: 'Welded and tested a module under supervision.' },
      alignment: [{ type: ['Alignment'], targetName: 'weld', targetUrl: SKILL, targetFramework: 'ESCO' }],
      euMicroCredential: {
        eqfLevel: 4,
        workloadHours: 30,
        assessmentType: 'practical exam',
        participationForm: 'onsite',
        qualityAssurance: 'external audit',
      },
    },
  },
});

describe('a full credential issued through the VC API, verified by independent libraries', () => {
  it('POST /credentials/issue secures it with proofs the digitalbazaar verifier accepts, together and each cryptosuite on its own', async () => {
    const issued = await rt.call('POST', '/credentials/issue', {
      token: school,
      body: { credential: fullCredential() },
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const credential = issued.body.verifiableCredential as Record<string, unknown>;
    const both = await independentlyVerify(credential);
    expect(both.error).toBeUndefined();
    expect(both.verified).toBe(true);
    const proofs = credential.proof as Array<Record<string, unknown>>;
    expect(proofs.map((p) => p.cryptosuite)).toEqual(['eddsa-rdfc-2022', 'ecdsa-rdfc-2019']);
    for (const [index, suite] of [eddsaRdfc2022, ecdsaRdfc2019].entries()) {
      const single = await independentlyVerify({ ...credential, proof: proofs[index] }, [
        new DataIntegrityProof({ cryptosuite: suite }),
      ]);
      expect(single.verified, suite.name).toBe(true);
    }
    const altered = { ...credential, name: 'Battery module design' };
    expect((await independentlyVerify(altered)).verified).toBe(false);
  });

  it('POST /credentials/issue with options.format vc+jwt gives a JWS jose verifies with the published JWKS', async () => {
    const issued = await rt.call('POST', '/credentials/issue', {
      token: school,
      body: { credential: fullCredential(), options: { format: 'vc+jwt' } },
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const envelope = issued.body.verifiableCredential as { type: string; id: string };
    expect(envelope.type).toBe('EnvelopedVerifiableCredential');
    const jws = envelope.id.slice('data:application/vc+jwt,'.length);
    const jwks = createLocalJWKSet((await rt.call('GET', '/.well-known/jwks.json')).body);
    const { payload, protectedHeader } = await compactVerify(jws, jwks);
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'vc+jwt', kid: `${ORIGIN}/keys/k1` });
    const content = JSON.parse(new TextDecoder().decode(payload));
    expect(content).toMatchObject({ name: 'Battery module welding', iss: `${ORIGIN}/issuers/di-school` });
  });
});

describe('what skillpass verifies', () => {
  it('verifies its own Data Integrity credential through POST /v1/verify, and refuses it tampered or revoked', async () => {
    const { id, credential } = await issueDataIntegrity();
    const report = (await rt.call('POST', '/v1/verify', { body: credential })).body;
    expect(report.checks.signature).toEqual({
      result: 'passed',
      message: 'eddsa-rdfc-2022 and ecdsa-rdfc-2019 proof is valid.',
    });
    expect(report.verified).toBe(true);
    const tampered = { ...credential, name: 'Something else' };
    const bad = (await rt.call('POST', '/v1/verify', { body: tampered })).body;
    expect(bad.verified).toBe(false);
    expect(bad.checks.signature.result).toBe('failed');
    const withUnknownContext = {
      ...credential,
      '@context': [...(credential['@context'] as unknown[]), 'https://evil.example/v1'],
    };
    const unknown = (await rt.call('POST', '/v1/verify', { body: withUnknownContext })).body;
    expect(unknown.checks.signature.message).toMatch(/Unknown JSON-LD context https:\/\/evil\.example\/v1/);
    await rt.call('POST', `/v1/credentials/${id}/suspend`, { token: school });
    const suspended = (await rt.call('POST', '/v1/verify', { body: credential })).body;
    expect(suspended.verified).toBe(false);
    expect(suspended.checks.status.message).toBe('The credential is suspended.');
  });
});

describe('a credential attesting a level of a shared skill-level standard', () => {
  it('carries the level as an Open Badges Alignment, and both securings verify, independently too', async () => {
    const proposer = await accreditedIssuer(rt, 'di-std-js', '320000');
    const reviewer = await accreditedIssuer(rt, 'di-std-ah', '340000');
    const standardId = await publishedStandard(
      rt,
      proposer,
      reviewer,
      threeLevels(occupationUri(3), [skillUri(11), skillUri(12), skillUri(13)]),
    );
    const template = await rt.call('POST', '/v1/credential-templates', {
      token: school,
      body: {
        title: { en: 'Welding, senior worker', zh: '焊工（高级工）' },
        description: 'Weld to the shared standard.',
        learningOutcomes: [skillUri(11), skillUri(12), skillUri(13)],
        workload: { hours: 120 },
        eqfLevel: 4,
        chinaSkillLevel: 3,
        skillLevelStandard: { standardId, version: 1, level: 3 },
        assessmentType: 'practical exam',
        participationForm: 'onsite',
        qualityAssurance: 'external audit',
      },
    });
    expect(template.status, JSON.stringify(template.body)).toBe(201);
    const issued = await rt.call('POST', '/v1/credentials', {
      token: school,
      body: {
        templateId: template.body.templateId,
        holder: { subjectId: 'urn:learner:di-std', email: 's@example.com' },
      },
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.credential.skillLevelStandard).toEqual({ standardId, version: 1, level: 3 });
    const ld = await rt.call('GET', `/v1/credentials/${issued.body.id}`, { token: school, headers: LD });
    const credential = ld.body as Record<string, unknown>;
    const alignment = (credential.credentialSubject as { achievement: { alignment: Array<Record<string, string>> } })
      .achievement.alignment;
    expect(alignment.at(-1)).toEqual({
      type: ['Alignment'],
      targetName: '高级工 / senior worker (national skill level 3)',
      targetUrl: `${ORIGIN}/v1/standards/${standardId}/versions/1#level-3`,
      targetCode: `${standardId}@1#3`,
      targetFramework: 'skillpass skill-level standards',
      targetType: 'ext:SkillLevelStandard',
    });
    // What the alignment points at is served, publicly.
    expect((await rt.call('GET', `/v1/standards/${standardId}/versions/1`)).status).toBe(200);
    const independent = await independentlyVerify(credential);
    expect(independent.error).toBeUndefined();
    expect(independent.verified).toBe(true);
    for (const body of [credential, { jwt: issued.body.jwt }]) {
      const report = (await rt.call('POST', '/v1/verify', { body })).body;
      expect(report.verified, JSON.stringify(report.checks)).toBe(true);
    }
  });

  it('refuses a template naming a level no published version defines, naming the field', async () => {
    const base = {
      title: { en: 'Welding' },
      description: 'Weld.',
      learningOutcomes: [skillUri(11)],
      workload: { hours: 10 },
      eqfLevel: 3,
      assessmentType: 'practical exam',
      participationForm: 'onsite',
      qualityAssurance: 'external audit',
    };
    const unknown = await rt.call('POST', '/v1/credential-templates', {
      token: school,
      body: { ...base, skillLevelStandard: { standardId: 'std_none', version: 1, level: 3 } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('skillLevelStandard.standardId');
    const proposer = await accreditedIssuer(rt, 'di-std-zj', '330000');
    const reviewer = await accreditedIssuer(rt, 'di-std-sh', '310000');
    const standardId = await publishedStandard(
      rt,
      proposer,
      reviewer,
      threeLevels(occupationUri(4), [skillUri(21), skillUri(22), skillUri(23)]),
    );
    for (const [ref, path] of [
      [{ standardId, version: 2, level: 3 }, 'skillLevelStandard.version'],
      [{ standardId, version: 1, level: 1 }, 'skillLevelStandard.level'],
    ] as const) {
      const refused = await rt.call('POST', '/v1/credential-templates', {
        token: school,
        body: { ...base, skillLevelStandard: ref },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].path).toBe(path);
    }
  });
});

/** An Open Badges 3.0 achievement credential from a did:key issuer, as another platform would issue it. */
function otherPlatformsCredential(issuer: string, subject: string) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:5b6c4f1e-9e0e-4a57-9c55-3f2f0f5e7a10',
    type: ['VerifiableCredential', 'AchievementCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Another Academy' },
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: {
      id: subject,
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://academy.example/achievements/1',
        type: ['Achievement'],
        name: 'Battery safety',
        description: 'Handles battery packs safely.',
        criteria: { narrative: 'Passed the practical exam.' },
      },
    },
  };
}

describe("others' Data Integrity credentials", () => {
  it('verifies eddsa-rdfc-2022 and ecdsa-rdfc-2019 credentials the libraries issue with a did:key', async () => {
    const ed = await Ed25519Multikey.generate();
    const ec = await EcdsaMultikey.generate({ curve: 'P-256' });
    for (const [key, cryptosuite] of [
      [ed, eddsaRdfc2022],
      [ec, ecdsaRdfc2019],
    ] as const) {
      const did = `did:key:${key.publicKeyMultibase}`;
      key.id = `${did}#${key.publicKeyMultibase}`;
      key.controller = did;
      const signed = await vc.issue({
        credential: otherPlatformsCredential(did, 'urn:learner:x'),
        suite: new DataIntegrityProof({ cryptosuite, signer: key.signer() }),
        documentLoader: independentLoader,
      });
      const report = (await rt.call('POST', '/v1/verify', { body: signed })).body;
      expect(report.checks.signature, cryptosuite.name).toEqual({
        result: 'passed',
        message: `${cryptosuite.name} proof is valid.`,
      });
      expect(report.checks.keyResolution.result).toBe('passed');
      // Not on this platform's trust list: the signature holds, the issuer is not trusted.
      expect(report.checks.issuerTrusted.result).toBe('failed');
      expect(report.verified).toBe(false);
      const tampered = { ...signed, validFrom: '2026-02-01T00:00:00Z' };
      expect((await rt.call('POST', '/v1/verify', { body: tampered })).body.checks.signature.result).toBe('failed');
    }
  });
});
