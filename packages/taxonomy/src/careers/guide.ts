import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { OCCUPATION_PREFIX } from '../artifact.ts';
import { type Lang, type Taxonomy, getTaxonomy, taxonomyDataDir } from '../taxonomy.ts';
import { ACTIVITY_AREAS, type ActivityAnswers, activityPreference, areaOf } from './activities.ts';
import { CAREERS_FILE, type CareerArtifact } from './artifact.ts';
import { type Profile, rankOccupations } from './ranking.ts';

/** data/career-groups-zh.json, written by hand: Chinese names of the activity groups. */
interface GroupNames {
  groups: Record<string, { en: string; zh: string }>;
}
export interface Bilingual {
  en: string;
  zh: string;
}
export interface ActivityArea {
  code: string;
  label: Bilingual;
  /** The area's level-2 groups (ESCO's catch-all `.0` groups left out). */
  activities: Array<{ code: string; label: Bilingual }>;
}
export interface Concept {
  uri: string;
  label: string;
}
export interface OccupationGuide {
  uri: string;
  label: string;
  labels: { en: string; zh?: string };
  escoCode: string;
  /** ESCO's description; ESCO publishes it in English only. */
  description?: { text: string; lang: 'en' };
  /** ISCO-08 unit group and major group, named in the requested language. */
  isco: { code: string; label: string; major: { code: string; label: string } };
  essentialSkills: Concept[];
  optionalSkills: Concept[];
  /** What share of the essential skills sits in each work-activity group, largest first. */
  activities: Array<{ code: string; label: string; share: number }>;
  related: Array<Concept & { why: 'same-isco-group' | 'shared-skills'; sharedEssentialSkills: number }>;
}
export interface AssessmentResult {
  preferences: Array<{ code: string; label: string; rating: number }>;
  occupations: Array<Concept & { fit: number; reasons: Array<{ code: string; label: string; share: number }> }>;
}

const RELATED = 6;

