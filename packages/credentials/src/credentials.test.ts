import { createPrivateKey, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type { CredentialTemplate } from '@skillpass/domain';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCredential,
  envelopedCredential,
  missingEuMandatoryElements,
  type StatusEntry,
  VC_CONTEXT,
} from './credential.ts';
import { allDataModelViolations } from './data-model-rules.ts';
import { signCompactJws, signCredential } from './jws.ts';
import { kmsSigner, type LocalSigner, loadOrCreateLocalSigner } from './signer.ts';
import {
  allocateRandomIndex,
  decodeStatusList,
  encodeStatusList,
  isStatusSet,
  PICKS_BEFORE_LIST_IS_FULL,
} from './status-list.ts';
import { type VerifyDeps, verifyCredential } from './verify.ts';

const ORIGIN = 'https://skillpass.example';
const template: CredentialTemplate = {
  templateId: 'tpl_1',
  issuerId: 'iss_1',
  title: { en: 'EV battery pack assembly', zh: '动力电池包装配' },
  description: 'Assemble and test EV battery packs safely.',
  learningOutcomes: [
    'http://data.europa.eu/esco/skill/84cc8c9d-db57-42ec-8948-9b632bf06124',
    'http://data.europa.eu/esco/skill/8cf03262-b6b0-4fe8-9d66-91063bb32db3',
  ],
  workload: { ects: 3, hours: 75 },
  eqfLevel: 4,
  chinaSkillLevel: 4,
  assessmentType: 'practical exam',
  participationForm: 'onsite',
  qualityAssurance: 'accredited by the Jiangsu Department of Human Resources',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const issuer = { id: `${ORIGIN}/issuers/iss_1`, name: 'Suzhou Vocational Institute', country: 'CN', region: 'Jiangsu' };

let signer: LocalSigner;
let otherSigner: LocalSigner;
const revoked = new Set<number>();
const suspended = new Set<number>();
let deps: VerifyDeps;

function credentialAt(validFrom: Date, validUntil?: Date, index = 7) {
  return buildCredential({
    credentialUrl: `${ORIGIN}/credentials/c1`,
    templateUrl: `${ORIGIN}/credential-templates/tpl_1`,
    template,
    issuer,
    holder: { id: 'urn:skillpass:graduate:g1', name: 'Li Wei' },
    skillLabel: (uri) => `label of ${uri.slice(-4)}`,
    validFrom,
    validUntil,
    status: { listUrl: `${ORIGIN}/status-lists/list-1`, index },
  });
}

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'keys-'));
  signer = loadOrCreateLocalSigner(dir, { alg: 'ES256', keyId: 'k1', kidBaseUrl: `${ORIGIN}/keys` });
  otherSigner = loadOrCreateLocalSigner(dir, { alg: 'ES256', keyId: 'k-other', kidBaseUrl: `${ORIGIN}/keys` });
  deps = {
    resolveKey: async (kid) => [signer, otherSigner].find((s) => s.kid === kid)?.publicJwk,
    issuer: async (id) =>
      id === issuer.id ? { id, name: issuer.name, keyIds: [signer.kid], accreditedUntil: '2030-12-31' } : undefined,
    statusOf: async (_list, index, purpose) =>
      (purpose === 'revocation' ? revoked : suspended).has(index) ? 'set' : 'unset',
  };
});

const NOW = new Date('2026-11-24T00:00:00Z');

