import {
  CHINA_SKILL_LEVEL_NAMES,
  type CredentialTemplate,
  STANDARD_LEVEL_FRAMEWORK,
  STANDARD_LEVEL_TARGET_TYPE,
  type StandardLevelRef,
  standardLevelCode,
} from '@skillpass/domain';
import { STATUS_PURPOSES } from './status-list.ts';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/**
 * The EU micro-credential elements Open Badges has no term for, defined inline so that a JSON-LD
 * processor reads them (the final VC 2.0 context has no @vocab: an undefined term would be dropped
 * from a Data Integrity signature, and is refused in safe mode). They keep the issuer-dependent
 * namespace VC 2.0 designated for such terms; being inline, no context has to be fetched for them.
 */
export const EU_ELEMENTS_CONTEXT = {
  euMicroCredential: {
    '@id': 'https://www.w3.org/ns/credentials/issuer-dependent#euMicroCredential',
    '@context': { '@vocab': 'https://www.w3.org/ns/credentials/issuer-dependent#' },
  },
} as const;

export interface IssuerProfile {
  /** Absolute URL identifying the issuer. */
  id: string;
  name: string;
  nameZh?: string;
  country: string;
  region: string;
}

export interface CredentialHolder {
  /** Subject identifier: a URN for a skillpass graduate or the id an issuer gives an external learner. */
  id: string;
  name?: string;
  email?: string;
}

export interface StatusEntryRef {
  listUrl: string;
  index: number;
}

/**
 * The eleven mandatory elements of the EU Council Recommendation (2022) on micro-credentials, as
 * the paths where each one lives in our credential.
 */
export const EU_MANDATORY_ELEMENTS: Record<string, (vc: VerifiableCredential) => unknown> = {
  'identification of the learner': (vc) => vc.credentialSubject?.id,
  'title of the micro-credential': (vc) => vc.credentialSubject?.achievement?.name,
  'country/region of the issuer': (vc) => vc.issuer?.address?.addressCountry && vc.issuer.address.addressRegion,
  'awarding body': (vc) => vc.issuer?.name,
  'date of issuing': (vc) => vc.awardedDate ?? vc.validFrom,
  'learning outcomes': (vc) => vc.credentialSubject?.achievement?.alignment?.length,
  'notional workload': (vc) => {
    const eu = vc.credentialSubject?.achievement?.euMicroCredential;
    return eu?.workloadEcts ?? eu?.workloadHours;
  },
  'level (EQF)': (vc) => vc.credentialSubject?.achievement?.euMicroCredential?.eqfLevel,
  'type of assessment': (vc) => vc.credentialSubject?.achievement?.euMicroCredential?.assessmentType,
  'form of participation': (vc) => vc.credentialSubject?.achievement?.euMicroCredential?.participationForm,
  'type of quality assurance': (vc) => vc.credentialSubject?.achievement?.euMicroCredential?.qualityAssurance,
};

/** A VC 2.0 language value object: one language's form of a name or description. */
export interface LanguageValue {
  '@value': string;
  '@language': string;
}

export interface VerifiableCredential {
  '@context': Array<string | Record<string, unknown>>;
  id: string;
  type: string[];
  name?: string | LanguageValue[];
  description?: string | LanguageValue[];
  issuer: {
    id: string;
    type: string[];
    name: string;
    address?: { type: string[]; addressCountry: string; addressRegion: string };
  };
  validFrom: string;
  validUntil?: string;
  awardedDate?: string;
  credentialSubject: {
    id: string;
    type: string[];
    name?: string;
    achievement: {
      id: string;
      type: string[];
      name: string;
      description: string;
      criteria: { narrative: string };
      alignment: Array<{
        type: string[];
        targetName: string;
        targetUrl: string;
        targetCode?: string;
        targetFramework: string;
        targetType: string;
      }>;
      creditsAvailable?: number;
      euMicroCredential: {
        eqfLevel: number;
        workloadEcts?: number;
        workloadHours?: number;
        assessmentType: string;
        participationForm: string;
        qualityAssurance: string;
        chinaSkillLevel?: number;
        chinaOccupationCode?: string;
        prerequisites?: string;
        supervisedAssessment?: boolean;
        identityVerified?: boolean;
        gradeScheme?: string;
        stackability?: string;
      };
    };
    result?: Array<{ type: string[]; value: string }>;
  };
  credentialStatus?: StatusEntry | StatusEntry[];
  [extra: string]: unknown;
}

export interface StatusEntry {
  id: string;
  type: string;
  statusPurpose: string;
  statusListIndex: string;
  statusListCredential: string;
}

/** VC DM 2.0 allows one status entry or an array of them: reading only arrays would skip a single revoked entry. */
export function statusEntriesOf(status: unknown): Partial<StatusEntry>[] {
  const entries = Array.isArray(status) ? status : status === undefined || status === null ? [] : [status];
  // Anything that is not an object still counts, as an entry that cannot be read.
  return entries.map((entry) => (entry && typeof entry === 'object' ? (entry as Partial<StatusEntry>) : {}));
}

export function missingEuMandatoryElements(vc: VerifiableCredential): string[] {
  return Object.entries(EU_MANDATORY_ELEMENTS)
    .filter(([, read]) => {
      try {
        const value = read(vc);
        return value === undefined || value === null || value === '' || value === 0;
      } catch {
        return true;
      }
    })
    .map(([element]) => element);
}

