import type { JobMatch, LevelFit, LocationTier } from './types.ts';

export type SummaryLang = 'en' | 'zh';

export interface SummaryOptions {
  lang?: SummaryLang;
  /** Skill names: with them the sentence names what is missing and what covers a skill partly. */
  label?: (uri: string) => string;
  /** False when no required skill is covered at all. */
  eligible?: boolean;
}

interface Phrases {
  notAMatch: string;
  skills: (matched: number, total: number) => string;
  optional: (matched: number, total: number) => string;
  throughRelated: (count: number, pairs: string[]) => string;
  pair: (required: string, via: string) => string;
  missing: (names: string[]) => string;
  verified: (count: number) => string;
  tier: Record<LocationTier, string>;
  noLevel: string;
  meetsLevel: string;
  below: (requirement: LevelFit['requirement'], steps: number) => string;
  notStated: (requirement: LevelFit['requirement']) => string;
  separator: string;
  end: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const EN_LEVEL: Record<LevelFit['requirement'], string> = {
  eqf: 'EQF level',
  'china-skill-level': 'China skill level',
  'skill-level-standard': 'skill-level standard',
};
const ZH_LEVEL: Record<LevelFit['requirement'], string> = {
  eqf: '欧洲资历框架（EQF）等级',
  'china-skill-level': '国家职业技能等级',
  'skill-level-standard': '技能等级评价标准',
};

// Neutral wording: graduates read it on their matches and employers on their candidates.
const PHRASES: Record<SummaryLang, Phrases> = {
  en: {
    notAMatch: 'No required skill is covered, directly or through a related skill, so this is not a match.',
    skills: (matched, total) => `Has ${matched} of ${plural(total, 'essential skill')}`,
    optional: (matched, total) => ` and ${matched} of ${total} optional`,
    throughRelated: (count, pairs) =>
      `, ${count} more through a related skill${pairs.length > 0 ? ` (${pairs.join(', ')})` : ''}`,
    pair: (required, via) => `${required} through ${via}`,
    missing: (names) => `missing: ${names.join(', ')}`,
    verified: (count) => `${count} backed by a verified credential`,
    tier: {
      'same-city': 'the job is in a preferred city',
      'same-province': 'the job is in a preferred province',
      delta: 'the job is elsewhere in the Yangtze River Delta',
      outside: 'the job is outside the preferred places',
      remote: 'the job is remote, as wanted',
      'remote-not-wanted': 'the job is remote, which was not asked for',
      'no-preference': 'the job is in any place, as no place preference was given',
    },
    noLevel: 'no level required',
    meetsLevel: 'meets the required level',
    below: (requirement, steps) => `${EN_LEVEL[requirement]} ${plural(steps, 'step')} below the requirement`,
    notStated: (requirement) => `${EN_LEVEL[requirement]} not stated`,
    separator: '; ',
    end: '.',
  },
  zh: {
    notAMatch: '没有覆盖任何要求的技能（无论直接还是通过相关技能），因此不匹配。',
    skills: (matched, total) => `具备 ${matched}/${total} 项必备技能`,
    optional: (matched, total) => `、${matched}/${total} 项可选技能`,
    throughRelated: (count, pairs) =>
      `，另有 ${count} 项通过相关技能部分覆盖${pairs.length > 0 ? `（${pairs.join('，')}）` : ''}`,
    pair: (required, via) => `以“${via}”覆盖“${required}”`,
    missing: (names) => `缺少：${names.join('、')}`,
    verified: (count) => `其中 ${count} 项有已验证的证书`,
    tier: {
      'same-city': '岗位位于偏好城市',
      'same-province': '岗位位于偏好省份',
      delta: '岗位位于长三角其他地区',
      outside: '岗位位于偏好地点之外',
      remote: '远程岗位，符合意愿',
      'remote-not-wanted': '远程岗位，但未选择远程',
      'no-preference': '未设地点偏好，任何地点均可',
    },
    noLevel: '无等级要求',
    meetsLevel: '达到要求的等级',
    below: (requirement, steps) => `${ZH_LEVEL[requirement]}低于要求 ${steps} 级`,
    notStated: (requirement) => `未填写${ZH_LEVEL[requirement]}`,
    separator: '；',
    end: '。',
  },
};

/** The one-sentence reading of a match explanation, in English or Chinese: counts, place and level. */
export function summariseExplanation(explanation: JobMatch['explanation'], options: SummaryOptions = {}): string {
  const say = PHRASES[options.lang ?? 'en'];
  if (options.eligible === false) return say.notAMatch;
  const {
    matchedEssential,
    matchedOptional,
    partial,
    missingEssential,
    missingOptional,
    verifiedSkills,
    location,
    level,
  } = explanation;
  const label = options.label;
  const partialEssential = partial.filter((c) => c.required.importance === 'essential').length;
  const essentialTotal = matchedEssential.length + partialEssential + missingEssential.length;
  const optionalTotal = matchedOptional.length + (partial.length - partialEssential) + missingOptional.length;
  let skills = say.skills(matchedEssential.length, essentialTotal);
  if (optionalTotal > 0) skills += say.optional(matchedOptional.length, optionalTotal);
  if (partial.length > 0) {
    const pairs = label ? partial.map((c) => say.pair(label(c.required.uri), label(c.via!.uri))) : [];
    skills += say.throughRelated(partial.length, pairs);
  }
  const parts = [skills];
  if (verifiedSkills.length > 0) parts.push(say.verified(verifiedSkills.length));
  if (label && missingEssential.length > 0) parts.push(say.missing(missingEssential.map(label)));
  parts.push(say.tier[location.tier]);
  const gaps = level.fits.filter((f) => f.fit !== 'meets');
  if (level.fits.length === 0) parts.push(say.noLevel);
  else if (gaps.length === 0) parts.push(say.meetsLevel);
  else
    for (const gap of gaps)
      parts.push(gap.fit === 'below' ? say.below(gap.requirement, gap.belowBy ?? 0) : say.notStated(gap.requirement));
  return `${parts.join(say.separator)}${say.end}`;
}
