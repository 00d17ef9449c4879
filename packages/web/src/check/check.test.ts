import { describe, expect, it } from 'vitest';
import { fromFragment, parseCredentialText } from './input.ts';
import { regionName } from '../graduate/places.ts';
import { locale } from '../i18n.ts';
import { titlesOf } from './names.ts';
import { factsOf, showDetails, type VerificationReport, verdictOf } from './verdict.ts';

const passed = { result: 'passed' as const, message: 'ok' };
const report = (
  overrides: Partial<VerificationReport['checks']>,
  credential: Record<string, unknown> | null = { id: 'x' },
): VerificationReport => {
  const checks = {
    format: passed,
    signature: passed,
    keyResolution: passed,
    issuerTrusted: passed,
    validityWindow: passed,
    status: passed,
    euMandatoryElements: passed,
    ...overrides,
  };
  return {
    verified: Object.values(checks).every((c) => c.result !== 'failed'),
    checks,
    ...(credential ? { credential } : {}),
  };
};
const failed = (message: string) => ({ result: 'failed' as const, message });

describe('the verdict', () => {
  it('is valid only when every check passes', () => {
    expect(verdictOf(report({}), false)).toBe('valid');
  });
  it('names garbage, an unknown number, a forged signature', () => {
    expect(verdictOf(report({ format: failed('Not a compact JWS') }, null), false)).toBe('unreadable');
    expect(verdictOf(report({ format: failed('Not a compact JWS') }, null), true)).toBe('notFound');
    const forged = report({ signature: failed('The signature does not match') });
    expect(verdictOf(forged, false)).toBe('invalid');
    expect(showDetails(forged)).toBe(false);
  });
  it('says revoked, suspended, expired, not yet valid and untrusted in plain words', () => {
    expect(verdictOf(report({ status: failed('The credential is revoked and suspended.') }), false)).toBe('revoked');
    expect(verdictOf(report({ status: failed('The credential is suspended.') }), false)).toBe('suspended');
    expect(verdictOf(report({ validityWindow: failed('Expired on 2020-01-01T00:00:00.000Z.') }), false)).toBe(
      'expired',
    );
    expect(verdictOf(report({ validityWindow: failed('Not valid before 2099-01-01.') }), false)).toBe('notYetValid');
    const untrusted = report({ issuerTrusted: failed('x is not on the trust list.') });
    expect(verdictOf(untrusted, false)).toBe('untrusted');
    expect(showDetails(untrusted)).toBe(false);
  });
});

describe('credential facts', () => {
  it('reads holder, title, levels, outcomes, grade, workload, issuer and dates from an Open Badges credential', () => {
    const facts = factsOf({
      id: 'https://x/credentials/abc',
      issuer: { id: 'i', name: 'Suzhou Technician College', address: { addressRegion: 'Jiangsu' } },
      validFrom: '2026-06-30T00:00:00Z',
      validUntil: '2029-06-30T00:00:00Z',
      credentialSubject: {
        name: 'Li Wei',
        achievement: {
          id: 'https://x/credential-templates/tpl_1',
          name: 'Industrial robot operation',
          alignment: [{ targetName: 'operate robots', targetUrl: 'http://esco/robots' }, { targetName: 'weld' }],
          euMicroCredential: { eqfLevel: 4, chinaSkillLevel: 4, workloadEcts: 5 },
        },
        result: [{ value: 'Merit' }],
      },
    });
    expect(facts).toMatchObject({
      holder: 'Li Wei',
      title: 'Industrial robot operation',
      eqfLevel: 4,
      chinaSkillLevel: 4,
      achievementId: 'https://x/credential-templates/tpl_1',
      outcomes: [{ name: 'operate robots', uri: 'http://esco/robots' }, { name: 'weld' }],
      grade: 'Merit',
      workloadEcts: 5,
      issuer: 'Suzhou Technician College',
      issuedOn: '2026-06-30T00:00:00Z',
      validUntil: '2029-06-30T00:00:00Z',
    });
  });

  it('reads a shared standard level from its alignment, apart from the learning outcomes', () => {
    const standard = {
      targetName: '高级工 / senior worker (national skill level 3)',
      targetUrl: 'https://x/v1/standards/std_w/versions/2#level-3',
      targetCode: 'std_w@2#3',
      targetFramework: 'skillpass skill-level standards',
    };
    const facts = factsOf({
      credentialSubject: { achievement: { alignment: [{ targetName: 'weld', targetUrl: 'http://esco/w' }, standard] } },
    });
    expect(facts.standardLevel).toEqual({ standardId: 'std_w', version: 2, level: 3 });
    expect(facts.outcomes).toEqual([{ name: 'weld', uri: 'http://esco/w' }]);
    const forged = factsOf({
      credentialSubject: { achievement: { alignment: [{ ...standard, targetCode: 'not a code' }] } },
    });
    expect(forged.standardLevel).toBeUndefined();
  });

  it('reads the Chinese title the credential signs as a language value, beside the English', () => {
    const name = [
      { '@value': 'EV battery pack assembly', '@language': 'en' },
      { '@value': '动力电池包装配', '@language': 'zh-CN' },
    ];
    expect(factsOf({ name, credentialSubject: { achievement: {} } })).toMatchObject({
      title: 'EV battery pack assembly',
      titleZh: '动力电池包装配',
    });
    // A plain string is English only; Open Badges' achievement name wins for English.
    expect(factsOf({ name: 'Welding', credentialSubject: { achievement: {} } }).titleZh).toBeUndefined();
    expect(factsOf({ name, credentialSubject: { achievement: { name: 'Battery packs' } } })).toMatchObject({
      title: 'Battery packs',
      titleZh: '动力电池包装配',
    });
  });
});

