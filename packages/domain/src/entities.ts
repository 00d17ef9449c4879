import * as z from 'zod/mini';
import { builtOnFirstUse } from './first-use.ts';
import { deltaProvinceCodeSchema, jobPlaceSchema, placeSchema } from './places.ts';
import { standardLevelRefSchema } from './standards.ts';
import {
  bilingualTextSchema,
  cefrLevelSchema,
  chinaOccupationCodeSchema,
  chinaSkillLevelSchema,
  eqfLevelSchema,
  escoOccupationUriSchema,
  escoSkillUriSchema,
  isoDateSchema,
  isoDateTimeSchema,
  languageCodeSchema,
  proficiencySchema,
  salaryRangeSchema,
} from './refs.ts';

/** Fields every stored record carries. `version` drives optimistic concurrency. */
const recordMetaSchemas = builtOnFirstUse(() => ({
  version: z.int().check(z.positive()),
  createdAt: isoDateTimeSchema(),
  updatedAt: isoDateTimeSchema(),
}));

export const MAX_PROFILE_SKILLS = 100;
export const MAX_JOB_SKILLS = 50;

export const profileSkillSchema = builtOnFirstUse(() =>
  z.strictObject({
    uri: escoSkillUriSchema(),
    proficiency: proficiencySchema(),
  }),
);

export const graduateProfileInputSchema = builtOnFirstUse(() =>
  z.strictObject({
    displayName: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
    contactEmail: z.email().check(z.maxLength(254)),
    education: z._default(
      z
        .array(
          z.strictObject({
            eqfLevel: eqfLevelSchema(),
            field: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
            institution: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
            graduationYear: z.optional(z.int().check(z.gte(1950), z.lte(2100))),
          }),
        )
        .check(z.maxLength(10)),
      [],
    ),
    skills: z._default(z.array(profileSkillSchema()).check(z.maxLength(MAX_PROFILE_SKILLS)), []),
    languages: z._default(
      z.array(z.strictObject({ code: languageCodeSchema(), level: cefrLevelSchema() })).check(z.maxLength(20)),
      [],
    ),
    preferredPlaces: z._default(z.array(placeSchema()).check(z.maxLength(20)), []),
    openToRemote: z._default(z.boolean(), false),
    desiredOccupations: z._default(
      z
        .array(
          z
            .strictObject({
              escoUri: z.optional(escoOccupationUriSchema()),
              chinaCode: z.optional(chinaOccupationCodeSchema()),
            })
            .check(
              z.refine((o) => o.escoUri !== undefined || o.chinaCode !== undefined, {
                message: 'give escoUri, chinaCode or both',
              }),
            ),
        )
        .check(z.maxLength(10)),
      [],
    ),
    chinaSkillLevel: z.optional(
      z.strictObject({
        level: chinaSkillLevelSchema(),
        occupationCode: z.optional(chinaOccupationCodeSchema()),
        occupationTitle: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
      }),
    ),
    availableFrom: z.optional(isoDateSchema()),
    salaryExpectation: z.optional(salaryRangeSchema()),
    consents: z._default(
      z.strictObject({
        /** Employers may see me in candidate lists. Off unless the graduate opts in. */
        discoverable: z._default(z.boolean(), false),
        /** Off means a transparent, non-personalised job feed. */
        personalisedMatching: z._default(z.boolean(), true),
      }),
      { discoverable: false, personalisedMatching: true },
    ),
  }),
);
export type GraduateProfileInput = z.infer<ReturnType<typeof graduateProfileInputSchema>>;

export const graduateProfileSchema = builtOnFirstUse(() =>
  z.extend(graduateProfileInputSchema(), {
    graduateId: z.string(),
    /** Skills backed by a verified credential, with the credential that proves each. */
    verifiedSkills: z._default(z.array(z.strictObject({ uri: escoSkillUriSchema(), credentialId: z.string() })), []),
    /** Standard levels backed by a verified credential issued here, with the credential that proves each. */
    verifiedStandardLevels: z.optional(
      z.array(z.strictObject({ standardId: z.string(), level: chinaSkillLevelSchema(), credentialId: z.string() })),
    ),
    ...recordMetaSchemas(),
  }),
);
export type GraduateProfile = z.infer<ReturnType<typeof graduateProfileSchema>>;

