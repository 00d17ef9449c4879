import {
  STANDARD_LEVEL_FRAMEWORK,
  type StandardLevelReference,
  standardLevelOfCode,
} from '@skillpass/domain/standard-levels';
import type { components } from '../api/schema.d.ts';

export type VerificationReport = components['schemas']['VerificationReport'];
export type Verdict =
  | 'valid'
  | 'invalid'
  | 'unreadable'
  | 'notFound'
  | 'revoked'
  | 'suspended'
  | 'expired'
  | 'notYetValid'
  | 'untrusted';

/**
 * The one answer an HR clerk needs, from the API's check-by-check report. A credential that fails its
 * format, key or signature checks is "not valid" whatever it claims; one found by number that does not
 * exist is "not found".
 */
export function verdictOf(report: VerificationReport, byNumber: boolean): Verdict {
  const { checks } = report;
  if (checks.format.result === 'failed' && !report.credential) return byNumber ? 'notFound' : 'unreadable';
  if (!authentic(report)) return 'invalid';
  if (checks.issuerTrusted.result === 'failed') return 'untrusted';
  if (checks.status.result === 'failed') {
    // The status check names what is set ("The credential is revoked."): revocation outranks suspension.
    if (/\brevoked\b/.test(checks.status.message)) return 'revoked';
    if (/\bsuspended\b/.test(checks.status.message)) return 'suspended';
    return 'invalid';
  }
  if (checks.validityWindow.result === 'failed')
    return /^Not valid before/.test(checks.validityWindow.message) ? 'notYetValid' : 'expired';
  return report.verified ? 'valid' : 'invalid';
}

/** Signed by the key it names, well formed: only then are its details shown (as the issuer's claims). */
export function authentic(report: VerificationReport): boolean {
  const { checks } = report;
  return (
    report.credential !== undefined &&
    checks.format.result === 'passed' &&
    checks.signature.result === 'passed' &&
    checks.keyResolution.result === 'passed'
  );
}

/** Details are shown when the credential is authentic and its issuer is one we trust. */
export function showDetails(report: VerificationReport): boolean {
  return authentic(report) && report.checks.issuerTrusted.result === 'passed';
}

/** What the clerk reads in the details section, from the credential (VC 2.0 / Open Badges 3.0) as signed. */
export interface CredentialFacts {
  holder?: string;
  title?: string;
  titleZh?: string;
  description?: string;
  eqfLevel?: number;
  chinaSkillLevel?: number;
  /** The level of a shared skill-level standard the credential attests, read from its alignment (docs/standards.md). */
  standardLevel?: StandardLevelReference;
  /** Learning outcomes as signed: the name the issuer gave and, where given, the ESCO URI (named in any language). */
  outcomes: Array<{ name: string; uri?: string }>;
  /** The achievement's id: on this platform, its credential template, whose title has a Chinese form. */
  achievementId?: string;
  grade?: string;
  workloadEcts?: number;
  workloadHours?: number;
  issuer?: string;
  issuerZh?: string;
  /** The issuer's id: on this platform, its profile URL, under which its Chinese name is found. */
  issuerId?: string;
  issuerRegion?: string;
  issuedOn?: string;
  validUntil?: string;
  id?: string;
}

const obj = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * One language's form of a signed name or description: a plain string counts as English; language value objects
 * (`[{ "@value", "@language" }]`, how VC 2.0 signs several languages) are matched by their primary tag (zh-CN → zh).
 */
export function inLanguage(value: unknown, language: 'en' | 'zh'): string | undefined {
  if (typeof value === 'string') return language === 'en' ? str(value) : undefined;
  const values = Array.isArray(value) ? value : [value];
  for (const entry of values) {
    const tag = str(obj(entry)['@language'])?.toLowerCase().split('-')[0];
    if (tag === language) return str(obj(entry)['@value']);
  }
  return undefined;
}

export function factsOf(credential: Record<string, unknown>): CredentialFacts {
  const subject = obj(credential.credentialSubject);
  const achievement = obj(subject.achievement);
  const eu = obj(achievement.euMicroCredential);
  const issuer = obj(credential.issuer);
  const address = obj(issuer.address);
  const result = Array.isArray(subject.result) ? obj(subject.result[0]) : {};
  const alignments = Array.isArray(achievement.alignment) ? achievement.alignment.map(obj) : [];
  const standardAlignment = alignments.find((a) => a.targetFramework === STANDARD_LEVEL_FRAMEWORK);
  const outcomes = alignments.flatMap((a) => {
    const name = str(a.targetName);
    const uri = str(a.targetUrl);
    if (a === standardAlignment || name === undefined) return [];
    return [uri === undefined ? { name } : { name, uri }];
  });
  const facts: CredentialFacts = { outcomes };
  const set = <K extends keyof CredentialFacts>(key: K, value: CredentialFacts[K] | undefined) => {
    if (value !== undefined) facts[key] = value;
  };
  set('holder', str(subject.name));
  set('title', str(achievement.name) ?? inLanguage(credential.name, 'en'));
  set('achievementId', str(achievement.id));
  set(
    'titleZh',
    inLanguage(credential.name, 'zh') ?? str(obj(achievement.nameLanguages).zh) ?? str(achievement.nameZh),
  );
  set('description', str(achievement.description));
  set('eqfLevel', num(eu.eqfLevel));
  set('chinaSkillLevel', num(eu.chinaSkillLevel));
  set('standardLevel', standardLevelOfCode(str(standardAlignment?.targetCode) ?? ''));
  set('grade', str(result.value));
  set('workloadEcts', num(eu.workloadEcts) ?? num(achievement.creditsAvailable));
  set('workloadHours', num(eu.workloadHours));
  set('issuer', str(issuer.name) ?? str(credential.issuer));
  set('issuerZh', str(issuer.nameZh));
  set('issuerId', str(issuer.id));
  set('issuerRegion', str(address.addressRegion));
  set('issuedOn', str(credential.awardedDate) ?? str(credential.validFrom));
  set('validUntil', str(credential.validUntil));
  set('id', str(credential.id));
  return facts;
}
