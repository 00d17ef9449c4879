import {
  addWeeks,
  type Concept,
  figuresOf,
  INSIGHT_PLACES,
  type InsightFigures,
  type InsightPlace,
  type IsoWeek,
  insightPlacesOf,
  isoWeekOf,
  rankShortages,
  type ShortageTrend,
  standingAt,
  trendFrom,
  weeksBetween,
} from '@skillpass/insights';
import type { Repositories } from '@skillpass/store';

/** What insight queries read: the counters, templates and issuers (where a skill is taught), an organisation's jobs. */
export type InsightQueryDeps = Pick<Repositories, 'insights' | 'issuers' | 'jobs'> & { clock: () => Date };

/** A template that teaches a skill, and where its issuer is. */
export interface TemplateOffer {
  templateId: string;
  title: { en: string; zh?: string };
  participationForm: 'online' | 'onsite' | 'blended';
  issuerId: string;
  issuerName: { en: string; zh?: string };
  country: string;
  region: string;
}

export interface ShortageRow {
  concept: Concept;
  figures: InsightFigures;
  trend: ShortageTrend;
  teachingTemplates: TemplateOffer[];
}

export interface ShortagesView {
  place: InsightPlace;
  week: IsoWeek;
  total: InsightFigures;
  items: ShortageRow[];
}

const TEMPLATES_PER_SKILL = 5;

/** The week asked for, or the current one; never later than the current one. */
export const currentWeek = (deps: Pick<InsightQueryDeps, 'clock'>): IsoWeek => isoWeekOf(deps.clock());

/**
 * The concepts (skills or occupations) of a place ranked by shortage at the end of `week`, each with its trend
 * (the index a week before, jobs posted this week against the four before) and, for skills, the templates that
 * teach it. Ranking needs every concept of the kind as it stood at `week`: the place's running totals of that kind
 * (one sort-key prefix) less the weeks after `week` (none for the current week). The trend needs the weekly
 * counters of the ranked rows only, read by key afterwards instead of reading whole weekly partitions.
 */
export async function shortagesAt(
  deps: InsightQueryDeps,
  query: { place: InsightPlace; week: IsoWeek; kind: 'skill' | 'occupation'; limit: number },
): Promise<ShortagesView> {
  const later = weeksBetween(addWeeks(query.week, 1), currentWeek(deps));
  const prefix = `${query.kind}:` as const;
  const [all, ...laterCells] = await Promise.all([
    deps.insights.countersAt(query.place, 'all', prefix),
    ...later.map((week) => deps.insights.countersAt(query.place, week, prefix)),
  ]);
  const atWeek = standingAt(all, laterCells);
  const ranked = rankShortages(
    [...atWeek].map(([concept, measures]) => ({ concept, figures: figuresOf(measures, undefined) })),
  ).slice(0, query.limit);
  // The ranked rows' and the total's own weeks: `week` and the four before it (and the total's later weeks).
  const recent = [0, 1, 2, 3, 4].map((n) => addWeeks(query.week, -n));
  const cells = await deps.insights.countersFor([
    ...['all' as const, ...later].map((week) => ({ place: query.place, week, concept: 'total' as const })),
    ...[...ranked.map((r) => r.concept), 'total' as const].flatMap((concept) =>
      recent.map((week) => ({ place: query.place, week, concept })),
    ),
  ]);
  const cellOf = (week: IsoWeek, concept: Concept) => cells.find((c) => c.week === week && c.concept === concept);
  const total = standingAt(
    cells.filter((c) => c.week === 'all'),
    [cells.filter((c) => c.week !== 'all' && c.week > query.week)],
  ).get('total');
  const items = await Promise.all(
    ranked.map(async ({ concept }) => {
      const thisWeek = cellOf(query.week, concept);
      const figures = figuresOf(atWeek.get(concept), thisWeek);
      // A week earlier: the standing less what this week added.
      const standing = atWeek.get(concept)!;
      const before = {
        jobs: standing.jobs - (thisWeek?.jobs ?? 0),
        declared: standing.declared - (thisWeek?.declared ?? 0),
        verified: standing.verified - (thisWeek?.verified ?? 0),
      };
      const trend = trendFrom(
        figures,
        figuresOf(before, undefined),
        recent.slice(1).map((week) => cellOf(week, concept)?.jobs ?? 0),
      );
      return {
        concept,
        figures,
        trend,
        teachingTemplates: concept.startsWith('skill:') ? await templatesTeaching(deps, concept.slice(6)) : [],
      };
    }),
  );
  return {
    place: query.place,
    week: query.week,
    total: figuresOf(total, cellOf(query.week, 'total')),
    items,
  };
}

export interface SeriesPoint {
  week: IsoWeek;
  figures: InsightFigures;
}

