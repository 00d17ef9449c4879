import * as z from 'zod';
import { JobPlaceSchema, PlaceSchema } from './places.ts';
import {
  BilingualTextSchema,
  CefrLevelSchema,
  ChinaOccupationCodeSchema,
  ChinaSkillLevelSchema,
  EqfLevelSchema,
  EscoOccupationUriSchema,
  EscoSkillUriSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  LanguageCodeSchema,
  ProficiencySchema,
  SalaryRangeSchema,
} from './refs.ts';

/** Fields every stored record carries. `version` drives optimistic concurrency. */
const recordMeta = {
  version: z.number().int().positive(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
};

export const MAX_PROFILE_SKILLS = 100;
export const MAX_JOB_SKILLS = 50;

export const ProfileSkillSchema = z.strictObject({
  uri: EscoSkillUriSchema,
  proficiency: ProficiencySchema,
});

export const GraduateProfileInputSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(120),
  contactEmail: z.email().max(254),
  education: z
    .array(
      z.strictObject({
        eqfLevel: EqfLevelSchema,
        field: z.string().trim().min(1).max(200),
        institution: z.string().trim().min(1).max(200),
        graduationYear: z.number().int().min(1950).max(2100).optional(),
      }),
    )
    .max(10)
    .default([]),
  skills: z.array(ProfileSkillSchema).max(MAX_PROFILE_SKILLS).default([]),
  languages: z
    .array(z.strictObject({ code: LanguageCodeSchema, level: CefrLevelSchema }))
    .max(20)
    .default([]),
  preferredPlaces: z.array(PlaceSchema).max(20).default([]),
  openToRemote: z.boolean().default(false),
  desiredOccupations: z
    .array(
      z
        .strictObject({ escoUri: EscoOccupationUriSchema.optional(), chinaCode: ChinaOccupationCodeSchema.optional() })
        .refine((o) => o.escoUri !== undefined || o.chinaCode !== undefined, {
          message: 'give escoUri, chinaCode or both',
        }),
    )
    .max(10)
    .default([]),
  chinaSkillLevel: z
    .strictObject({
      level: ChinaSkillLevelSchema,
      occupationCode: ChinaOccupationCodeSchema.optional(),
      occupationTitle: z.string().trim().min(1).max(200).optional(),
    })
    .optional(),
  availableFrom: IsoDateSchema.optional(),
  salaryExpectation: SalaryRangeSchema.optional(),
  consents: z
    .strictObject({
      /** Employers may see me in candidate lists. Off unless the graduate opts in. */
      discoverable: z.boolean().default(false),
      /** Off means a transparent, non-personalised job feed. */
      personalisedMatching: z.boolean().default(true),
    })
    .default({ discoverable: false, personalisedMatching: true }),
});
export type GraduateProfileInput = z.infer<typeof GraduateProfileInputSchema>;

export const GraduateProfileSchema = GraduateProfileInputSchema.extend({
  graduateId: z.string(),
  /** Skills backed by a verified credential, with the credential that proves each. */
  verifiedSkills: z.array(z.strictObject({ uri: EscoSkillUriSchema, credentialId: z.string() })).default([]),
  ...recordMeta,
});
export type GraduateProfile = z.infer<typeof GraduateProfileSchema>;

export const EmployerInputSchema = z.strictObject({
  name: BilingualTextSchema,
  registeredPlace: PlaceSchema,
  website: z.url({ protocol: /^https?$/ }).max(500).optional(),
  unifiedSocialCreditCode: z
    .string()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'an 18-character 统一社会信用代码')
    .optional(),
});
export type EmployerInput = z.infer<typeof EmployerInputSchema>;
export const EmployerSchema = EmployerInputSchema.extend({ employerId: z.string(), ...recordMeta });
export type Employer = z.infer<typeof EmployerSchema>;

export const RequiredSkillSchema = z.strictObject({
  uri: EscoSkillUriSchema,
  importance: z.enum(['essential', 'optional']),
  minProficiency: ProficiencySchema.default(1),
});
export type RequiredSkill = z.infer<typeof RequiredSkillSchema>;

export const JobPostingInputSchema = z
  .strictObject({
    title: BilingualTextSchema,
    description: z.string().trim().min(1).max(20_000),
    occupation: z
      .strictObject({ escoUri: EscoOccupationUriSchema.optional(), chinaCode: ChinaOccupationCodeSchema.optional() })
      .refine((o) => o.escoUri !== undefined || o.chinaCode !== undefined, {
        message: 'give escoUri, chinaCode or both',
      })
      .optional(),
    requiredSkills: z.array(RequiredSkillSchema).min(1).max(MAX_JOB_SKILLS),
    place: JobPlaceSchema,
    salary: SalaryRangeSchema.optional(),
    openings: z.number().int().min(1).max(10_000).default(1),
    minEqfLevel: EqfLevelSchema.optional(),
    minChinaSkillLevel: ChinaSkillLevelSchema.optional(),
    closingDate: IsoDateSchema,
  })
  .superRefine((job, ctx) => {
    const seen = new Set<string>();
    job.requiredSkills.forEach((skill, index) => {
      if (seen.has(skill.uri)) {
        ctx.addIssue({ code: 'custom', message: 'skill listed twice', path: ['requiredSkills', index, 'uri'] });
      }
      seen.add(skill.uri);
    });
  });