export const employerInputSchema = builtOnFirstUse(() =>
  z.strictObject({
    name: bilingualTextSchema(),
    registeredPlace: placeSchema(),
    /** What the organisation does, shown on its public page. */
    description: z.optional(
      z.strictObject({
        en: z.string().check(z.trim(), z.minLength(1), z.maxLength(2_000)),
        zh: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2_000))),
      }),
    ),
    website: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(500))),
    /** Shown on the public page and job pages; https only, so a page served over https never loads it insecurely. */
    logoUrl: z.optional(z.url({ protocol: /^https$/ }).check(z.maxLength(500))),
    unifiedSocialCreditCode: z.optional(
      z
        .string()
        .check(z.regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'an 18-character 统一社会信用代码')),
    ),
  }),
);
export type EmployerInput = z.infer<ReturnType<typeof employerInputSchema>>;
/** An administrator's approval: who approved and when. */
export const approvalSchema = builtOnFirstUse(() =>
  z.object({ approvedBy: z.string(), approvedAt: isoDateTimeSchema() }),
);
export type Approval = z.infer<ReturnType<typeof approvalSchema>>;
export const employerSchema = builtOnFirstUse(() =>
  z.extend(employerInputSchema(), {
    employerId: z.string(),
    /** Absent until an administrator approves the organisation; the organisation itself cannot set it. */
    approval: z.optional(approvalSchema()),
    ...recordMetaSchemas(),
  }),
);
export type Employer = z.infer<ReturnType<typeof employerSchema>>;

export const requiredSkillSchema = builtOnFirstUse(() =>
  z.strictObject({
    uri: escoSkillUriSchema(),
    importance: z.enum(['essential', 'optional']),
    minProficiency: z._default(proficiencySchema(), 1),
  }),
);
export type RequiredSkill = z.infer<ReturnType<typeof requiredSkillSchema>>;

export const jobPostingInputSchema = builtOnFirstUse(() =>
  z
    .strictObject({
      title: bilingualTextSchema(),
      description: z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000)),
      occupation: z.optional(
        z
          .strictObject({
            escoUri: z.optional(escoOccupationUriSchema()),
            chinaCode: z.optional(chinaOccupationCodeSchema()),
          })
          .check(
            z.refine((o) => o.escoUri !== undefined || o.chinaCode !== undefined, {
              message: 'give escoUri, chinaCode or both',
            }),
          ),
      ),
      requiredSkills: z.array(requiredSkillSchema()).check(z.minLength(1), z.maxLength(MAX_JOB_SKILLS)),
      place: jobPlaceSchema(),
      salary: z.optional(salaryRangeSchema()),
      openings: z._default(z.int().check(z.gte(1), z.lte(10_000)), 1),
      minEqfLevel: z.optional(eqfLevelSchema()),
      minChinaSkillLevel: z.optional(chinaSkillLevelSchema()),
      /** A level of a shared skill-level standard the job asks for; a credential at it or higher is evidence. */
      requiredStandardLevel: z.optional(
        z.strictObject({
          standardId: z.string().check(z.minLength(1), z.maxLength(100)),
          level: chinaSkillLevelSchema(),
        }),
      ),
      closingDate: isoDateSchema(),
    })
    .check(
      z.superRefine((job, ctx) => {
        const seen = new Set<string>();
        job.requiredSkills.forEach((skill, index) => {
          if (seen.has(skill.uri)) {
            ctx.addIssue({ code: 'custom', message: 'skill listed twice', path: ['requiredSkills', index, 'uri'] });
          }
          seen.add(skill.uri);
        });
      }),
    ),
);
export type JobPostingInput = z.infer<ReturnType<typeof jobPostingInputSchema>>;

export const jobStatusSchema = builtOnFirstUse(() => z.enum(['open', 'closed']));
export const jobPostingSchema = builtOnFirstUse(() =>
  z.object({
    ...jobPostingInputSchema().shape,
    jobId: z.string(),
    employerId: z.string(),
    status: jobStatusSchema(),
    postedAt: isoDateTimeSchema(),
    closedAt: z.optional(isoDateTimeSchema()),
    ...recordMetaSchemas(),
  }),
);
export type JobPosting = z.infer<ReturnType<typeof jobPostingSchema>>;

