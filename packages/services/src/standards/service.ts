import {
  assertMayPropose,
  assertMayProposeVersion,
  assertMayReview,
  assertValidStandardContent,
  DomainError,
  notFound,
  type SkillLevelStandard,
  type StandardActor,
  type StandardContent,
  type StandardLevel,
  type StandardLevelRef,
  type StandardReviewInput,
  type StandardVersion,
  standardAfterReview,
} from '@skillpass/domain';
import {
  ConditionalWriteFailed,
  deterministicId,
  newId,
  type Repositories,
  type StandardWithVersions,
  withOptimisticRetry,
} from '@skillpass/store';
import { accreditedOn } from '../admin/operators.ts';

/** Shared skill-level standards: proposals, reviews by another province, published versions. */

type StandardDeps = Pick<Repositories, 'issuers' | 'standards'>;

/** An issuer as the standards' rules see it; an unregistered one is neither accredited nor placed. */
export async function standardActorOf({ issuers }: Pick<Repositories, 'issuers'>, issuerId: string, now: Date) {
  const issuer = await issuers.get(issuerId);
  const actor: StandardActor = {
    issuerId,
    accredited: !!issuer && accreditedOn(issuer, now.toISOString().slice(0, 10)),
    ...(issuer?.provinceCode ? { provinceCode: issuer.provinceCode } : {}),
  };
  return actor;
}

/**
 * An accredited issuer proposes a new standard (its version 1, awaiting review). With an Idempotency-Key the id is
 * derived from it, so a retry after a lost answer finds the standard its first attempt made.
 */