/** Career guidance and the assessment over ESCO: read from data/careers.json.gz on first use. */
export class CareerGuide {
  readonly #taxonomy: Taxonomy;
  readonly #dataDir: string;
  #data?: {
    artifact: CareerArtifact;
    names: GroupNames;
    profiles: Map<string, Profile>;
    groupCodes: string[];
  };
  #skillToOccupations?: Map<string, string[]>;

  constructor(taxonomy: Taxonomy, dataDir: string) {
    this.#taxonomy = taxonomy;
    this.#dataDir = dataDir;
  }

  get #loaded() {
    if (!this.#data) {
      const artifact = JSON.parse(
        gunzipSync(readFileSync(resolve(this.#dataDir, CAREERS_FILE))).toString('utf8'),
      ) as CareerArtifact;
      const names = JSON.parse(readFileSync(resolve(this.#dataDir, 'career-groups-zh.json'), 'utf8')) as GroupNames;
      const groupCodes = artifact.groups.map(([code]) => code);
      const profiles = new Map(
        Object.entries(artifact.activityProfiles).map(([uuid, shares]) => [
          OCCUPATION_PREFIX + uuid,
          new Map(shares.map(([group, permille]) => [groupCodes[group]!, permille / 1000])) as Profile,
        ]),
      );
      this.#data = { artifact, names, profiles, groupCodes };
    }
    return this.#data;
  }

  groupLabel(code: string, lang: Lang): string {
    const names = this.#loaded.names.groups[code];
    return names ? names[lang] : code;
  }

  #bilingual(code: string): Bilingual {
    return { en: this.groupLabel(code, 'en'), zh: this.groupLabel(code, 'zh') };
  }

  /** The questionnaire's areas with their example activities, both languages. */
  questionnaire(): ActivityArea[] {
    const codes = this.#loaded.groupCodes;
    return ACTIVITY_AREAS.map((area) => ({
      code: area,
      label: this.#bilingual(area),
      activities: codes
        .filter((code) => code.startsWith(`${area}.`) && !code.endsWith('.0'))
        .map((code) => ({ code, label: this.#bilingual(code) })),
    }));
  }

  isActivityGroup(code: string): boolean {
    return code.includes('.') && !code.endsWith('.0') && this.#loaded.groupCodes.includes(code);
  }

  score(answers: ActivityAnswers, options: { lang: Lang; limit: number }): AssessmentResult {
    const { profiles, groupCodes } = this.#loaded;
    const ranked = rankOccupations(
      activityPreference(answers, groupCodes),
      { uris: () => [...profiles.keys()], profileOf: (uri) => profiles.get(uri) },
      options.limit,
    );
    return {
      preferences: ACTIVITY_AREAS.map((code) => ({
        code,
        label: this.groupLabel(code, options.lang),
        rating: answers.ratings[code],
      })).sort((a, b) => b.rating - a.rating),
      occupations: ranked.map((r) => ({
        uri: r.uri,
        label: this.#label(r.uri, options.lang),
        fit: r.fit,
        reasons: r.reasons.map(({ dimension, share }) => ({
          code: dimension,
          label: this.#reasonLabel(dimension, options.lang),
          share,
        })),
      })),
    };
  }

  /** A level-2 group is named with its area when ESCO's catch-all `.0` group repeats the area's name. */
  #reasonLabel(code: string, lang: Lang): string {
    return code.endsWith('.0') ? this.groupLabel(areaOf(code) ?? code, lang) : this.groupLabel(code, lang);
  }

  #label(uri: string, lang: Lang): string {
    return this.#taxonomy.labelOf(uri, lang) ?? uri;
  }

  #concepts(uris: readonly string[], lang: Lang): Concept[] {
    return uris.map((uri) => ({ uri, label: this.#label(uri, lang) }));
  }

  occupation(uri: string, lang: Lang): OccupationGuide | undefined {
    const concept = this.#taxonomy.getOccupation(uri);
    if (!concept) return undefined;
    const { isco, iscoZh } = this.#loaded.artifact;
    const iscoLabel = (code: string) => (lang === 'zh' ? iscoZh[code] : undefined) ?? isco[code] ?? code;
    const { essential, optional } = this.#taxonomy.occupationSkills(uri);
    const description = this.#taxonomy.describe(uri);
    const major = concept.iscoGroup.slice(0, 1);
    const activities = [...(this.#loaded.profiles.get(uri) ?? new Map<string, number>())]
      .map(([code, share]) => ({ code, label: this.#reasonLabel(code, lang), share }))
      .sort((a, b) => b.share - a.share || (a.code < b.code ? -1 : 1));
    return {
      uri,
      label: this.#label(uri, lang),
      labels: { en: concept.preferredLabel, ...(concept.zh ? { zh: concept.zh.label } : {}) },
      escoCode: concept.escoCode,
      ...(description ? { description: { text: description, lang: 'en' as const } } : {}),
      isco: {
        code: concept.iscoGroup,
        label: iscoLabel(concept.iscoGroup),
        major: { code: major, label: iscoLabel(major) },
      },
      essentialSkills: this.#concepts(essential, lang),
      optionalSkills: this.#concepts(optional, lang),
      activities,
      related: this.#related(uri, concept.iscoGroup, essential, lang),
    };
  }

  /** Occupations of the same ISCO unit group first, then those sharing the most essential skills. */
  #related(uri: string, iscoGroup: string, essential: readonly string[], lang: Lang): OccupationGuide['related'] {
    const shared = new Map<string, number>();
    for (const skill of essential) {
      for (const other of this.#occupationsRequiring(skill)) {
        if (other !== uri) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    const byShared = (a: string, b: string) => (shared.get(b) ?? 0) - (shared.get(a) ?? 0) || (a < b ? -1 : 1);
    const sameGroup = this.#taxonomy
      .allOccupationUris()
      .filter((other) => other !== uri && this.#taxonomy.getOccupation(other)?.iscoGroup === iscoGroup)
      .sort(byShared)
      .slice(0, RELATED);
    const taken = new Set(sameGroup);
    const bySkills = [...shared.keys()]
      .filter((other) => !taken.has(other))
      .sort(byShared)
      .slice(0, RELATED);
    const entry = (why: 'same-isco-group' | 'shared-skills') => (other: string) => ({
      uri: other,
      label: this.#label(other, lang),
      why,
      sharedEssentialSkills: shared.get(other) ?? 0,
    });
    return [...sameGroup.map(entry('same-isco-group')), ...bySkills.map(entry('shared-skills'))];
  }

  #occupationsRequiring(skill: string): readonly string[] {
    if (!this.#skillToOccupations) {
      const index = new Map<string, string[]>();
      for (const occupation of this.#taxonomy.allOccupationUris()) {
        for (const s of this.#taxonomy.occupationSkills(occupation).essential) {
          index.set(s, [...(index.get(s) ?? []), occupation]);
        }
      }
      this.#skillToOccupations = index;
    }
    return this.#skillToOccupations.get(skill) ?? [];
  }

  /**
   * Occupations to browse: a query looks up labels and aliases (either language); without one, the list in label
   * order, Chinese-labelled occupations first when browsing in Chinese.
   */
  browse(query: { q?: string; lang: Lang; limit: number; offset: number }): { items: Concept[]; total: number } {
    if (query.q) {
      const hits = this.#taxonomy.searchOccupations({
        q: query.q,
        lang: query.lang,
        limit: query.offset + query.limit,
      });
      return { items: hits.slice(query.offset).map((h) => ({ uri: h.uri, label: h.label })), total: hits.length };
    }
    const all = this.#taxonomy.allOccupationUris().map((uri) => {
      const concept = this.#taxonomy.getOccupation(uri)!;
      const label = query.lang === 'zh' ? concept.zh?.label : undefined;
      return { uri, label: label ?? concept.preferredLabel, inLang: query.lang === 'en' || label !== undefined };
    });
    all.sort((a, b) => Number(b.inLang) - Number(a.inLang) || a.label.localeCompare(b.label, query.lang));
    return {
      items: all.slice(query.offset, query.offset + query.limit).map(({ uri, label }) => ({ uri, label })),
      total: all.length,
    };
  }
}

let shared: CareerGuide | undefined;

/** The process-wide guide; nothing is read until the first call that needs the careers data. */
export function getCareerGuide(): CareerGuide {
  shared ??= new CareerGuide(getTaxonomy(), taxonomyDataDir());
  return shared;
}