/** One concept in one place, week by week up to the current week: demand against (published) supply. */
export async function conceptSeries(
  deps: InsightQueryDeps,
  query: { place: InsightPlace; concept: Concept; weeks: number },
): Promise<SeriesPoint[]> {
  const now = currentWeek(deps);
  const weeks = weeksBetween(addWeeks(now, 1 - query.weeks), now);
  const cells = await deps.insights.countersFor(
    ['all' as const, ...weeks].map((week) => ({ place: query.place, week, concept: query.concept })),
  );
  const all = cells.filter((c) => c.week === 'all');
  return weeks.map((week) => {
    const standing = standingAt(all, [cells.filter((c) => c.week !== 'all' && c.week > week)]);
    return {
      week,
      figures: figuresOf(
        standing.get(query.concept),
        cells.find((c) => c.week === week),
      ),
    };
  });
}

/** Every Delta province and city with its open jobs and (published) graduates now. */
export async function placesOverview(
  deps: InsightQueryDeps,
): Promise<Array<{ place: InsightPlace; figures: InsightFigures }>> {
  const cells = await deps.insights.countersFor(
    INSIGHT_PLACES.map((place) => ({ place, week: 'all', concept: 'total' })),
  );
  const byPlace = new Map(cells.map((c) => [c.place, c]));
  return INSIGHT_PLACES.map((place) => ({ place, figures: figuresOf(byPlace.get(place), undefined) }));
}

/** Templates that teach a skill (a few), with their issuer's country and region: where it is offered. */
export async function templatesTeaching(deps: InsightQueryDeps, skillUri: string): Promise<TemplateOffer[]> {
  const ids = (await deps.issuers.templateIdsTeaching(skillUri)).slice(0, TEMPLATES_PER_SKILL);
  const templates = (await Promise.all(ids.map((id) => deps.issuers.getTemplate(id)))).filter((t) => t !== undefined);
  return Promise.all(
    templates.map(async (t) => {
      const issuer = await deps.issuers.get(t.issuerId);
      return {
        templateId: t.templateId,
        title: t.title,
        participationForm: t.participationForm,
        issuerId: t.issuerId,
        issuerName: issuer?.legalName ?? { en: t.issuerId },
        country: issuer?.country ?? '',
        region: issuer?.region ?? '',
      };
    }),
  );
}

export interface OrganisationRow {
  concept: Concept;
  place: InsightPlace;
  figures: InsightFigures;
}

/** Figures now for these skills in these places: what an organisation's view shows (aggregates only). */
async function figuresFor(
  deps: InsightQueryDeps,
  skills: readonly string[],
  places: readonly InsightPlace[],
): Promise<OrganisationRow[]> {
  const keys = places.flatMap((place) =>
    skills.map((uri) => ({ place, week: 'all' as const, concept: `skill:${uri}` as const })),
  );
  const found = new Map((await deps.insights.countersFor(keys)).map((c) => [`${c.place}|${c.concept}`, c]));
  return keys
    .map((k) => ({
      concept: k.concept,
      place: k.place,
      figures: figuresOf(found.get(`${k.place}|${k.concept}`), undefined),
    }))
    .sort(
      (a, b) =>
        b.figures.demand - a.figures.demand || a.concept.localeCompare(b.concept) || a.place.localeCompare(b.place),
    );
}

const PROVINCES = INSIGHT_PLACES.filter((p) => p.startsWith('province:'));

/** A school's view: demand for the skills its templates teach, in a place or in every Delta province. */
export async function issuerDemand(
  deps: InsightQueryDeps,
  issuerId: string,
  place?: InsightPlace,
): Promise<OrganisationRow[]> {
  const skills = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await deps.issuers.listTemplates({ issuerId, limit: 100, ...(cursor ? { cursor } : {}) });
    for (const t of page.items) for (const uri of t.learningOutcomes) skills.add(uri);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return figuresFor(deps, [...skills], place ? [place] : PROVINCES);
}

/** An employer's view: supply of the skills its open jobs require, in a place or in its jobs' cities and provinces. */
export async function employerSupply(
  deps: InsightQueryDeps,
  employerId: string,
  place?: InsightPlace,
): Promise<OrganisationRow[]> {
  const skills = new Set<string>();
  const places = new Set<InsightPlace>(place ? [place] : []);
  let cursor: string | undefined;
  do {
    const page = await deps.jobs.listByEmployer(employerId, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const job of page.items.filter((j) => j.status === 'open')) {
      for (const s of job.requiredSkills) skills.add(s.uri);
      if (!place) for (const p of insightPlacesOf(job.place)) places.add(p);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return figuresFor(deps, [...skills], [...places]);
}
