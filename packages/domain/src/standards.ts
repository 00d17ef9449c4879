import * as z from 'zod/mini';
import { DomainError, type FieldIssue } from './errors.ts';
import { builtOnFirstUse } from './first-use.ts';
import { type DeltaProvinceCode, deltaProvinceCodeSchema } from './places.ts';
import {
  bilingualTextSchema,
  chinaSkillLevelSchema,
  escoOccupationUriSchema,
  escoSkillUriSchema,
  isoDateTimeSchema,
  proficiencySchema,
} from './refs.ts';

/**
 * Shared skill-level standards (技能等级评价标准): per ESCO occupation, what each national skill level requires.
 * Accredited issuers of different provinces maintain them together: one proposes a version, an issuer of another
 * province reviews it, and an approved version is published and never changes again.
 */

export const MAX_STANDARD_LEVEL_SKILLS = 50;

/** One national level of a standard: the ESCO skills it requires and at what proficiency. */
export const standardLevelSchema = builtOnFirstUse(() =>
  z.strictObject({
    level: chinaSkillLevelSchema(),
    skills: z
      .array(z.strictObject({ uri: escoSkillUriSchema(), proficiency: proficiencySchema() }))
      .check(z.minLength(1), z.maxLength(MAX_STANDARD_LEVEL_SKILLS)),
  }),
);
export type StandardLevel = z.infer<ReturnType<typeof standardLevelSchema>>;

/** What a proposal says: the occupation, the standard's title and its levels. */
export const standardContentSchema = builtOnFirstUse(() =>
  z.strictObject({
    occupationUri: escoOccupationUriSchema(),
    title: bilingualTextSchema(),
    levels: z.array(standardLevelSchema()).check(z.minLength(1), z.maxLength(5)),
  }),
);
export type StandardContent = z.infer<ReturnType<typeof standardContentSchema>>;

export const standardReviewInputSchema = builtOnFirstUse(() =>
  z
    .strictObject({
      decision: z.enum(['approve', 'reject']),
      reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2_000))),
    })
    .check(
      z.refine((r) => r.decision === 'approve' || r.reason !== undefined, {
        message: 'a rejection gives its reason',
        path: ['reason'],
      }),
    ),
);
export type StandardReviewInput = z.infer<ReturnType<typeof standardReviewInputSchema>>;

const provinceSchema = builtOnFirstUse(() => deltaProvinceCodeSchema());

export const standardVersionSchema = builtOnFirstUse(() =>
  z.object({
    standardId: z.string(),
    /** 1, 2, 3 …: the order proposals were made in; a rejected number is never reused. */
    number: z.int().check(z.positive()),
    status: z.enum(['proposed', 'published', 'rejected']),
    content: standardContentSchema(),
    proposedBy: z.string(),
    proposerProvince: provinceSchema(),
    proposedAt: isoDateTimeSchema(),
    /** The published version this one amends (absent for a standard's first version). */
    basedOn: z.optional(z.int().check(z.positive())),
    review: z.optional(
      z.object({
        reviewedBy: z.string(),
        reviewerProvince: provinceSchema(),
        decision: z.enum(['approve', 'reject']),
        reason: z.optional(z.string()),
        reviewedAt: isoDateTimeSchema(),
      }),
    ),
  }),
);
export type StandardVersion = z.infer<ReturnType<typeof standardVersionSchema>>;

/** The standard's head: which version is published and which, if any, awaits review. */
export const skillLevelStandardSchema = builtOnFirstUse(() =>
  z.object({
    standardId: z.string(),
    occupationUri: escoOccupationUriSchema(),
    title: bilingualTextSchema(),
    publishedVersion: z.optional(z.int().check(z.positive())),
    pendingVersion: z.optional(z.int().check(z.positive())),
    latestNumber: z.int().check(z.positive()),
    version: z.int().check(z.positive()),
    createdAt: isoDateTimeSchema(),
    updatedAt: isoDateTimeSchema(),
  }),
);
export type SkillLevelStandard = z.infer<ReturnType<typeof skillLevelStandardSchema>>;

/** A template's or a job's reference to one level of one published version of a standard. */
export const standardLevelRefSchema = builtOnFirstUse(() =>
  z.strictObject({
    standardId: z.string().check(z.minLength(1), z.maxLength(100)),
    version: z.int().check(z.positive()),
    level: chinaSkillLevelSchema(),
  }),
);
export type StandardLevelRef = z.infer<ReturnType<typeof standardLevelRefSchema>>;

