import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { type CompactTaxonomy, OCCUPATION_PREFIX, SKILL_PREFIX } from './artifact.ts';
import { extractSkillMentions, type ExtractedSkill, type PhraseIndex, buildPhraseIndex } from './extract.ts';
import { type ConceptHit, ConceptSearchIndex } from './search.ts';

export type Lang = 'en' | 'zh';
export type SkillHit = ConceptHit;
export type OccupationHit = ConceptHit;

/**
 * data/zh.json, curated by hand. `en` repeats ESCO's preferred label so a reviewer reads both side by side
 * (a test keeps it equal to the artifact's). `chinaCode` is a 职业分类大典 code, present only with its source.
 */
export interface ChineseLabels {
  skills: Record<string, { en: string; zh: string; aliases?: string[] }>;
  occupations: Record<string, { en: string; zh: string; aliases?: string[]; chinaCode?: string; chinaCodeSource?: string }>;
}

export interface SkillConcept {
  uri: string;
  type: string;
  reuseLevel: string;
  preferredLabel: string;
  altLabels: string[];
  zh?: { label: string; aliases: string[] };
}

export interface OccupationConcept {
  uri: string;
  iscoGroup: string;
  escoCode: string;
  preferredLabel: string;
  altLabels: string[];
  zh?: { label: string; aliases: string[] };
  chinaCode?: string;
}

export interface SkillRelation {
  uri: string;
  kind: 'broader' | 'narrower' | 'related';
}

const REUSE_RANK: Record<string, number> = { transversal: 0, 'cross-sector': 1, 'sector-specific': 2, 'occupation-specific': 3 };

/** Where the data files are: `SKILLPASS_TAXONOMY_DIR` (Lambda bundles copy them there) or this package's data/. */
export function taxonomyDataDir(): string {
  return process.env.SKILLPASS_TAXONOMY_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../data');
}

/** ESCO v1.1.1 with curated Chinese labels: look-up, relations, occupation profiles and extraction. */
export class Taxonomy {
  readonly #skills: SkillConcept[];
  readonly #occupations: OccupationConcept[];
  readonly #skillByUri = new Map<string, number>();
  readonly #occupationByUri = new Map<string, number>();
  readonly #relations: SkillRelation[][];
  readonly #occupationSkills: Array<[number[], number[]]>;
  readonly #dataDir: string;
  #skillSearch?: Record<Lang, ConceptSearchIndex>;
  #occupationSearch?: Record<Lang, ConceptSearchIndex>;
  #phrases?: PhraseIndex;
  #descriptions?: { skills: string[]; occupations: string[] };
  #occupationUris?: readonly string[];
  #skillUris?: readonly string[];