describe('issue → verify', () => {
  it('signs the Chinese title and description beside the English, as language values VC DM 2.0 accepts', async () => {
    const vc = buildCredential({
      credentialUrl: `${ORIGIN}/credentials/c2`,
      templateUrl: `${ORIGIN}/credential-templates/tpl_1`,
      template: { ...template, descriptionZh: '安全地装配和测试动力电池包。' },
      issuer,
      holder: { id: 'urn:skillpass:graduate:g1' },
      skillLabel: (uri) => uri,
      validFrom: new Date('2026-11-01T00:00:00Z'),
    });
    expect(vc.name).toEqual([
      { '@value': 'EV battery pack assembly', '@language': 'en' },
      { '@value': '动力电池包装配', '@language': 'zh-CN' },
    ]);
    expect(vc.description).toEqual([
      { '@value': 'Assemble and test EV battery packs safely.', '@language': 'en' },
      { '@value': '安全地装配和测试动力电池包。', '@language': 'zh-CN' },
    ]);
    // Open Badges' achievement keeps plain English strings.
    expect(vc.credentialSubject.achievement.name).toBe('EV battery pack assembly');
    expect(await allDataModelViolations(vc)).toEqual([]);
    expect((await verifyCredential(await signCredential(vc, signer, NOW), deps, NOW)).verified).toBe(true);
    // Without a Chinese form, plain strings as before.
    const english = buildCredential({
      credentialUrl: `${ORIGIN}/credentials/c3`,
      templateUrl: `${ORIGIN}/credential-templates/tpl_1`,
      template: { ...template, title: { en: 'Welding' } },
      issuer,
      holder: { id: 'urn:skillpass:graduate:g1' },
      skillLabel: (uri) => uri,
      validFrom: new Date('2026-11-01T00:00:00Z'),
    });
    expect([english.name, english.description]).toEqual(['Welding', template.description]);
  });

  it('passes every check, with all eleven EU elements present', async () => {
    const vc = credentialAt(new Date('2026-11-01T00:00:00Z'), new Date('2029-11-01T00:00:00Z'));
    expect(missingEuMandatoryElements(vc)).toEqual([]);
    const jwt = await signCredential(vc, signer, NOW);
    const header = JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString());
    expect(header).toEqual({ alg: 'ES256', typ: 'vc+jwt', kid: `${ORIGIN}/keys/k1` });
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());
    expect(payload).toMatchObject({
      iss: issuer.id,
      jti: vc.id,
      sub: 'urn:skillpass:graduate:g1',
      nbf: 1_793_491_200,
      exp: 1_888_185_600,
    });
    expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    const report = await verifyCredential(jwt, deps, NOW);
    expect(report.verified).toBe(true);
    expect(Object.values(report.checks).map((c) => c.result)).toEqual(Array(7).fill('passed'));
    // The same credential in the other accepted envelopes.
    expect((await verifyCredential({ jwt }, deps, NOW)).verified).toBe(true);
    expect(
      (
        await verifyCredential(
          { type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${jwt}` },
          deps,
          NOW,
        )
      ).verified,
    ).toBe(true);
    // What the VC API issues is what verification unwraps.
    expect(envelopedCredential(jwt)).toEqual({
      '@context': [VC_CONTEXT],
      type: 'EnvelopedVerifiableCredential',
      id: `data:application/vc+jwt,${jwt}`,
    });
    expect((await verifyCredential(envelopedCredential(jwt), deps, NOW)).verified).toBe(true);
  });

  it('fails the signature check when any single byte of the JWS is flipped', async () => {
    const jwt = await signCredential(credentialAt(new Date('2026-11-01T00:00:00Z')), signer, NOW);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: jwt.length - 1 }), async (position) => {
        const original = jwt[position]!;
        if (original === '.') return;
        // Flip the high bit of the base64url digit: a low-bit flip of a final digit can land in padding bits.
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
        const replacement = alphabet[alphabet.indexOf(original) ^ 0b100000]!;
        const tampered = `${jwt.slice(0, position)}${replacement}${jwt.slice(position + 1)}`;
        const report = await verifyCredential(tampered, deps, NOW);
        expect(report.verified).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('does not follow the status URLs of a credential whose signature fails', async () => {
    const jwt = await signCredential(credentialAt(new Date('2026-11-01T00:00:00Z')), otherSigner, NOW);
    const forged = `${jwt.split('.')[0]}.${jwt.split('.')[1]}.${(await signCredential(credentialAt(new Date('2026-10-01T00:00:00Z')), signer, NOW)).split('.')[2]}`;
    const lookedUp: string[] = [];
    const statusOf = async (list: string) => {
      lookedUp.push(list);
      return 'unset' as const;
    };
    const report = await verifyCredential(forged, { ...deps, statusOf }, NOW);
    expect(report.verified).toBe(false);
    expect(report.checks.status).toEqual({
      result: 'not_applicable',
      message: 'Not checked: the signature is not valid.',
    });
    expect(lookedUp).toEqual([]);
  });

  it('fails the validity window when expired or not yet valid', async () => {
    const expired = await signCredential(
      credentialAt(new Date('2025-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z')),
      signer,
      NOW,
    );
    const early = await signCredential(credentialAt(new Date('2027-01-01T00:00:00Z')), signer, NOW);
    for (const jwt of [expired, early]) {
      const report = await verifyCredential(jwt, deps, NOW);
      expect(report.verified).toBe(false);
      expect(report.checks.validityWindow.result).toBe('failed');
      expect(report.checks.signature.result).toBe('passed');
    }
  });

  it('fails the status check when revoked or suspended', async () => {
    revoked.add(21);
    suspended.add(22);
    for (const [index, word] of [
      [21, 'revoked'],
      [22, 'suspended'],
    ] as const) {
      const report = await verifyCredential(
        await signCredential(credentialAt(new Date('2026-11-01T00:00:00Z'), undefined, index), signer, NOW),
        deps,
        NOW,
      );
      expect(report.checks.status).toEqual({ result: 'failed', message: expect.stringContaining(word) });
      expect(report.verified).toBe(false);
    }
  });

  it('fails issuer trust for an issuer not on the trust list, or whose accreditation ended', async () => {
    const untrusted = {
      ...credentialAt(new Date('2026-11-01T00:00:00Z')),
      issuer: { ...credentialAt(new Date()).issuer, id: 'https://evil.example/issuer' },
    };
    const report = await verifyCredential(await signCredential(untrusted, signer, NOW), deps, NOW);
    expect(report.checks.issuerTrusted.result).toBe('failed');
    const lapsed = await verifyCredential(
      await signCredential(credentialAt(new Date('2026-11-01T00:00:00Z')), signer, NOW),
      deps,
      new Date('2031-02-01T00:00:00Z'),
    );
    expect(lapsed.checks.issuerTrusted.message).toContain('ended');
  });

  it('rejects alg none, HS256 keyed with the public key, a wrong typ, unknown crit and another key’s kid', async () => {
    const vc = credentialAt(new Date('2026-11-01T00:00:00Z'));
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'vc+jwt', kid: signer.kid })}.${b64(vc)}.`;
    const hs256 = await new SignJWT(vc as never)
      .setProtectedHeader({ alg: 'HS256', typ: 'vc+jwt', kid: signer.kid })
      .sign(new TextEncoder().encode(JSON.stringify(signer.publicJwk)));
    const wrongTyp = await signCompactJws(vc, signer, 'JWT');
    const crit = await (async () => {
      const header = { alg: 'ES256', typ: 'vc+jwt', kid: signer.kid, crit: ['exp-policy'], 'exp-policy': 1 };
      const input = `${b64(header)}.${b64(vc)}`;
      return `${input}.${Buffer.from(await signer.sign(new TextEncoder().encode(input))).toString('base64url')}`;
    })();
    const otherKid = await signCredential(vc, otherSigner, NOW);
    const cases: Array<[string, string, string]> = [
      ['alg none', none, 'signature'],
      ['HS256 with the public key', hs256, 'signature'],
      ['wrong typ', wrongTyp, 'format'],
      ['unknown crit', crit, 'signature'],
      ["another issuer's kid", otherKid, 'keyResolution'],
    ];
    for (const [name, jwt, check] of cases) {
      const report = await verifyCredential(jwt, deps, NOW);
      expect(report.verified, name).toBe(false);
      expect(report.checks[check as keyof typeof report.checks].result, name).toBe('failed');
    }
  });

  it('reports garbage as a failed format check and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.jsonValue()), async (garbage) => {
        const report = await verifyCredential(garbage, deps, NOW);
        expect(report.verified).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('signers', () => {
  it('Ed25519 keys sign credentials that verify', async () => {
    const ed = loadOrCreateLocalSigner(mkdtempSync(join(tmpdir(), 'ed-')), {
      alg: 'EdDSA',
      keyId: 'ed',
      kidBaseUrl: `${ORIGIN}/keys`,
    });
    const edDeps: VerifyDeps = {
      ...deps,
      resolveKey: async () => ed.publicJwk,
      issuer: async (id) => ({ id, name: 'x', keyIds: [ed.kid] }),
    };
    const report = await verifyCredential(
      await signCredential(credentialAt(new Date('2026-11-01T00:00:00Z')), ed, NOW),
      edDeps,
      NOW,
    );
    expect(report.checks.signature.result).toBe('passed');
  });

  it('KMS signatures (DER) become JOSE signatures that verify', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const kms = mockClient(KMSClient);
    kms.on(SignCommand).callsFake((input: { Message: Uint8Array }) => ({
      Signature: nodeSign('sha256', input.Message, {
        key: createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' })),
        dsaEncoding: 'der',
      }),
    }));
    const kid = `${ORIGIN}/keys/kms-1`;
    const signerInKms = kmsSigner({
      client: async () => new KMSClient({ region: 'eu-central-1' }),
      keyId: 'alias/skillpass-signing-1',
      kid,
    });
    const kmsDeps: VerifyDeps = {
      ...deps,
      resolveKey: async () => ({ ...publicKey.export({ format: 'jwk' }), kid }),
      issuer: async (id) => ({ id, name: 'x', keyIds: [kid] }),
    };
    const report = await verifyCredential(
      await signCredential(credentialAt(new Date('2026-11-01T00:00:00Z')), signerInKms, NOW),
      kmsDeps,
      NOW,
    );
    expect(report.checks.signature.result).toBe('passed');
    expect(kms.commandCalls(SignCommand)[0]!.args[0].input).toMatchObject({
      KeyId: 'alias/skillpass-signing-1',
      SigningAlgorithm: 'ECDSA_SHA_256',
    });
    kms.restore();
  });
});

describe('bitstring status list', () => {
  it('round-trips set bits through GZIP + base64url multibase, 131,072 entries', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 131_071 }), { maxLength: 50 }),
        fc.nat({ max: 131_071 }),
        (set, probe) => {
          const bits = decodeStatusList(encodeStatusList(set));
          expect(bits.length * 8).toBe(131_072);
          expect(isStatusSet(bits, probe)).toBe(set.includes(probe));
        },
      ),
    );
    expect(encodeStatusList([]).startsWith('u')).toBe(true);
  });

  it('decodes the W3C spec’s published example list, and reads bits left-most first as the spec orders them', () => {
    // W3C Bitstring Status List v1.0 (https://www.w3.org/TR/vc-bitstring-status-list/), the example
    // BitstringStatusListCredential: its encodedList is 131,072 entries with no bit set; the spec's example
    // BitstringStatusListEntry points at statusListIndex 94567 in it.
    const published = decodeStatusList('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA');
    expect(published.length * 8).toBe(131_072);
    expect(published.every((byte) => byte === 0)).toBe(true);
    expect(isStatusSet(published, 94567)).toBe(false);
    // "The first index ... is located at the left-most bit": built here without our encoder (byte 11820, bit 7 of 8).
    const bytes = new Uint8Array(16_384);
    bytes[0] = 0b1000_0000;
    bytes[94567 >> 3] = 0b0000_0001;
    const handMade = decodeStatusList(`u${gzipSync(bytes).toString('base64url')}`);
    expect([0, 1, 7, 94566, 94567].map((index) => isStatusSet(handMade, index))).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
    expect(decodeStatusList(encodeStatusList([0, 94567]))).toEqual(bytes);
  });

  it('allocates a random free index, retrying when the claim is taken', async () => {
    const taken = new Set([5]);
    const sequence = [5 / 131_072, 9 / 131_072];
    const index = await allocateRandomIndex(
      async (i) => !taken.has(i),
      () => sequence.shift()!,
    );
    expect(index).toBe(9);
    // A list whose picks all collide counts as full: the caller moves to the next list.
    let picks = 0;
    const neverFree = async () => {
      picks++;
      return false;
    };
    expect(await allocateRandomIndex(neverFree)).toBeUndefined();
    expect(picks).toBe(PICKS_BEFORE_LIST_IS_FULL);
  });
});