export async function proposeStandard(
  deps: StandardDeps,
  input: { issuerId: string; content: StandardContent; idempotencyKey?: string; now: Date },
): Promise<StandardWithVersions> {
  const province = assertMayPropose(await standardActorOf(deps, input.issuerId, input.now));
  assertValidStandardContent(input.content);
  const at = input.now.toISOString();
  const standardId = input.idempotencyKey
    ? deterministicId('std', input.issuerId, input.idempotencyKey)
    : newId('std', input.now);
  const standard: SkillLevelStandard = {
    standardId,
    occupationUri: input.content.occupationUri,
    title: input.content.title,
    pendingVersion: 1,
    latestNumber: 1,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const first = proposal(standardId, 1, input.issuerId, province, input.content, at, undefined);
  try {
    await deps.standards.create(standard, first);
  } catch (error) {
    const existing = input.idempotencyKey ? await deps.standards.get(standardId) : undefined;
    if (error instanceof ConditionalWriteFailed && existing?.versions[0]?.proposedBy === input.issuerId)
      return existing;
    throw error;
  }
  return { standard, versions: [first] };
}

/** An accredited issuer proposes the next version, amending the published one; one proposal awaits review at a time. */
export async function proposeStandardVersion(
  deps: StandardDeps,
  input: {
    issuerId: string;
    standardId: string;
    content: StandardContent;
    precondition?: (headVersion: number) => boolean;
    now: Date;
  },
): Promise<StandardWithVersions> {
  const province = assertMayPropose(await standardActorOf(deps, input.issuerId, input.now));
  assertValidStandardContent(input.content);
  return withOptimisticRetry(async () => {
    const current = await deps.standards.get(input.standardId);
    if (!current) throw notFound('standard');
    // The pending proposal first: two racing proposals give one 201 and one 409, whichever If-Match they sent.
    assertMayProposeVersion(current.standard, input.content);
    if (input.precondition && !input.precondition(current.standard.version)) {
      throw new DomainError('precondition-failed', 'The standard changed since you read it; read it again.');
    }
    const at = input.now.toISOString();
    const number = current.standard.latestNumber + 1;
    const version = proposal(
      input.standardId,
      number,
      input.issuerId,
      province,
      input.content,
      at,
      current.standard.publishedVersion,
    );
    const standard: SkillLevelStandard = {
      ...current.standard,
      pendingVersion: number,
      latestNumber: number,
      version: current.standard.version + 1,
      updatedAt: at,
    };
    await deps.standards.addVersion(standard, version, current.standard.version);
    return { standard, versions: [...current.versions, version] };
  });
}

/**
 * An accredited issuer of another province reviews a proposed version: approval publishes it, rejection keeps the
 * reason. The same reviewer sending the same decision again gets the review it already made.
 */
export async function reviewStandardVersion(
  deps: StandardDeps,
  input: { issuerId: string; standardId: string; number: number; review: StandardReviewInput; now: Date },
): Promise<StandardWithVersions> {
  const actor = await standardActorOf(deps, input.issuerId, input.now);
  return withOptimisticRetry(async () => {
    const current = await deps.standards.get(input.standardId);
    const version = current?.versions.find((v) => v.number === input.number);
    if (!current || !version) throw notFound('standard version');
    const done = version.review;
    if (done && done.reviewedBy === input.issuerId && done.decision === input.review.decision) return current;
    const province = assertMayReview(actor, version);
    const at = input.now.toISOString();
    const reviewed: StandardVersion = {
      ...version,
      status: input.review.decision === 'approve' ? 'published' : 'rejected',
      review: {
        reviewedBy: input.issuerId,
        reviewerProvince: province,
        decision: input.review.decision,
        ...(input.review.reason ? { reason: input.review.reason } : {}),
        reviewedAt: at,
      },
    };
    const standard = standardAfterReview(current.standard, version, input.review.decision, at);
    await deps.standards.review(standard, reviewed, current.standard.version);
    return { standard, versions: current.versions.map((v) => (v.number === reviewed.number ? reviewed : v)) };
  });
}

/** The published standards (those with a published version), by occupation. */
export async function publishedStandards({ standards }: Pick<Repositories, 'standards'>) {
  return (await standards.list()).filter((s) => s.publishedVersion !== undefined);
}

/** An occupation's published standards with the national levels each defines, highest level first (career pages). */
export async function publishedStandardsOf({ standards }: Pick<Repositories, 'standards'>, occupationUri: string) {
  const heads = (await standards.listOfOccupation(occupationUri)).filter((s) => s.publishedVersion !== undefined);
  const found = await Promise.all(heads.map((head) => standards.get(head.standardId)));
  return found.flatMap((entry) => {
    const published = entry?.versions.find((v) => v.number === entry.standard.publishedVersion);
    if (!entry || !published) return [];
    const levels = published.content.levels.map((l) => l.level).sort((a, b) => a - b);
    return [{ standardId: entry.standard.standardId, title: published.content.title, levels }];
  });
}

/**
 * What a template's reference names: a published version of a standard that defines the level. A bad reference is
 * a 400 naming the field under `path`.
 */
export async function resolveStandardLevel(
  { standards }: Pick<Repositories, 'standards'>,
  ref: StandardLevelRef,
  path: string,
): Promise<{ standard: SkillLevelStandard; version: StandardVersion; level: StandardLevel }> {
  const found = await standards.get(ref.standardId);
  const bad = (field: string, message: string) =>
    new DomainError('validation', 'The skill-level standard reference does not name a published level.', [
      { path: `${path}.${field}`, message },
    ]);
  if (!found) throw bad('standardId', 'no such standard');
  const version = found.versions.find((v) => v.number === ref.version);
  if (version?.status !== 'published') throw bad('version', 'not a published version of the standard');
  const level = version.content.levels.find((l) => l.level === ref.level);
  if (!level) throw bad('level', `version ${ref.version} does not define level ${ref.level}`);
  return { standard: found.standard, version, level };
}

/** A job's requirement must name a level some published version of the standard defines (400 naming `path`). */
export async function assertPublishedStandardLevel(
  { standards }: Pick<Repositories, 'standards'>,
  ref: { standardId: string; level: StandardLevel['level'] },
  path: string,
): Promise<void> {
  const found = await standards.get(ref.standardId);
  const defines = found?.versions.some(
    (v) => v.status === 'published' && v.content.levels.some((l) => l.level === ref.level),
  );
  if (!defines) {
    throw new DomainError('validation', 'The job asks for a level no published standard defines.', [
      { path: found ? `${path}.level` : `${path}.standardId`, message: found ? 'not defined' : 'no such standard' },
    ]);
  }
}

function proposal(
  standardId: string,
  number: number,
  issuerId: string,
  province: StandardVersion['proposerProvince'],
  content: StandardContent,
  at: string,
  basedOn: number | undefined,
): StandardVersion {
  return {
    standardId,
    number,
    status: 'proposed',
    content,
    proposedBy: issuerId,
    proposerProvince: province,
    proposedAt: at,
    ...(basedOn !== undefined ? { basedOn } : {}),
  };
}
