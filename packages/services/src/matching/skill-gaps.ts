import {
  type Course,
  dayOf,
  type GraduateProfile,
  isEnrollable,
  type JobPosting,
  notFound,
  seatsLeft,
} from '@skillpass/domain';
import { partitionsOfInterest, scoreJobForProfile } from '@skillpass/matching';
import type { CredentialTemplate } from '@skillpass/domain';
import type { Repositories } from '@skillpass/store';
import { type MatchingDeps, toMatchJob, toMatchProfile } from './maintenance.ts';

/** What skill-gap advice needs to know of ESCO beyond the skill graph. */
export interface OccupationCatalog {
  isKnownOccupation(uri: string): boolean;
  occupationSkills(uri: string): { essential: string[]; optional: string[] };
  labelOf(uri: string, lang?: 'en' | 'zh'): string | undefined;
}

export type SkillGapDeps = MatchingDeps & Pick<Repositories, 'issuers' | 'courses'> & { taxonomy: OccupationCatalog };

/** A scheduled course of a template that teaches the skill, as the skill-gap view offers it. */
export type GapCourse = Pick<Course, 'courseId' | 'templateId' | 'title' | 'startsOn' | 'endsOn' | 'format'> & {
  cityCode?: string;
  seatsLeft: number;
};

export interface SkillGap {
  uri: string;
  label: string;
  importance: 'essential' | 'optional';
  /** Open jobs in the graduate's places that require the skill. */
  openJobsRequiring: number;
  /** Micro-credentials that teach it. */
  credentials: Array<Pick<CredentialTemplate, 'templateId' | 'issuerId' | 'title' | 'eqfLevel'>>;
  /** Courses open for enrolment that end in one of those credentials, soonest first. */
  courses: GapCourse[];
}

async function coursesOf(deps: SkillGapDeps, templateIds: readonly string[]): Promise<GapCourse[]> {
  const today = dayOf(deps.clock());
  const courses = (await Promise.all(templateIds.map((id) => deps.courses.listOpen(id)))).flat();
  return courses
    .filter((course) => isEnrollable(course, today))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
    .map((c) => ({
      courseId: c.courseId,
      templateId: c.templateId,
      title: c.title,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      format: c.format,
      ...(c.place ? { cityCode: c.place.cityCode } : {}),
      seatsLeft: seatsLeft(c),
    }));
}

export type GapTarget = { job: JobPosting } | { occupation: string };

/** The skills a graduate lacks for a target, as (uri, importance), essential ones first. */
function missingSkills(deps: SkillGapDeps, profile: GraduateProfile, target: GapTarget) {
  const matchProfile = toMatchProfile(profile);
  if ('job' in target) {
    const { explanation } = scoreJobForProfile(matchProfile, toMatchJob(target.job), deps.taxonomy);
    return [
      ...explanation.missingEssential.map((uri) => ({ uri, importance: 'essential' as const })),
      ...explanation.partial.map((p) => ({ uri: p.required.uri, importance: p.required.importance })),
      ...explanation.missingOptional.map((uri) => ({ uri, importance: 'optional' as const })),
    ];
  }
  if (!deps.taxonomy.isKnownOccupation(target.occupation)) throw notFound('occupation');
  const held = new Set(matchProfile.skills.map((s) => s.uri));
  const required = deps.taxonomy.occupationSkills(target.occupation);
  return [
    ...required.essential.filter((uri) => !held.has(uri)).map((uri) => ({ uri, importance: 'essential' as const })),
    ...required.optional.filter((uri) => !held.has(uri)).map((uri) => ({ uri, importance: 'optional' as const })),
  ];
}

/**
 * The skills a graduate lacks for a job or an occupation, most in demand (open jobs in the
 * graduate's places) first, then essential before optional, then by name; each with the
 * credentials that teach it.
 */
export async function skillGapsFor(
  deps: SkillGapDeps,
  profile: GraduateProfile,
  target: GapTarget,
  lang: 'en' | 'zh',
): Promise<SkillGap[]> {
  const regions = partitionsOfInterest(toMatchProfile(profile));
  const gaps = await Promise.all(
    missingSkills(deps, profile, target).map(async (gap): Promise<SkillGap> => {
      const templateIds = await deps.issuers.templateIdsTeaching(gap.uri);
      const [templates, courses] = await Promise.all([
        Promise.all(templateIds.map((id) => deps.issuers.getTemplate(id))),
        coursesOf(deps, templateIds),
      ]);
      return {
        ...gap,
        label: deps.taxonomy.labelOf(gap.uri, lang) ?? gap.uri,
        openJobsRequiring: await deps.matchingIndex.countOpenJobsRequiring(gap.uri, regions),
        credentials: templates.flatMap((t) =>
          t ? [{ templateId: t.templateId, issuerId: t.issuerId, title: t.title, eqfLevel: t.eqfLevel }] : [],
        ),
        courses,
      };
    }),
  );
  return gaps.sort(
    (a, b) =>
      b.openJobsRequiring - a.openJobsRequiring ||
      (a.importance === b.importance ? 0 : a.importance === 'essential' ? -1 : 1) ||
      a.label.localeCompare(b.label),
  );
}
