import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VC_CONTEXT } from './credential.ts';
import {
  allDataModelViolations,
  credentialSubjectIsNotEmpty,
  dataModelViolations,
  datesAreDateTimesWithTimeZone,
  firstContextIsVc2,
  idIsUrl,
  issuerIsUrlOrObjectWithUrlId,
  namesAreStringsOrLanguageValues,
  relatedResourceDigestsAreWellFormed,
  TYPED_PROPERTIES,
  typedPropertiesCarryType,
  typeIncludesVerifiableCredential,
} from './data-model-rules.ts';

/** A minimal credential that keeps every rule; each test breaks one. */
const valid = (): Record<string, unknown> => ({
  '@context': [VC_CONTEXT],
  id: 'urn:uuid:2f0c3a5e-0000-4000-8000-000000000001',
  type: ['VerifiableCredential'],
  issuer: 'did:example:issuer',
  validFrom: '2026-01-31T09:00:00Z',
  credentialSubject: { id: 'did:example:subject', name: 'Li Wei' },
});
const paths = (violations: Array<{ path: string }>) => violations.map((v) => v.path);
const digest = (alg: 'sha256' | 'sha384', text: string) => createHash(alg).update(text).digest();

describe('VC Data Model 2.0 rules', () => {
  it('a valid credential keeps every rule', async () => {
    expect(dataModelViolations(valid())).toEqual([]);
    expect(await allDataModelViolations(valid())).toEqual([]);
  });

  it('the first @context is the VC 2.0 context', () => {
    expect(paths(firstContextIsVc2({ ...valid(), '@context': ['https://www.w3.org/2018/credentials/v1'] }))).toEqual([
      '@context.0',
    ]);
  });

  it('type includes VerifiableCredential', () => {
    expect(typeIncludesVerifiableCredential(valid())).toEqual([]);
    expect(paths(typeIncludesVerifiableCredential({ ...valid(), type: ['OpenBadgeCredential'] }))).toEqual(['type']);
    expect(paths(typeIncludesVerifiableCredential({ ...valid(), type: undefined }))).toEqual(['type']);
  });

  it('id, when present, is a URL', () => {
    expect(idIsUrl({ ...valid(), id: undefined })).toEqual([]);
    expect(paths(idIsUrl({ ...valid(), id: 'credential 1' }))).toEqual(['id']);
  });

  it('issuer is a URL or an object with a URL id', () => {
    for (const issuer of ['https://school.example', 'did:key:z6Mkabc', { id: 'https://school.example', name: 'S' }])
      expect(issuerIsUrlOrObjectWithUrlId({ ...valid(), issuer })).toEqual([]);
    expect(paths(issuerIsUrlOrObjectWithUrlId({ ...valid(), issuer: 'Suzhou School' }))).toEqual(['issuer']);
    expect(paths(issuerIsUrlOrObjectWithUrlId({ ...valid(), issuer: { id: 'school 1' } }))).toEqual(['issuer.id']);
    expect(paths(issuerIsUrlOrObjectWithUrlId({ ...valid(), issuer: { name: 'S' } }))).toEqual(['issuer.id']);
    expect(paths(issuerIsUrlOrObjectWithUrlId({ ...valid(), issuer: 42 }))).toEqual(['issuer']);
  });

  it('credentialSubject is present and not empty', () => {
    expect(credentialSubjectIsNotEmpty({ ...valid(), credentialSubject: [{ id: 'did:example:a' }] })).toEqual([]);
    expect(paths(credentialSubjectIsNotEmpty({ ...valid(), credentialSubject: undefined }))).toEqual([
      'credentialSubject',
    ]);
    expect(paths(credentialSubjectIsNotEmpty({ ...valid(), credentialSubject: {} }))).toEqual(['credentialSubject']);
    expect(paths(credentialSubjectIsNotEmpty({ ...valid(), credentialSubject: [] }))).toEqual(['credentialSubject']);
    expect(paths(credentialSubjectIsNotEmpty({ ...valid(), credentialSubject: [{ id: 'x:y' }, 'z'] }))).toEqual([
      'credentialSubject.1',
    ]);
  });

  it.each(TYPED_PROPERTIES)('every %s entry carries a type', (name) => {
    const typed = { id: 'https://example.org/thing', type: 'SomeType' };
    expect(typedPropertiesCarryType({ ...valid(), [name]: typed })).toEqual([]);
    expect(typedPropertiesCarryType({ ...valid(), [name]: [typed, { ...typed, type: ['A', 'B'] }] })).toEqual([]);
    expect(paths(typedPropertiesCarryType({ ...valid(), [name]: { id: 'https://example.org/thing' } }))).toEqual([
      `${name}.type`,
    ]);
    expect(paths(typedPropertiesCarryType({ ...valid(), [name]: [typed, { type: [] }] }))).toEqual([`${name}.1.type`]);
  });

  it('dates are XML Schema dateTimes with a time zone', () => {
    for (const date of ['2026-01-31T09:00:00Z', '2026-01-31T09:00:00.123+08:00', '2026-12-31T23:59:59-05:00'])
      expect(datesAreDateTimesWithTimeZone({ ...valid(), validFrom: date, validUntil: date })).toEqual([]);
    for (const date of ['2026-01-31T09:00:00', '2026-01-31', '2026-13-01T00:00:00Z', '31/01/2026', 1769850000])
      expect(paths(datesAreDateTimesWithTimeZone({ ...valid(), validUntil: date }))).toEqual(['validUntil']);
    expect(paths(datesAreDateTimesWithTimeZone({ ...valid(), validFrom: '2026-01-31 09:00Z' }))).toEqual(['validFrom']);
  });

  it('name and description are strings or language value objects', () => {
    const languages = [
      { '@value': 'EV battery assembly', '@language': 'en' },
      { '@value': '动力电池装配', '@language': 'zh', '@direction': 'ltr' },
    ];
    expect(namesAreStringsOrLanguageValues({ ...valid(), name: 'A', description: languages })).toEqual([]);
    expect(namesAreStringsOrLanguageValues({ ...valid(), name: languages[0] })).toEqual([]);
    expect(paths(namesAreStringsOrLanguageValues({ ...valid(), name: { en: 'A' } }))).toEqual(['name']);
    expect(paths(namesAreStringsOrLanguageValues({ ...valid(), description: 7 }))).toEqual(['description']);
    expect(
      paths(namesAreStringsOrLanguageValues({ ...valid(), name: [{ '@value': 'A', '@direction': 'up' }] })),
    ).toEqual(['name']);
    expect(
      paths(namesAreStringsOrLanguageValues({ ...valid(), issuer: { id: 'https://s.example', name: 3 } })),
    ).toEqual(['issuer.name']);
  });

  it('relatedResource digests are well formed (digestSRI or digestMultibase)', () => {
    const sri = `sha384-${digest('sha384', 'context').toString('base64')}`;
    const multihash = Buffer.concat([Buffer.from([0x12, 0x20]), digest('sha256', 'context')]);
    const ok = [
      { id: 'https://example.org/context.json', digestSRI: sri },
      { id: 'https://example.org/image.png', digestMultibase: `u${multihash.toString('base64url')}` },
    ];
    expect(relatedResourceDigestsAreWellFormed({ ...valid(), relatedResource: ok })).toEqual([]);
    const bad = (resource: Record<string, unknown>) =>
      paths(relatedResourceDigestsAreWellFormed({ ...valid(), relatedResource: [resource] }));
    expect(bad({ id: 'https://example.org/a' })).toEqual(['relatedResource.0']);
    expect(bad({ id: 'https://example.org/a', digestSRI: 'sha384-abc' })).toEqual(['relatedResource.0.digestSRI']);
    expect(bad({ id: 'https://example.org/a', digestSRI: `md5-${digest('sha256', 'x').toString('base64')}` })).toEqual([
      'relatedResource.0.digestSRI',
    ]);
    // A sha2-256 multihash code with a 48-byte digest: the length does not fit the hash.
    const wrongLength = Buffer.concat([Buffer.from([0x12, 0x30]), digest('sha384', 'x')]).toString('base64url');
    expect(bad({ id: 'https://example.org/a', digestMultibase: `u${wrongLength}` })).toEqual([
      'relatedResource.0.digestMultibase',
    ]);
    expect(bad({ id: 'not a url', digestSRI: sri })).toEqual(['relatedResource.0.id']);
  });

  it('unknown JSON-LD terms are refused unless a context defines them', async () => {
    const undefinedTerm = { ...valid(), credentialSubject: { id: 'did:example:subject', favouriteColour: 'blue' } };
    expect(await allDataModelViolations(undefinedTerm)).toEqual([
      { path: 'favouriteColour', message: expect.stringMatching(/not defined by any of the credential's contexts/) },
    ]);
    const defined = { ...undefinedTerm, '@context': [VC_CONTEXT, { favouriteColour: 'https://example.org/vocab#c' }] };
    expect(await allDataModelViolations(defined)).toEqual([]);
    const unknownContext = { ...valid(), '@context': [VC_CONTEXT, 'https://example.org/never-fetched.jsonld'] };
    expect(await allDataModelViolations(unknownContext)).toEqual([
      { path: '@context', message: expect.stringMatching(/Unknown JSON-LD context https:\/\/example.org\/never/) },
    ]);
  });
});