/** The issuer as an Open Badges 3.0 Profile: inside every credential, and served at its id. */
export function profileOf(issuer: IssuerProfile) {
  return {
    id: issuer.id,
    type: ['Profile'],
    name: issuer.name,
    address: { type: ['Address'], addressCountry: issuer.country, addressRegion: issuer.region },
  };
}

/**
 * A standard level as an Open Badges Alignment (a defined term, so no new JSON-LD term): the published version is
 * served on the template's origin, so its URL follows from the template's.
 */
export function standardLevelAlignment(ref: StandardLevelRef, templateUrl: string) {
  const names = CHINA_SKILL_LEVEL_NAMES[ref.level];
  const path = `/v1/standards/${encodeURIComponent(ref.standardId)}/versions/${ref.version}`;
  return {
    type: ['Alignment'],
    targetName: `${names.zh} / ${names.en} (national skill level ${ref.level})`,
    targetUrl: `${new URL(path, templateUrl).href}#level-${ref.level}`,
    targetCode: standardLevelCode(ref),
    targetFramework: STANDARD_LEVEL_FRAMEWORK,
    targetType: STANDARD_LEVEL_TARGET_TYPE,
  };
}

/** A template as an Open Badges 3.0 Achievement with the EU elements: inside every credential, and served at its id. */
export function achievementOf(template: CredentialTemplate, templateUrl: string, skillLabel: (uri: string) => string) {
  const eu = {
    eqfLevel: template.eqfLevel,
    ...(template.workload.ects !== undefined ? { workloadEcts: template.workload.ects } : {}),
    ...(template.workload.hours !== undefined ? { workloadHours: template.workload.hours } : {}),
    assessmentType: template.assessmentType,
    participationForm: template.participationForm,
    qualityAssurance: template.qualityAssurance,
    ...(template.chinaSkillLevel !== undefined ? { chinaSkillLevel: template.chinaSkillLevel } : {}),
    ...(template.chinaOccupationCode ? { chinaOccupationCode: template.chinaOccupationCode } : {}),
    ...(template.prerequisites ? { prerequisites: template.prerequisites } : {}),
    ...(template.supervisedAssessment !== undefined ? { supervisedAssessment: template.supervisedAssessment } : {}),
    ...(template.identityVerified !== undefined ? { identityVerified: template.identityVerified } : {}),
    ...(template.gradeScheme ? { gradeScheme: template.gradeScheme } : {}),
    ...(template.stackability ? { stackability: template.stackability } : {}),
  };
  return {
    id: templateUrl,
    type: ['Achievement'],
    name: template.title.en,
    description: template.description,
    criteria: { narrative: `Assessment: ${template.assessmentType}` },
    alignment: [
      ...template.learningOutcomes.map((uri) => ({
        type: ['Alignment'],
        targetName: skillLabel(uri),
        targetUrl: uri,
        targetFramework: 'ESCO',
        targetType: 'ext:ESCOSkill',
      })),
      ...(template.skillLevelStandard ? [standardLevelAlignment(template.skillLevelStandard, templateUrl)] : []),
    ],
    ...(template.workload.ects !== undefined ? { creditsAvailable: template.workload.ects } : {}),
    euMicroCredential: eu,
  };
}

/**
 * English alone as a plain string; with a Chinese form, both as language value objects, so the Chinese is signed
 * too (Open Badges' achievement keeps its plain English strings, which its schema requires).
 */
export function inLanguages(en: string, zh: string | undefined): string | LanguageValue[] {
  if (!zh) return en;
  return [
    { '@value': en, '@language': 'en' },
    { '@value': zh, '@language': 'zh-CN' },
  ];
}

/** A W3C VC 2.0 credential shaped as an Open Badges 3.0 OpenBadgeCredential with the EU elements. */
export function buildCredential(input: {
  credentialUrl: string;
  templateUrl: string;
  template: CredentialTemplate;
  issuer: IssuerProfile;
  holder: CredentialHolder;
  skillLabel: (uri: string) => string;
  validFrom: Date;
  validUntil?: Date;
  grade?: string;
  status?: StatusEntryRef;
}): VerifiableCredential {
  const { template } = input;
  const validFrom = input.validFrom.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT, EU_ELEMENTS_CONTEXT],
    id: input.credentialUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: inLanguages(template.title.en, template.title.zh),
    description: inLanguages(template.description, template.descriptionZh),
    issuer: profileOf(input.issuer),
    validFrom,
    ...(input.validUntil ? { validUntil: input.validUntil.toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
    awardedDate: validFrom,
    credentialSubject: {
      id: input.holder.id,
      type: ['AchievementSubject'],
      ...(input.holder.name ? { name: input.holder.name } : {}),
      achievement: achievementOf(template, input.templateUrl, input.skillLabel),
      ...(input.grade ? { result: [{ type: ['Result'], value: input.grade }] } : {}),
    },
    ...(input.status ? { credentialStatus: statusEntriesFor(input.status) } : {}),
  };
}

/** A credential's Bitstring Status List entries, one per purpose, at its one index. */
export function statusEntriesFor({ listUrl, index }: StatusEntryRef): StatusEntry[] {
  return STATUS_PURPOSES.map((purpose) => ({
    id: `${listUrl}/${purpose}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: `${listUrl}/${purpose}`,
  }));
}

/** A vc+jwt wrapped as a VC 2.0 EnvelopedVerifiableCredential: what the VC API answers with, and `compactJwsOf` unwraps. */
export function envelopedCredential(jwt: string): {
  '@context': string[];
  type: 'EnvelopedVerifiableCredential';
  id: string;
} {
  return { '@context': [VC_CONTEXT], type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${jwt}` };
}