/**
 * Rules a proposal's content keeps beyond its shape: each level once, each skill once per level, and a higher level
 * (smaller number) requires every skill of the levels below it at the same or a higher proficiency — the national
 * standards' "高级别涵盖低级别的要求" (a higher level covers the lower levels' requirements).
 */
export function standardContentIssues(content: StandardContent): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seenLevels = new Set<number>();
  content.levels.forEach((level, i) => {
    if (seenLevels.has(level.level)) issues.push({ path: `levels.${i}.level`, message: 'level given twice' });
    seenLevels.add(level.level);
    const seenSkills = new Set<string>();
    level.skills.forEach((skill, j) => {
      if (seenSkills.has(skill.uri))
        issues.push({ path: `levels.${i}.skills.${j}.uri`, message: 'skill listed twice' });
      seenSkills.add(skill.uri);
    });
  });
  // Walk from the lowest level (5) up; each level must cover everything the level below required.
  const ordered = content.levels
    .map((level, index) => ({ level, index }))
    .sort((a, b) => b.level.level - a.level.level);
  for (let k = 1; k < ordered.length; k++) {
    const lower = ordered[k - 1]!.level;
    const { level: higher, index } = ordered[k]!;
    for (const needed of lower.skills) {
      const held = higher.skills.find((s) => s.uri === needed.uri);
      if (!held || held.proficiency < needed.proficiency) {
        issues.push({
          path: `levels.${index}.skills`,
          message: `level ${higher.level} must require ${needed.uri} at proficiency ${needed.proficiency} or more, as level ${lower.level} does`,
        });
      }
    }
  }
  return issues;
}

export function assertValidStandardContent(content: StandardContent): void {
  const issues = standardContentIssues(content);
  if (issues.length > 0) throw new DomainError('validation', 'The standard breaks a rule of its levels.', issues);
}

/** Who is acting on a standard: an issuer, its province (when it registered one) and whether it is accredited today. */
export interface StandardActor {
  issuerId: string;
  provinceCode?: DeltaProvinceCode;
  accredited: boolean;
}

const forbidden = (message: string, path: string, why: string) =>
  new DomainError('forbidden', message, [{ path, message: why }]);

/** An issuer may propose only while accredited and with a province on record; returns that province. */
export function assertMayPropose(actor: StandardActor): DeltaProvinceCode {
  if (!actor.accredited) {
    throw forbidden('Only an issuer the platform accredits may propose standards.', 'accreditation', 'not accredited');
  }
  if (!actor.provinceCode) {
    throw forbidden(
      'Register your province (provinceCode on PUT /v1/issuers/me) before proposing standards.',
      'provinceCode',
      'missing',
    );
  }
  return actor.provinceCode;
}

/**
 * The review rule: an accredited issuer of another province than the proposer's, never the proposer itself,
 * reviews a version still awaiting review. Returns the reviewer's province.
 */
export function assertMayReview(actor: StandardActor, version: StandardVersion): DeltaProvinceCode {
  if (actor.issuerId === version.proposedBy) {
    throw forbidden('An issuer cannot review its own proposal.', 'reviewer', 'the proposer');
  }
  const province = assertMayPropose(actor);
  if (province === version.proposerProvince) {
    throw forbidden(
      'A second issuer from a different province than the proposer reviews each version.',
      'provinceCode',
      `same province as the proposer (${province})`,
    );
  }
  if (version.status !== 'proposed') {
    throw new DomainError('conflict', `Version ${version.number} was already reviewed (${version.status}).`);
  }
  return province;
}

/** A new version may be proposed only when none awaits review, and amends the published one. */
export function assertMayProposeVersion(standard: SkillLevelStandard, content: StandardContent): void {
  if (standard.pendingVersion !== undefined) {
    throw new DomainError(
      'conflict',
      `Version ${standard.pendingVersion} awaits review; propose the next version after it is reviewed.`,
    );
  }
  if (content.occupationUri !== standard.occupationUri) {
    throw new DomainError('validation', 'A standard stays with its occupation.', [
      { path: 'occupationUri', message: `must be ${standard.occupationUri}` },
    ]);
  }
}

/** The head after a review: an approval publishes the version; either way nothing awaits review any more. */
export function standardAfterReview(
  standard: SkillLevelStandard,
  version: StandardVersion,
  decision: StandardReviewInput['decision'],
  now: string,
): SkillLevelStandard {
  const { pendingVersion: _pending, ...rest } = standard;
  return {
    ...rest,
    ...(decision === 'approve' ? { publishedVersion: version.number, title: version.content.title } : {}),
    version: standard.version + 1,
    updatedAt: now,
  };
}
