import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { type AlternativeLabels, type CompactTaxonomy, OCCUPATION_PREFIX, SKILL_PREFIX } from './artifact.ts';
import { extractSkillMentions, type ExtractedSkill, type PhraseIndex, buildPhraseIndex } from './extract.ts';
import { RETRIEVAL_FILE, type RetrievalData, SkillRetriever } from './retrieval.ts';
import { ChineseRetriever } from './retrieval-zh.ts';
import { RunIndex, requiredRuns } from './pattern-guard.ts';
import { type ConceptHit, ConceptSearchIndex } from './search.ts';
import { SkillSuggester, type SkillSuggestions } from './suggest.ts';
import { hasHan } from './text.ts';
import { ChineseSearchIndex } from './zh-search.ts';

export type Lang = 'en' | 'zh';
export type SkillHit = ConceptHit;
export type OccupationHit = ConceptHit;

/**
 * data/zh.json, curated by hand: one of the sources scripts/zh-compile.ts compiles into data/zh-labels.json.gz. `en` repeats ESCO's preferred label so a reviewer reads both side by side
 * (a test keeps it equal to the artifact's). `chinaCode` is a 职业分类大典 code, present only with its source.
 */
export interface ChineseLabels {
  skills: Record<string, { en: string; zh: string; aliases?: string[] }>;
  occupations: Record<
    string,
    { en: string; zh: string; aliases?: string[]; chinaCode?: string; chinaCodeSource?: string }
  >;
}

/** data/zh-labels.json.gz: per concept uuid, the Chinese preferred label then its alternatives (scripts/zh-compile.ts). */
export interface CompiledChinese {
  skills: Record<string, string[]>;
  occupations: Record<string, string[]>;
  chinaCodes: Record<string, string>;
}

export const ZH_LABELS_FILE = 'zh-labels.json.gz';

interface ChineseIndex {
  skills: Map<string, { label: string; aliases: string[] }>;
  occupations: Map<string, { label: string; aliases: string[] }>;
  chinaCodes: Record<string, string>;
}

const chineseIndex = (compiled: CompiledChinese): ChineseIndex => {
  const entries = (labels: Record<string, string[]>) =>
    new Map(Object.entries(labels).map(([uuid, [label = '', ...aliases]]) => [uuid, { label, aliases }]));
  return {
    skills: entries(compiled.skills),
    occupations: entries(compiled.occupations),
    chinaCodes: compiled.chinaCodes,
  };
};

/** data/lexicon.json, curated by hand: tool names and job-ad phrases ESCO's labels lack. `en` is ESCO's preferred label. */
export interface SkillLexicon {
  skills: Record<string, { en: string; terms: string[] }>;
}

/**
 * data/soft-skills.json, curated by hand: job-ad phrasings of skills — transversal ones first (team player), and since
 * session 10 everyday duty wordings of hard skills (reconcile bank statements). `en` is ESCO's preferred label.
 */
export interface SoftSkillPatterns {
  skills: Record<string, { en: string; patterns: string[] }>;
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

const REUSE_RANK: Record<string, number> = {
  transversal: 0,
  'cross-sector': 1,
  'sector-specific': 2,
  'occupation-specific': 3,
};

/** Where the data files are: `SKILLPASS_TAXONOMY_DIR` (Lambda bundles copy them there) or this package's data/. */
export function taxonomyDataDir(): string {
  return process.env.SKILLPASS_TAXONOMY_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../data');
}

interface LoadedCore extends CompactTaxonomy {
  skillIndex: Map<string, number>;
  occupationIndex: Map<string, number>;
}

/**
 * ESCO v1.1.1 with curated Chinese labels: look-up, relations, occupation profiles and extraction.
 * Each part of the data is read on the first call that needs it, so a process that only checks
 * URIs, labels skills or matches never parses the alternative labels or the descriptions.
 */
export class Taxonomy {
  readonly #dataDir: string;
  #core?: LoadedCore;
  #chinese?: ChineseIndex;
  #concepts?: { skills: SkillConcept[]; occupations: OccupationConcept[] };
  #relations?: SkillRelation[][];
  #skillSearchEn?: ConceptSearchIndex;
  #skillSearchZh?: ChineseSearchIndex<SkillConcept>;
  #occupationSearchEn?: ConceptSearchIndex;
  #occupationSearchZh?: ChineseSearchIndex<OccupationConcept>;
  #phrases?: PhraseIndex;
  #suggester?: SkillSuggester;
  #lexicon?: SkillLexicon;
  #descriptions?: { skills: string[]; occupations: string[] };
  #occupationUris?: readonly string[];
  #skillUris?: readonly string[];