export const applicationStatusSchema = builtOnFirstUse(() =>
  z.enum(['submitted', 'viewed', 'interview', 'offer', 'hired', 'rejected', 'withdrawn']),
);
export type ApplicationStatus = z.infer<ReturnType<typeof applicationStatusSchema>>;

export const applicationSchema = builtOnFirstUse(() =>
  z.object({
    applicationId: z.string(),
    jobId: z.string(),
    employerId: z.string(),
    graduateId: z.string(),
    coverNote: z.optional(z.string().check(z.maxLength(5_000))),
    /** The job fair the graduate applied at, when they applied from its page. */
    fairId: z.optional(z.string()),
    status: applicationStatusSchema(),
    history: z.array(z.object({ status: applicationStatusSchema(), at: isoDateTimeSchema() })),
    ...recordMetaSchemas(),
  }),
);
export type Application = z.infer<ReturnType<typeof applicationSchema>>;

/**
 * What the employer keeps of an application once its graduate erased their data: the job, the moves and their
 * times, and nothing about the person (no graduate id, no cover note).
 */
export const erasedApplicationSchema = builtOnFirstUse(() =>
  z.object({
    applicationId: z.string(),
    jobId: z.string(),
    employerId: z.string(),
    applicantErased: z.literal(true),
    status: applicationStatusSchema(),
    history: z.array(z.object({ status: applicationStatusSchema(), at: isoDateTimeSchema() })),
    erasedAt: isoDateTimeSchema(),
    ...recordMetaSchemas(),
  }),
);
export type ErasedApplication = z.infer<ReturnType<typeof erasedApplicationSchema>>;
/** An application as its employer finds it: live, or kept anonymised after the graduate's erasure. */
export type ApplicationRecord = Application | ErasedApplication;
export const isErasedApplication = (record: ApplicationRecord): record is ErasedApplication =>
  'applicantErased' in record && record.applicantErased === true;

/** An employer's invitation to a ranked, consenting candidate to apply to one job; the graduate decides. */
export const invitationSchema = builtOnFirstUse(() =>
  z.object({
    invitationId: z.string(),
    jobId: z.string(),
    employerId: z.string(),
    graduateId: z.string(),
    message: z.optional(z.string().check(z.maxLength(2_000))),
    ...recordMetaSchemas(),
  }),
);
export type Invitation = z.infer<ReturnType<typeof invitationSchema>>;

export const issuerKindSchema = builtOnFirstUse(() =>
  z.enum(['school', 'training-centre', 'university', 'employer-assessor']),
);
export const issuerInputSchema = builtOnFirstUse(() =>
  z.strictObject({
    legalName: bilingualTextSchema(),
    kind: issuerKindSchema(),
    country: z.string().check(z.regex(/^[A-Z]{2}$/)),
    region: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    /** The Delta province the issuer is in (GB/T 2260 code): who may review whose skill-level standards. */
    provinceCode: z.optional(deltaProvinceCodeSchema()),
    website: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(500))),
    accreditation: z._default(
      z
        .array(
          z.strictObject({
            by: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
            scope: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
            validUntil: isoDateSchema(),
          }),
        )
        .check(z.maxLength(20)),
      [],
    ),
  }),
);
export type IssuerInput = z.infer<ReturnType<typeof issuerInputSchema>>;
export const issuerSchema = builtOnFirstUse(() =>
  z.extend(issuerInputSchema(), {
    issuerId: z.string(),
    /** `kid`s of the public keys this issuer signs with (current and retired). */
    signingKeyIds: z._default(z.array(z.string()), []),
    /** The platform's accreditation, granted by an administrator until a date; the issuer itself cannot set it. */
    platformAccreditation: z.optional(z.extend(approvalSchema(), { validUntil: isoDateSchema() })),
    ...recordMetaSchemas(),
  }),
);
export type Issuer = z.infer<ReturnType<typeof issuerSchema>>;

