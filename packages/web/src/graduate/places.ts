import { DELTA_CITIES, DELTA_PROVINCES, type DeltaCityCode, type DeltaProvinceCode } from '@skillpass/domain/places';
import { pick, t } from '../i18n.ts';

export const PROVINCES = Object.keys(DELTA_PROVINCES) as DeltaProvinceCode[];
export const CITIES = Object.keys(DELTA_CITIES) as DeltaCityCode[];

export const provinceName = (code: DeltaProvinceCode) => pick(DELTA_PROVINCES[code]);
export const cityName = (code: string) => (code in DELTA_CITIES ? pick(DELTA_CITIES[code as DeltaCityCode]) : code);
/** A Delta province named in English (as an issuer's address gives its region), in the chosen language. */
export const regionName = (region: string) => {
  const code = PROVINCES.find((province) => DELTA_PROVINCES[province].en.toLowerCase() === region.trim().toLowerCase());
  return code ? provinceName(code) : region;
};
export const citiesOf = (province: DeltaProvinceCode) =>
  CITIES.filter((city) => city.slice(0, 2) === province.slice(0, 2));

/** A job's or profile's place as words: "Suzhou", "Berlin, DE", "Remote". */
export function placeName(place: Record<string, unknown> | undefined): string {
  if (!place) return '';
  if (place.kind === 'delta' && typeof place.cityCode === 'string') return cityName(place.cityCode);
  if (place.kind === 'remote') return t('place.remote');
  if (place.kind === 'elsewhere') return `${String(place.city ?? '')}, ${String(place.country ?? '')}`;
  return '';
}