  constructor(core: CompactTaxonomy, zh: ChineseLabels, dataDir: string) {
    this.#dataDir = dataDir;
    this.#skills = core.skills.map(([uuid, type, reuseLevel, preferredLabel, altLabels]) => {
      const uri = SKILL_PREFIX + uuid;
      const chinese = zh.skills[uri];
      return {
        uri,
        type,
        reuseLevel,
        preferredLabel,
        altLabels,
        ...(chinese ? { zh: { label: chinese.zh, aliases: chinese.aliases ?? [] } } : {}),
      };
    });
    this.#occupations = core.occupations.map(([uuid, iscoGroup, escoCode, preferredLabel, altLabels]) => {
      const uri = OCCUPATION_PREFIX + uuid;
      const chinese = zh.occupations[uri];
      return {
        uri,
        iscoGroup,
        escoCode,
        preferredLabel,
        altLabels,
        ...(chinese ? { zh: { label: chinese.zh, aliases: chinese.aliases ?? [] } } : {}),
        ...(chinese?.chinaCode ? { chinaCode: chinese.chinaCode } : {}),
      };
    });
    for (const [index, skill] of this.#skills.entries()) this.#skillByUri.set(skill.uri, index);
    for (const [index, occupation] of this.#occupations.entries()) this.#occupationByUri.set(occupation.uri, index);
    this.#relations = this.#skills.map(() => []);
    for (const [narrow, broad] of core.broader) {
      this.#relations[narrow]!.push({ uri: this.#skills[broad]!.uri, kind: 'broader' });
      this.#relations[broad]!.push({ uri: this.#skills[narrow]!.uri, kind: 'narrower' });
    }
    for (const [from, to] of core.related) {
      this.#relations[from]!.push({ uri: this.#skills[to]!.uri, kind: 'related' });
      this.#relations[to]!.push({ uri: this.#skills[from]!.uri, kind: 'related' });
    }
    this.#occupationSkills = core.occupationSkills;
  }

  get skillCount(): number {
    return this.#skills.length;
  }

  get occupationCount(): number {
    return this.#occupations.length;
  }

  isKnownSkill(uri: string): boolean {
    return this.#skillByUri.has(uri);
  }

  isKnownOccupation(uri: string): boolean {
    return this.#occupationByUri.has(uri);
  }

  getSkill(uri: string): SkillConcept | undefined {
    const index = this.#skillByUri.get(uri);
    return index === undefined ? undefined : this.#skills[index];
  }

  getOccupation(uri: string): OccupationConcept | undefined {
    const index = this.#occupationByUri.get(uri);
    return index === undefined ? undefined : this.#occupations[index];
  }

  /** ESCO's description of a skill or occupation (loaded on first use: it is most of the data). */
  describe(uri: string): string | undefined {
    this.#descriptions ??= JSON.parse(gunzipSync(readFileSync(resolve(this.#dataDir, 'esco-descriptions.json.gz'))).toString('utf8'));
    const skill = this.#skillByUri.get(uri);
    if (skill !== undefined) return this.#descriptions!.skills[skill] || undefined;
    const occupation = this.#occupationByUri.get(uri);
    return occupation === undefined ? undefined : this.#descriptions!.occupations[occupation] || undefined;
  }

  labelOf(uri: string, lang: Lang = 'en'): string | undefined {
    const concept = this.getSkill(uri) ?? this.getOccupation(uri);
    if (!concept) return undefined;
    return lang === 'zh' && concept.zh ? concept.zh.label : concept.preferredLabel;
  }

  /** Skill-to-skill links: ESCO's hierarchy (both directions) and its skill–skill relations. */
  relatedSkills(uri: string): readonly SkillRelation[] {
    const index = this.#skillByUri.get(uri);
    return index === undefined ? [] : this.#relations[index]!;
  }

  occupationSkills(uri: string): { essential: string[]; optional: string[] } {
    const index = this.#occupationByUri.get(uri);
    if (index === undefined) return { essential: [], optional: [] };
    const [essential, optional] = this.#occupationSkills[index]!;
    return {
      essential: essential.map((i) => this.#skills[i]!.uri),
      optional: optional.map((i) => this.#skills[i]!.uri),
    };
  }

  allOccupationUris(): readonly string[] {
    this.#occupationUris ??= this.#occupations.map((o) => o.uri);
    return this.#occupationUris;
  }

  allSkillUris(): readonly string[] {
    this.#skillUris ??= this.#skills.map((s) => s.uri);
    return this.#skillUris;
  }

  searchSkills(query: { q: string; lang: Lang; limit: number }): SkillHit[] {
    this.#skillSearch ??= {
      en: ConceptSearchIndex.english(this.#skills, (s) => REUSE_RANK[s.reuseLevel] ?? 4),
      zh: ConceptSearchIndex.chinese(this.#skills, (s) => REUSE_RANK[s.reuseLevel] ?? 4),
    };
    return this.#skillSearch[query.lang].search(query.q, query.limit);
  }

  searchOccupations(query: { q: string; lang: Lang; limit: number }): OccupationHit[] {
    this.#occupationSearch ??= {
      en: ConceptSearchIndex.english(this.#occupations, () => 0),
      zh: ConceptSearchIndex.chinese(this.#occupations, () => 0),
    };
    return this.#occupationSearch[query.lang].search(query.q, query.limit);
  }

  extractSkills(text: string, options: { lang?: Lang } = {}): ExtractedSkill[] {
    this.#phrases ??= buildPhraseIndex(this.#skills);
    return extractSkillMentions(text, this.#phrases, options.lang);
  }
}

let shared: Taxonomy | undefined;

/** The process-wide taxonomy, read from disk on first use. */
export function getTaxonomy(): Taxonomy {
  if (!shared) {
    const dir = taxonomyDataDir();
    const core = JSON.parse(gunzipSync(readFileSync(resolve(dir, 'esco.json.gz'))).toString('utf8')) as CompactTaxonomy;
    const zh = JSON.parse(readFileSync(resolve(dir, 'zh.json'), 'utf8')) as ChineseLabels;
    shared = new Taxonomy(core, zh, dir);
  }
  return shared;
}
