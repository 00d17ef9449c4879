import { DELTA_CITIES, DELTA_PROVINCES, type DeltaCityCode, type JobPlace, provinceOfCity } from '@skillpass/domain';

/**
 * A place insights are counted for: a Delta province or a Delta city, by GB/T 2260 code. Shanghai is both a
 * province and a city with one code, so the kind is part of the id.
 */
export type InsightPlace = `province:${string}` | `city:${string}`;

export const INSIGHT_PLACES: readonly InsightPlace[] = [
  ...Object.keys(DELTA_PROVINCES).map((code) => `province:${code}` as const),
  ...Object.keys(DELTA_CITIES).map((code) => `city:${code}` as const),
];
const KNOWN = new Set<string>(INSIGHT_PLACES);
export const isInsightPlace = (value: string): value is InsightPlace => KNOWN.has(value);

/** The places a job place or a place of interest counts in: its city and its province (Delta places only). */
export function insightPlacesOf(place: JobPlace): InsightPlace[] {
  if (place.kind !== 'delta') return [];
  return [`city:${place.cityCode}`, `province:${provinceOfCity(place.cityCode)}`];
}

/** A place's name for people. */
export function insightPlaceName(place: InsightPlace, lang: 'en' | 'zh'): string {
  const [kind, code] = place.split(':') as ['province' | 'city', string];
  const names =
    kind === 'city' ? DELTA_CITIES[code as DeltaCityCode] : DELTA_PROVINCES[code as keyof typeof DELTA_PROVINCES];
  return names[lang];
}