describe('what the verifier refuses (issue #14)', () => {
  const FROM = new Date('2026-11-01T00:00:00Z');
  const verify = (jwt: string) => verifyCredential(jwt, deps, NOW);

  it('a revoked credential whose credentialStatus is a single object is not verified', async () => {
    revoked.add(31);
    const vc = credentialAt(FROM, undefined, 31);
    const single = { ...vc, credentialStatus: (vc.credentialStatus as StatusEntry[])[0] };
    const report = await verify(await signCredential(single, signer, NOW));
    expect(report.checks.status).toEqual({ result: 'failed', message: 'The credential is revoked.' });
    expect(report.verified).toBe(false);
  });

  it('a status entry that cannot be read fails the status check in plain words', async () => {
    const vc = {
      ...credentialAt(FROM),
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
    };
    const report = await verify(await signCredential(vc, signer, NOW));
    expect(report.checks.status).toEqual({ result: 'failed', message: 'Its revocation status could not be read.' });
  });

  it('iss that differs from issuer.id is refused', async () => {
    const vc = credentialAt(FROM);
    const jwt = await signCompactJws({ ...vc, iss: 'https://evil.example/issuer' }, signer, 'vc+jwt');
    const report = await verify(jwt);
    expect(report.checks.format).toEqual({ result: 'failed', message: expect.stringContaining('iss') });
    expect(report.verified).toBe(false);
  });

  it('vc and vp JWT claims are refused', async () => {
    const vc = credentialAt(FROM);
    for (const claim of ['vc', 'vp']) {
      const report = await verify(await signCompactJws({ ...vc, [claim]: vc }, signer, 'vc+jwt'));
      expect(report.checks.format.result, claim).toBe('failed');
    }
  });

  it('cty vp on a credential is refused', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const input = `${b64({ alg: 'ES256', typ: 'vc+jwt', cty: 'vp', kid: signer.kid })}.${b64(credentialAt(FROM))}`;
    const jwt = `${input}.${Buffer.from(await signer.sign(new TextEncoder().encode(input))).toString('base64url')}`;
    expect((await verify(jwt)).checks.format).toEqual({ result: 'failed', message: expect.stringContaining('cty') });
  });

  it('a valid credential without validFrom verifies', async () => {
    const { validFrom: _from, ...vc } = credentialAt(FROM);
    const report = await verify(await signCredential(vc, signer, NOW));
    expect(report.checks.validityWindow.result).toBe('passed');
    expect(report.verified).toBe(true);
  });

  it('a status list is not a credential, and only accepted types pass when the purpose names them', async () => {
    const list = {
      '@context': [VC_CONTEXT],
      id: `${ORIGIN}/status-lists/list-1/revocation`,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: { id: issuer.id },
      credentialSubject: {
        id: `${ORIGIN}/status-lists/list-1/revocation#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: encodeStatusList([]),
      },
    };
    const asList = await verify(await signCredential(list, signer, NOW));
    expect(asList.checks.format).toEqual({
      result: 'failed',
      message: 'This is a status list, not a credential that certifies anything.',
    });
    expect(asList.verified).toBe(false);
    const plain = { ...credentialAt(FROM), type: ['VerifiableCredential'] };
    const generic = await signCredential(plain, signer, NOW);
    const report = await verifyCredential(generic, deps, NOW, { acceptTypes: ['OpenBadgeCredential'] });
    expect(report.checks.format.result).toBe('failed');
  });

  it('ES384 and ES512 signatures verify with P-384 and P-521 keys', async () => {
    for (const [alg, namedCurve, hash] of [
      ['ES384', 'P-384', 'sha384'],
      ['ES512', 'P-521', 'sha512'],
    ] as const) {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
      const kid = `${ORIGIN}/keys/${alg}`;
      const jwt = await signCredential(
        credentialAt(FROM),
        { alg, kid, sign: async (input) => nodeSign(hash, input, { key: privateKey, dsaEncoding: 'ieee-p1363' }) },
        NOW,
      );
      const jwk = { ...publicKey.export({ format: 'jwk' }), kid };
      const report = await verifyCredential(
        jwt,
        { ...deps, resolveKey: async () => jwk, issuer: async (id) => ({ id, name: 'x', keyIds: [kid] }) },
        NOW,
      );
      expect(report.checks.signature, alg).toEqual({ result: 'passed', message: `${alg} signature is valid.` });
    }
  });
});