export const credentialTemplateInputSchema = builtOnFirstUse(() =>
  z.strictObject({
    title: bilingualTextSchema(),
    description: z.string().check(z.trim(), z.minLength(1), z.maxLength(5_000)),
    /** The description in Chinese, signed beside the English one (as `title.zh` is beside `title.en`). */
    descriptionZh: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(5_000))),
    learningOutcomes: z.array(escoSkillUriSchema()).check(z.minLength(1), z.maxLength(50)),
    workload: z
      .strictObject({
        ects: z.optional(z.number().check(z.gte(0), z.lte(180))),
        hours: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
      })
      .check(z.refine((w) => w.ects !== undefined || w.hours !== undefined, { message: 'give ects, hours or both' })),
    eqfLevel: eqfLevelSchema(),
    chinaSkillLevel: z.optional(chinaSkillLevelSchema()),
    chinaOccupationCode: z.optional(chinaOccupationCodeSchema()),
    /** The level of a published shared skill-level standard the credential attests (docs/standards.md). */
    skillLevelStandard: z.optional(standardLevelRefSchema()),
    assessmentType: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
    participationForm: z.enum(['online', 'onsite', 'blended']),
    qualityAssurance: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
    prerequisites: z.optional(z.string().check(z.trim(), z.maxLength(1_000))),
    supervisedAssessment: z.optional(z.boolean()),
    identityVerified: z.optional(z.boolean()),
    gradeScheme: z.optional(z.string().check(z.trim(), z.maxLength(300))),
    stackability: z.optional(z.string().check(z.trim(), z.maxLength(1_000))),
  }),
);
export type CredentialTemplateInput = z.infer<ReturnType<typeof credentialTemplateInputSchema>>;
export const credentialTemplateSchema = builtOnFirstUse(() =>
  z.extend(credentialTemplateInputSchema(), {
    templateId: z.string(),
    issuerId: z.string(),
    ...recordMetaSchemas(),
  }),
);
export type CredentialTemplate = z.infer<ReturnType<typeof credentialTemplateSchema>>;

export const credentialStatusValueSchema = builtOnFirstUse(() => z.enum(['active', 'suspended', 'revoked']));
export const credentialStatusChangeSchema = builtOnFirstUse(() =>
  z.object({
    status: credentialStatusValueSchema(),
    at: isoDateTimeSchema(),
    reason: z.optional(z.string().check(z.maxLength(1_000))),
    reasonPublic: z.boolean(),
  }),
);
export type CredentialStatusChange = z.infer<ReturnType<typeof credentialStatusChangeSchema>>;
export const issuedCredentialSchema = builtOnFirstUse(() =>
  z.object({
    credentialId: z.string(),
    issuerId: z.string(),
    templateId: z.string(),
    holder: z.union([
      z.strictObject({ kind: z.literal('graduate'), graduateId: z.string() }),
      // No email: only a salted hash of it, so no erasure elsewhere can leave the address behind.
      // emailHash: absent for a credential issued from a full W3C credential (VC API), which names no email.
      z.strictObject({ kind: z.literal('external'), subjectId: z.string(), emailHash: z.optional(z.string()) }),
    ]),
    status: credentialStatusValueSchema(),
    statusListIndex: z.int().check(z.nonnegative()),
    statusListId: z.string(),
    skills: z.array(escoSkillUriSchema()),
    /** The standard level the credential attests, copied from its template when issued. */
    skillLevelStandard: z.optional(standardLevelRefSchema()),
    validFrom: isoDateTimeSchema(),
    validUntil: z.optional(isoDateTimeSchema()),
    jwt: z.string(),
    /** The Data Integrity proofs securing the same credential (eddsa-rdfc-2022, ecdsa-rdfc-2019), when issued with them. */
    proof: z.optional(z.array(z.record(z.string(), z.unknown()))),
    /**
     * Each revocation, suspension and reinstatement with its reason. The issuer sees every reason; anyone else only
     * those the issuer made public (`reasonPublic`), the others without their words.
     */
    statusChanges: z.optional(z.array(credentialStatusChangeSchema())),
    ...recordMetaSchemas(),
  }),
);
export type IssuedCredential = z.infer<ReturnType<typeof issuedCredentialSchema>>;

/** A credential as someone other than its issuer sees it: reasons the issuer kept private are left out. */
export function withoutPrivateReasons(credential: IssuedCredential): IssuedCredential {
  if (!credential.statusChanges) return credential;
  return {
    ...credential,
    statusChanges: credential.statusChanges.map(({ reason, ...change }) =>
      change.reasonPublic && reason !== undefined ? { ...change, reason } : change,
    ),
  };
}