  constructor(dataDir: string) {
    this.#dataDir = dataDir;
  }

  #read<T>(file: string): T {
    const bytes = readFileSync(resolve(this.#dataDir, file));
    return JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as T;
  }

  get #data(): LoadedCore {
    if (!this.#core) {
      const core = this.#read<CompactTaxonomy>('esco.json.gz');
      this.#core = {
        ...core,
        skillIndex: new Map(core.skills.map(([uuid], index) => [SKILL_PREFIX + uuid, index])),
        occupationIndex: new Map(core.occupations.map(([uuid], index) => [OCCUPATION_PREFIX + uuid, index])),
      };
    }
    return this.#core;
  }

  /** The compiled Chinese labels (data/zh-labels.json.gz, from scripts/zh-compile.ts): only Chinese callers read it. */
  get #zh(): ChineseIndex {
    this.#chinese ??= chineseIndex(this.#read<CompiledChinese>(ZH_LABELS_FILE));
    return this.#chinese;
  }

  /** Full concepts, with alternative labels: only look-up by concept, search and extraction need them. */
  #fullConcepts(): { skills: SkillConcept[]; occupations: OccupationConcept[] } {
    if (!this.#concepts) {
      const labels = this.#read<AlternativeLabels>('esco-labels.json.gz');
      this.#concepts = {
        skills: this.#data.skills.map(([uuid, type, reuseLevel, preferredLabel], index) =>
          this.#withChinese(
            { uri: SKILL_PREFIX + uuid, type, reuseLevel, preferredLabel, altLabels: labels.skills[index] ?? [] },
            () => ({ zh: this.#zh.skills.get(uuid) }),
          ),
        ),
        occupations: this.#data.occupations.map(([uuid, iscoGroup, escoCode, preferredLabel], index) =>
          this.#withChinese(
            {
              uri: OCCUPATION_PREFIX + uuid,
              iscoGroup,
              escoCode,
              preferredLabel,
              altLabels: labels.occupations[index] ?? [],
            },
            () => ({ zh: this.#zh.occupations.get(uuid), chinaCode: this.#zh.chinaCodes[uuid] }),
            ['zh', 'chinaCode'],
          ),
        ),
      };
    }
    return this.#concepts;
  }

  /**
   * Adds `zh` (and `chinaCode`) as properties read on first access, so that English look-up, URI checks and labelling
   * never parse the Chinese labels: only a caller that reads a Chinese field does.
   */
  #withChinese<T extends object>(concept: T, chinese: () => Record<string, unknown>, keys = ['zh']): T {
    for (const key of keys) Object.defineProperty(concept, key, { enumerable: true, get: () => chinese()[key] });
    return concept;
  }

  /** Curated terms per skill, for search and extraction only: `getSkill()` keeps ESCO's own labels. */
  #termsOf = (skill: SkillConcept): string[] => {
    this.#lexicon ??= this.#read<SkillLexicon>('lexicon.json');
    return this.#lexicon.skills[skill.uri]?.terms ?? [];
  };

  get #skills(): SkillConcept[] {
    return this.#fullConcepts().skills;
  }

  get #occupations(): OccupationConcept[] {
    return this.#fullConcepts().occupations;
  }

  get skillCount(): number {
    return this.#data.skills.length;
  }

  get occupationCount(): number {
    return this.#data.occupations.length;
  }

  isKnownSkill(uri: string): boolean {
    return this.#data.skillIndex.has(uri);
  }

  isKnownOccupation(uri: string): boolean {
    return this.#data.occupationIndex.has(uri);
  }

  getSkill(uri: string): SkillConcept | undefined {
    const index = this.#data.skillIndex.get(uri);
    return index === undefined ? undefined : this.#skills[index];
  }

  getOccupation(uri: string): OccupationConcept | undefined {
    const index = this.#data.occupationIndex.get(uri);
    return index === undefined ? undefined : this.#occupations[index];
  }

  /** ESCO's description of a skill or occupation (loaded on first use: it is most of the data). */
  describe(uri: string): string | undefined {
    this.#descriptions ??= this.#read<{ skills: string[]; occupations: string[] }>('esco-descriptions.json.gz');
    const skill = this.#data.skillIndex.get(uri);
    if (skill !== undefined) return this.#descriptions.skills[skill] || undefined;
    const occupation = this.#data.occupationIndex.get(uri);
    return occupation === undefined ? undefined : this.#descriptions.occupations[occupation] || undefined;
  }

  labelOf(uri: string, lang: Lang = 'en'): string | undefined {
    const skill = this.#data.skillIndex.get(uri);
    const occupation = skill === undefined ? this.#data.occupationIndex.get(uri) : undefined;
    const preferred =
      skill !== undefined
        ? this.#data.skills[skill]![3]
        : occupation !== undefined
          ? this.#data.occupations[occupation]![3]
          : undefined;
    if (preferred === undefined || lang === 'en') return preferred;
    const uuid = uri.slice(uri.lastIndexOf('/') + 1);
    return (skill !== undefined ? this.#zh.skills : this.#zh.occupations).get(uuid)?.label ?? preferred;
  }

  /** Skill-to-skill links: ESCO's hierarchy (both directions) and its skill–skill relations. */
  relatedSkills(uri: string): readonly SkillRelation[] {
    const index = this.#data.skillIndex.get(uri);
    if (index === undefined) return [];
    if (!this.#relations) {
      const uris = this.allSkillUris();
      const relations: SkillRelation[][] = uris.map(() => []);
      for (const [narrow, broad] of this.#data.broader) {
        relations[narrow]!.push({ uri: uris[broad]!, kind: 'broader' });
        relations[broad]!.push({ uri: uris[narrow]!, kind: 'narrower' });
      }
      for (const [from, to] of this.#data.related) {
        relations[from]!.push({ uri: uris[to]!, kind: 'related' });
        relations[to]!.push({ uri: uris[from]!, kind: 'related' });
      }
      this.#relations = relations;
    }
    return this.#relations[index]!;
  }

  occupationSkills(uri: string): { essential: string[]; optional: string[] } {
    const index = this.#data.occupationIndex.get(uri);
    if (index === undefined) return { essential: [], optional: [] };
    const [essential, optional] = this.#data.occupationSkills[index]!;
    const uris = this.allSkillUris();
    return { essential: essential.map((i) => uris[i]!), optional: optional.map((i) => uris[i]!) };
  }

  allOccupationUris(): readonly string[] {
    this.#occupationUris ??= [...this.#data.occupationIndex.keys()];
    return this.#occupationUris;
  }

  allSkillUris(): readonly string[] {
    this.#skillUris ??= [...this.#data.skillIndex.keys()];
    return this.#skillUris;
  }

  /** Each language's index is built by the first query in that language: an English query never reads Chinese. */
  searchSkills(query: { q: string; lang: Lang; limit: number }): SkillHit[] {
    const rank = (s: SkillConcept) => REUSE_RANK[s.reuseLevel] ?? 4;
    if (queryLang(query) === 'zh') {
      this.#skillSearchZh ??= new ChineseSearchIndex(this.#skills, rank);
      return this.#skillSearchZh.search(query.q, query.limit);
    }
    this.#skillSearchEn ??= ConceptSearchIndex.english(this.#skills, rank, this.#termsOf);
    return this.#skillSearchEn.search(query.q, query.limit);
  }

  searchOccupations(query: { q: string; lang: Lang; limit: number }): OccupationHit[] {
    if (queryLang(query) === 'zh') {
      this.#occupationSearchZh ??= new ChineseSearchIndex(this.#occupations, () => 0);
      return this.#occupationSearchZh.search(query.q, query.limit);
    }
    this.#occupationSearchEn ??= ConceptSearchIndex.english(this.#occupations, () => 0);
    return this.#occupationSearchEn.search(query.q, query.limit);
  }

  get #phraseIndex(): PhraseIndex {
    this.#phrases ??= buildPhraseIndex(this.#skills.map((skill) => ({ ...skill, terms: this.#termsOf(skill) })));
    return this.#phrases;
  }

  /** Skills named in the text by an ESCO label, a curated term or a Chinese label, each with its span. */
  extractSkills(text: string, options: { lang?: Lang } = {}): ExtractedSkill[] {
    return extractSkillMentions(text, this.#phraseIndex, options.lang);
  }

  /**
   * Ranked suggestions: the label hits of extractSkills, soft-skill phrasings, and retrieval over ESCO labels and
   * descriptions (English) and the Chinese labels, per sentence, with the occupation the text resembles as context.
   * The retrieval index (data/skill-retrieval.json.gz) is read on the first call.
   */
  suggestSkills(text: string, options: { lang?: Lang } = {}): SkillSuggestions {
    if (!this.#suggester) {
      const skills = this.#skills;
      const skillIndex = this.#data.skillIndex;
      const soft = this.#read<SoftSkillPatterns>('soft-skills.json');
      const zh = this.#zh;
      // One alternation per skill and script: a sentence costs one scan per skill its script can match, not one
      // per phrasing. No `u` flag: the phrasings are plain characters of the Basic Multilingual Plane, and
      // irregexp scans ~4× faster without it.
      const patterns = Object.entries(soft.skills).flatMap(([uri, { patterns }]) => {
        const skill = skillIndex.get(uri);
        if (skill === undefined) return [];
        return [true, false].flatMap((han) => {
          const own = patterns.filter((p) => hasHan(p) === han);
          if (own.length === 0) return [];
          const source = own.map((p) => `(?:${p})`).join('|');
          // A sentence may match if it holds a required run of any phrasing; one without runs always runs.
          const runs = own.map(requiredRuns);
          const guard = runs.every((r) => r !== undefined) ? runs.flat() : undefined;
          return [{ skill, pattern: new RegExp(source, 'i'), han, runs: guard }];
        });
      });
      this.#suggester = new SkillSuggester({
        phrases: this.#phraseIndex,
        english: new SkillRetriever(this.#read<RetrievalData>(RETRIEVAL_FILE)),
        chinese: new ChineseRetriever(
          skills.flatMap((skill, index) =>
            skill.zh ? [skill.zh.label, ...skill.zh.aliases].map((text) => ({ skill: index, text })) : [],
          ),
          skills.length,
        ),
        patterns,
        patternRuns: new RunIndex(patterns.map((p) => p.runs)),
        skillUris: this.allSkillUris(),
        skillIndex,
        skillLabel: (index, lang) =>
          (lang === 'zh' ? skills[index]!.zh?.label : undefined) ?? skills[index]!.preferredLabel,
        occupationSkills: this.#data.occupationSkills,
        occupationUri: (index) => OCCUPATION_PREFIX + this.#data.occupations[index]![0],
        occupationLabel: (index, lang) => {
          const [uuid, , , preferredLabel] = this.#data.occupations[index]!;
          return (lang === 'zh' ? zh.occupations.get(uuid)?.label : undefined) ?? preferredLabel;
        },
      });
    }
    return this.#suggester.suggest(text, options.lang);
  }
}

/** A query in Han script is Chinese whatever `lang` says: callers (the API) default `lang` to English. */
const queryLang = (query: { q: string; lang: Lang }): Lang => (hasHan(query.q) ? 'zh' : query.lang);

let shared: Taxonomy | undefined;

/** The process-wide taxonomy; its data is read from disk on first use. */
export function getTaxonomy(): Taxonomy {
  shared ??= new Taxonomy(taxonomyDataDir());
  return shared;
}
