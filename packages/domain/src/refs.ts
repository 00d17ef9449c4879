import * as z from 'zod/mini';
import { builtOnFirstUse } from './first-use.ts';

const escoConceptUriSchema = (kind: 'skill' | 'occupation') =>
  z
    .string()
    .check(
      z.regex(
        new RegExp(`^http://data\\.europa\\.eu/esco/${kind}/[0-9a-f-]{36}$`),
        `an ESCO ${kind} URI: http://data.europa.eu/esco/${kind}/<uuid>`,
      ),
    );

export const escoSkillUriSchema = builtOnFirstUse(() => escoConceptUriSchema('skill'));
export const escoOccupationUriSchema = builtOnFirstUse(() => escoConceptUriSchema('occupation'));

/** China Occupational Classification (职业分类大典, 2022 edition) detailed code, e.g. 6-18-01-01. */
export const chinaOccupationCodeSchema = builtOnFirstUse(() =>
  z.string().check(z.regex(/^\d-\d{2}-\d{2}-\d{2}$/, 'a 职业分类大典 (2022) code such as 6-18-01-01')),
);

/** China national occupational skill level: 5 = 初级工 (entry) … 1 = 高级技师 (highest). */
export const chinaSkillLevelSchema = builtOnFirstUse(() =>
  z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
);
export type ChinaSkillLevel = z.infer<ReturnType<typeof chinaSkillLevelSchema>>;

export const CHINA_SKILL_LEVEL_NAMES: Record<ChinaSkillLevel, { zh: string; en: string }> = {
  5: { zh: '初级工', en: 'entry-level worker' },
  4: { zh: '中级工', en: 'intermediate worker' },
  3: { zh: '高级工', en: 'senior worker' },
  2: { zh: '技师', en: 'technician' },
  1: { zh: '高级技师', en: 'senior technician' },
};

export const eqfLevelSchema = builtOnFirstUse(() => z.int().check(z.gte(1), z.lte(8)));
/** Self-assessed or required proficiency: 1 basic, 2 intermediate, 3 advanced, 4 expert. */
export const proficiencySchema = builtOnFirstUse(() =>
  z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
);
export type Proficiency = z.infer<ReturnType<typeof proficiencySchema>>;

export const cefrLevelSchema = builtOnFirstUse(() => z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']));
export const languageCodeSchema = builtOnFirstUse(() =>
  z.string().check(z.regex(/^[a-z]{2,3}$/, 'an ISO 639 language code such as en or zh')),
);
export const currencySchema = builtOnFirstUse(() =>
  z.string().check(z.regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as CNY or EUR')),
);
export const isoDateSchema = builtOnFirstUse(() => z.iso.date());
export const isoDateTimeSchema = builtOnFirstUse(() => z.iso.datetime({ offset: true }));

export const bilingualTextSchema = builtOnFirstUse(() =>
  z.strictObject({
    en: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    zh: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  }),
);

export const salaryRangeSchema = builtOnFirstUse(() =>
  z
    .strictObject({
      currency: currencySchema(),
      min: z.int().check(z.nonnegative(), z.lte(100_000_000)),
      max: z.int().check(z.nonnegative(), z.lte(100_000_000)),
      period: z._default(z.enum(['month', 'year']), 'month'),
    })
    .check(z.refine((s) => s.min <= s.max, { message: 'min must not exceed max', path: ['max'] })),
);