export type JobPostingInput = z.infer<typeof JobPostingInputSchema>;

export const JobStatusSchema = z.enum(['open', 'closed']);
export const JobPostingSchema = z.object({
  ...JobPostingInputSchema.shape,
  jobId: z.string(),
  employerId: z.string(),
  status: JobStatusSchema,
  postedAt: IsoDateTimeSchema,
  closedAt: IsoDateTimeSchema.optional(),
  ...recordMeta,
});
export type JobPosting = z.infer<typeof JobPostingSchema>;

export const ApplicationStatusSchema = z.enum(['submitted', 'viewed', 'interview', 'offer', 'rejected']);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

export const ApplicationSchema = z.object({
  applicationId: z.string(),
  jobId: z.string(),
  employerId: z.string(),
  graduateId: z.string(),
  coverNote: z.string().max(5_000).optional(),
  status: ApplicationStatusSchema,
  history: z.array(z.object({ status: ApplicationStatusSchema, at: IsoDateTimeSchema })),
  ...recordMeta,
});
export type Application = z.infer<typeof ApplicationSchema>;

export const IssuerKindSchema = z.enum(['school', 'training-centre', 'university', 'employer-assessor']);
export const IssuerInputSchema = z.strictObject({
  legalName: BilingualTextSchema,
  kind: IssuerKindSchema,
  country: z.string().regex(/^[A-Z]{2}$/),
  region: z.string().trim().min(1).max(100),
  website: z.url({ protocol: /^https?$/ }).max(500).optional(),
  accreditation: z
    .array(
      z.strictObject({
        by: z.string().trim().min(1).max(200),
        scope: z.string().trim().min(1).max(500),
        validUntil: IsoDateSchema,
      }),
    )
    .max(20)
    .default([]),
});
export type IssuerInput = z.infer<typeof IssuerInputSchema>;
export const IssuerSchema = IssuerInputSchema.extend({
  issuerId: z.string(),
  /** `kid`s of the public keys this issuer signs with (current and retired). */
  signingKeyIds: z.array(z.string()).default([]),
  ...recordMeta,
});
export type Issuer = z.infer<typeof IssuerSchema>;

export const CredentialTemplateInputSchema = z.strictObject({
  title: BilingualTextSchema,
  description: z.string().trim().min(1).max(5_000),
  learningOutcomes: z.array(EscoSkillUriSchema).min(1).max(50),
  workload: z
    .strictObject({ ects: z.number().min(0).max(180).optional(), hours: z.number().int().min(1).max(10_000).optional() })
    .refine((w) => w.ects !== undefined || w.hours !== undefined, { message: 'give ects, hours or both' }),
  eqfLevel: EqfLevelSchema,
  chinaSkillLevel: ChinaSkillLevelSchema.optional(),
  chinaOccupationCode: ChinaOccupationCodeSchema.optional(),
  assessmentType: z.string().trim().min(1).max(300),
  participationForm: z.enum(['online', 'onsite', 'blended']),
  qualityAssurance: z.string().trim().min(1).max(300),
  prerequisites: z.string().trim().max(1_000).optional(),
  supervisedAssessment: z.boolean().optional(),
  identityVerified: z.boolean().optional(),
  gradeScheme: z.string().trim().max(300).optional(),
  stackability: z.string().trim().max(1_000).optional(),
});
export type CredentialTemplateInput = z.infer<typeof CredentialTemplateInputSchema>;
export const CredentialTemplateSchema = CredentialTemplateInputSchema.extend({
  templateId: z.string(),
  issuerId: z.string(),
  ...recordMeta,
});
export type CredentialTemplate = z.infer<typeof CredentialTemplateSchema>;

export const CredentialStatusValueSchema = z.enum(['active', 'suspended', 'revoked']);
export const IssuedCredentialSchema = z.object({
  credentialId: z.string(),
  issuerId: z.string(),
  templateId: z.string(),
  holder: z.union([
    z.strictObject({ kind: z.literal('graduate'), graduateId: z.string() }),
    z.strictObject({ kind: z.literal('external'), subjectId: z.string(), email: z.email() }),
  ]),
  status: CredentialStatusValueSchema,
  statusListIndex: z.number().int().nonnegative(),
  statusListId: z.string(),
  skills: z.array(EscoSkillUriSchema),
  validFrom: IsoDateTimeSchema,
  validUntil: IsoDateTimeSchema.optional(),
  jwt: z.string(),
  ...recordMeta,
});
export type IssuedCredential = z.infer<typeof IssuedCredentialSchema>;
