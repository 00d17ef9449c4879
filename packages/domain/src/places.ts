import * as z from 'zod/mini';
import { builtOnFirstUse } from './first-use.ts';

/** Provinces of the Yangtze River Delta, by national administrative division code (GB/T 2260). */
export const DELTA_PROVINCES = {
  '310000': { en: 'Shanghai', zh: '上海市' },
  '320000': { en: 'Jiangsu', zh: '江苏省' },
  '330000': { en: 'Zhejiang', zh: '浙江省' },
  '340000': { en: 'Anhui', zh: '安徽省' },
} as const;
export type DeltaProvinceCode = keyof typeof DELTA_PROVINCES;

/** Shanghai (a municipality, listed as one city) and the prefecture-level cities of Jiangsu, Zhejiang and Anhui. */
export const DELTA_CITIES = {
  '310000': { en: 'Shanghai', zh: '上海' },
  '320100': { en: 'Nanjing', zh: '南京' },
  '320200': { en: 'Wuxi', zh: '无锡' },
  '320300': { en: 'Xuzhou', zh: '徐州' },
  '320400': { en: 'Changzhou', zh: '常州' },
  '320500': { en: 'Suzhou', zh: '苏州' },
  '320600': { en: 'Nantong', zh: '南通' },
  '320700': { en: 'Lianyungang', zh: '连云港' },
  '320800': { en: "Huai'an", zh: '淮安' },
  '320900': { en: 'Yancheng', zh: '盐城' },
  '321000': { en: 'Yangzhou', zh: '扬州' },
  '321100': { en: 'Zhenjiang', zh: '镇江' },
  '321200': { en: 'Taizhou (Jiangsu)', zh: '泰州' },
  '321300': { en: 'Suqian', zh: '宿迁' },
  '330100': { en: 'Hangzhou', zh: '杭州' },
  '330200': { en: 'Ningbo', zh: '宁波' },
  '330300': { en: 'Wenzhou', zh: '温州' },
  '330400': { en: 'Jiaxing', zh: '嘉兴' },
  '330500': { en: 'Huzhou', zh: '湖州' },
  '330600': { en: 'Shaoxing', zh: '绍兴' },
  '330700': { en: 'Jinhua', zh: '金华' },
  '330800': { en: 'Quzhou', zh: '衢州' },
  '330900': { en: 'Zhoushan', zh: '舟山' },
  '331000': { en: 'Taizhou (Zhejiang)', zh: '台州' },
  '331100': { en: 'Lishui', zh: '丽水' },
  '340100': { en: 'Hefei', zh: '合肥' },
  '340200': { en: 'Wuhu', zh: '芜湖' },
  '340300': { en: 'Bengbu', zh: '蚌埠' },
  '340400': { en: 'Huainan', zh: '淮南' },
  '340500': { en: "Ma'anshan", zh: '马鞍山' },
  '340600': { en: 'Huaibei', zh: '淮北' },
  '340700': { en: 'Tongling', zh: '铜陵' },
  '340800': { en: 'Anqing', zh: '安庆' },
  '341000': { en: 'Huangshan', zh: '黄山' },
  '341100': { en: 'Chuzhou', zh: '滁州' },
  '341200': { en: 'Fuyang', zh: '阜阳' },
  '341300': { en: 'Suzhou (Anhui)', zh: '宿州' },
  '341500': { en: "Lu'an", zh: '六安' },
  '341600': { en: 'Bozhou', zh: '亳州' },
  '341700': { en: 'Chizhou', zh: '池州' },
  '341800': { en: 'Xuancheng', zh: '宣城' },
} as const;
export type DeltaCityCode = keyof typeof DELTA_CITIES;

const deltaCityCodes = Object.keys(DELTA_CITIES) as [DeltaCityCode, ...DeltaCityCode[]];
const deltaProvinceCodes = Object.keys(DELTA_PROVINCES) as [DeltaProvinceCode, ...DeltaProvinceCode[]];

export const deltaCityCodeSchema = builtOnFirstUse(() => z.enum(deltaCityCodes));
export const deltaProvinceCodeSchema = builtOnFirstUse(() => z.enum(deltaProvinceCodes));

export function provinceOfCity(cityCode: DeltaCityCode): DeltaProvinceCode {
  return `${cityCode.slice(0, 2)}0000` as DeltaProvinceCode;
}

export const placeSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('delta'), cityCode: deltaCityCodeSchema() }),
    z.strictObject({
      kind: z.literal('elsewhere'),
      country: z.string().check(z.regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code, e.g. DE')),
      city: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    }),
  ]),
);
export type Place = z.infer<ReturnType<typeof placeSchema>>;

/** Where a job is done: a place, or remote. */
export const jobPlaceSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('kind', [...placeSchema().def.options, z.strictObject({ kind: z.literal('remote') })]),
);
export type JobPlace = z.infer<ReturnType<typeof jobPlaceSchema>>;

/**
 * The partitions jobs and graduates fall in for regional indexes: a Delta province code,
 * `outside` for anywhere else, `remote` for remote work. The one list: matching, the store's keys,
 * the job search query and the event catalogue all take their partitions from here.
 */
export const REGION_PARTITIONS = [...deltaProvinceCodes, 'outside', 'remote'] as const;
export type RegionPartition = (typeof REGION_PARTITIONS)[number];
export const regionPartitionSchema = builtOnFirstUse(() => z.enum(REGION_PARTITIONS));

export function regionPartitionOf(place: JobPlace): RegionPartition {
  if (place.kind === 'delta') return provinceOfCity(place.cityCode);
  return place.kind === 'remote' ? 'remote' : 'outside';
}

/** A place's name for people, in English or Chinese: the Delta city, "city, country" elsewhere, or remote. */
export function placeNameOf(place: JobPlace, lang: 'en' | 'zh'): string {
  if (place.kind === 'delta') return DELTA_CITIES[place.cityCode][lang];
  if (place.kind === 'remote') return lang === 'zh' ? '远程' : 'Remote';
  return lang === 'zh' ? `${place.city}（${place.country}）` : `${place.city}, ${place.country}`;
}