describe('what a verifier brings', () => {
  const jws = 'eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6MX0.c2ln';
  it('reads verify links (the API page and this app), numbers, JWS, JSON', () => {
    expect(parseCredentialText(`https://skillpass.example/verify#${jws}`)).toEqual({ kind: 'jwt', jwt: jws });
    expect(parseCredentialText('https://skillpass.example/check#id=01JABC')).toEqual({
      kind: 'number',
      number: '01JABC',
    });
    expect(parseCredentialText(' 01JABC ')).toEqual({ kind: 'number', number: '01JABC' });
    expect(parseCredentialText(jws)).toEqual({ kind: 'jwt', jwt: jws });
    expect(parseCredentialText(JSON.stringify({ jwt: jws }))).toEqual({ kind: 'jwt', jwt: jws });
    expect(fromFragment('#id=01JABC')).toEqual({ kind: 'number', number: '01JABC' });
    expect(fromFragment('')).toBeNull();
  });
  it('passes anything else on as a credential to be reported unreadable', () => {
    expect(parseCredentialText('hello world!')).toEqual({ kind: 'jwt', jwt: 'hello world!' });
    expect(parseCredentialText('   ')).toBeNull();
  });
});

describe('the title in both languages', () => {
  it('puts the reader’s language first, taking Chinese from the template only when its English is the one signed', () => {
    const template = { en: 'EV battery pack assembly', zh: '动力电池包装配' };
    expect(titlesOf({ en: 'EV battery pack assembly' }, template, 'zh')).toEqual([
      { text: '动力电池包装配', lang: 'zh' },
      { text: 'EV battery pack assembly', lang: 'en' },
    ]);
    expect(titlesOf({ en: 'EV battery pack assembly' }, template, 'en').map((n) => n.lang)).toEqual(['en', 'zh']);
    expect(titlesOf({ en: 'Forged other title' }, template, 'zh')).toEqual([
      { text: 'Forged other title', lang: 'en' },
    ]);
    expect(titlesOf({ en: 'Welding', zh: '焊接' }, {}, 'en')).toEqual([
      { text: 'Welding', lang: 'en' },
      { text: '焊接', lang: 'zh' },
    ]);
  });
});

describe('the issuer’s region', () => {
  it('is a Delta province’s name in the chosen language, anything else as the credential gives it', () => {
    locale.value = 'zh';
    expect(regionName('Jiangsu')).toBe('江苏省');
    expect(regionName('Bavaria')).toBe('Bavaria');
    locale.value = 'en';
    expect(regionName('jiangsu')).toBe('Jiangsu');
  });
});
