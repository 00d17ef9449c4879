import { signal } from '@preact/signals';
import { api } from '../api/client.ts';

export const AREAS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8'] as const;
export type Area = (typeof AREAS)[number];
export type Ratings = Record<Area, number>;
export interface Answers {
  ratings: Partial<Ratings>;
  especially: string[];
}

export async function scoreAnswers(ratings: Ratings, especially: string[], lang: 'en' | 'zh') {
  const { data } = await api.POST('/v1/careers/assessment/score', { body: { ratings, especially, lang } });
  if (!data) throw new Error('not scored');
  return data;
}
export type AssessmentResult = Awaited<ReturnType<typeof scoreAnswers>>;

/**
 * The assessment in progress: kept in memory only (never in browser storage), so it survives moving between the
 * assessment and a career page but not closing the tab, unless the graduate saves it.
 */
export const answers = signal<Answers>({ ratings: {}, especially: [] });
export const result = signal<{ lang: 'en' | 'zh'; value: AssessmentResult } | null>(null);

/** All eight areas rated: the answers the API accepts. */
export const complete = (ratings: Partial<Ratings>): Ratings | null =>
  AREAS.every((area) => ratings[area] !== undefined) ? (ratings as Ratings) : null;
