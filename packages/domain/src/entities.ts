import * as z from 'zod/mini';
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
  version: z.int().check(z.positive()),
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
  displayName: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  contactEmail: z.email().check(z.maxLength(254)),
  education: z._default(
    z
      .array(
        z.strictObject({
          eqfLevel: EqfLevelSchema,
          field: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
          institution: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
          graduationYear: z.optional(z.int().check(z.gte(1950), z.lte(2100))),
        }),
      )
      .check(z.maxLength(10)),
    [],
  ),
  skills: z._default(z.array(ProfileSkillSchema).check(z.maxLength(MAX_PROFILE_SKILLS)), []),
  languages: z._default(z.array(z.strictObject({ code: LanguageCodeSchema, level: CefrLevelSchema })).check(z.maxLength(20)), []),
  preferredPlaces: z._default(z.array(PlaceSchema).check(z.maxLength(20)), []),
  openToRemote: z._default(z.boolean(), false),
  desiredOccupations: z._default(
    z
      .array(
        z.strictObject({ escoUri: z.optional(EscoOccupationUriSchema), chinaCode: z.optional(ChinaOccupationCodeSchema) }).check(
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
      level: ChinaSkillLevelSchema,
      occupationCode: z.optional(ChinaOccupationCodeSchema),
      occupationTitle: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    }),
  ),
  availableFrom: z.optional(IsoDateSchema),
  salaryExpectation: z.optional(SalaryRangeSchema),
  consents: z._default(
    z.strictObject({
      /** Employers may see me in candidate lists. Off unless the graduate opts in. */
      discoverable: z._default(z.boolean(), false),
      /** Off means a transparent, non-personalised job feed. */
      personalisedMatching: z._default(z.boolean(), true),
    }),
    { discoverable: false, personalisedMatching: true },
  ),
});
export type GraduateProfileInput = z.infer<typeof GraduateProfileInputSchema>;

export const GraduateProfileSchema = z.extend(GraduateProfileInputSchema, {
  graduateId: z.string(),
  /** Skills backed by a verified credential, with the credential that proves each. */
  verifiedSkills: z._default(z.array(z.strictObject({ uri: EscoSkillUriSchema, credentialId: z.string() })), []),
  ...recordMeta,
});
export type GraduateProfile = z.infer<typeof GraduateProfileSchema>;

export const EmployerInputSchema = z.strictObject({
  name: BilingualTextSchema,
  registeredPlace: PlaceSchema,
  website: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(500))),
  unifiedSocialCreditCode: z.optional(
    z.string().check(z.regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'an 18-character 统一社会信用代码')),
  ),
});
export type EmployerInput = z.infer<typeof EmployerInputSchema>;
export const EmployerSchema = z.extend(EmployerInputSchema, { employerId: z.string(), ...recordMeta });
export type Employer = z.infer<typeof EmployerSchema>;

export const RequiredSkillSchema = z.strictObject({
  uri: EscoSkillUriSchema,
  importance: z.enum(['essential', 'optional']),
  minProficiency: z._default(ProficiencySchema, 1),
});
export type RequiredSkill = z.infer<typeof RequiredSkillSchema>;

export const JobPostingInputSchema = z
  .strictObject({
    title: BilingualTextSchema,
    description: z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000)),
    occupation: z.optional(
      z.strictObject({ escoUri: z.optional(EscoOccupationUriSchema), chinaCode: z.optional(ChinaOccupationCodeSchema) }).check(
        z.refine((o) => o.escoUri !== undefined || o.chinaCode !== undefined, {
          message: 'give escoUri, chinaCode or both',
        }),
      ),
    ),
    requiredSkills: z.array(RequiredSkillSchema).check(z.minLength(1), z.maxLength(MAX_JOB_SKILLS)),
    place: JobPlaceSchema,
    salary: z.optional(SalaryRangeSchema),
    openings: z._default(z.int().check(z.gte(1), z.lte(10_000)), 1),
    minEqfLevel: z.optional(EqfLevelSchema),
    minChinaSkillLevel: z.optional(ChinaSkillLevelSchema),
    closingDate: IsoDateSchema,
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
  );
export type JobPostingInput = z.infer<typeof JobPostingInputSchema>;

export const JobStatusSchema = z.enum(['open', 'closed']);
export const JobPostingSchema = z.object({
  ...JobPostingInputSchema.shape,
  jobId: z.string(),
  employerId: z.string(),
  status: JobStatusSchema,
  postedAt: IsoDateTimeSchema,
  closedAt: z.optional(IsoDateTimeSchema),
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
  coverNote: z.optional(z.string().check(z.maxLength(5_000))),
  status: ApplicationStatusSchema,
  history: z.array(z.object({ status: ApplicationStatusSchema, at: IsoDateTimeSchema })),
  ...recordMeta,
});
export type Application = z.infer<typeof ApplicationSchema>;

export const IssuerKindSchema = z.enum(['school', 'training-centre', 'university', 'employer-assessor']);
export const IssuerInputSchema = z.strictObject({
  legalName: BilingualTextSchema,
  kind: IssuerKindSchema,
  country: z.string().check(z.regex(/^[A-Z]{2}$/)),
  region: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  website: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(500))),
  accreditation: z._default(
    z
      .array(
        z.strictObject({
          by: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
          scope: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
          validUntil: IsoDateSchema,
        }),
      )
      .check(z.maxLength(20)),
    [],
  ),
});
export type IssuerInput = z.infer<typeof IssuerInputSchema>;
export const IssuerSchema = z.extend(IssuerInputSchema, {
  issuerId: z.string(),
  /** `kid`s of the public keys this issuer signs with (current and retired). */
  signingKeyIds: z._default(z.array(z.string()), []),
  ...recordMeta,
});
export type Issuer = z.infer<typeof IssuerSchema>;

export const CredentialTemplateInputSchema = z.strictObject({
  title: BilingualTextSchema,
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(5_000)),
  learningOutcomes: z.array(EscoSkillUriSchema).check(z.minLength(1), z.maxLength(50)),
  workload: z
    .strictObject({
      ects: z.optional(z.number().check(z.gte(0), z.lte(180))),
      hours: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
    })
    .check(z.refine((w) => w.ects !== undefined || w.hours !== undefined, { message: 'give ects, hours or both' })),
  eqfLevel: EqfLevelSchema,
  chinaSkillLevel: z.optional(ChinaSkillLevelSchema),
  chinaOccupationCode: z.optional(ChinaOccupationCodeSchema),
  assessmentType: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
  participationForm: z.enum(['online', 'onsite', 'blended']),
  qualityAssurance: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
  prerequisites: z.optional(z.string().check(z.trim(), z.maxLength(1_000))),
  supervisedAssessment: z.optional(z.boolean()),
  identityVerified: z.optional(z.boolean()),
  gradeScheme: z.optional(z.string().check(z.trim(), z.maxLength(300))),
  stackability: z.optional(z.string().check(z.trim(), z.maxLength(1_000))),
});
export type CredentialTemplateInput = z.infer<typeof CredentialTemplateInputSchema>;
export const CredentialTemplateSchema = z.extend(CredentialTemplateInputSchema, {
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
  statusListIndex: z.int().check(z.nonnegative()),
  statusListId: z.string(),
  skills: z.array(EscoSkillUriSchema),
  validFrom: IsoDateTimeSchema,
  validUntil: z.optional(IsoDateTimeSchema),
  jwt: z.string(),
  ...recordMeta,
});
export type IssuedCredential = z.infer<typeof IssuedCredentialSchema>;
