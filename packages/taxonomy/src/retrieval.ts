import { stem, tokenise } from './text.ts';

/**
 * data/skill-retrieval.json.gz, written by scripts/build-retrieval-index.ts from the shipped ESCO artifact and
 * data/lexicon.json: every skill label as word ids, and the skills' descriptions as BM25 postings.
 */
export interface RetrievalData {
  source: string;
  /** Word id → stem. */
  words: string[];
  /** Word id → inverse document frequency over skills' labels (how much a word says about which skill). */
  idf: number[];
  /** [skill index, source (0 preferred, 1 alternative, 2 lexicon), ...word ids] */
  labels: number[][];
  /** Word id → [skill index, BM25 weight × 100, ...] over ESCO's skill descriptions. */
  descriptions: number[][];
}

export const RETRIEVAL_FILE = 'skill-retrieval.json.gz';

export const LABEL_SOURCE = { preferred: 0, alternative: 1, lexicon: 2 } as const;

/** Function words: they carry no skill, in labels or in text. */
const STOPWORDS = new Set(
  'a an the and or of to in on at by for with from as into onto via per is are be been being was were will would can could shall should may might must do does did this that these those it its you your we our us they their them he she his her i my me who which what when where how not no nor but if so than then also all any each every other such own same about above after again against before below between during over under up down out off very too only just more most some both few'
    .split(' ')
    .map(stem),
);

/** Word keys of a text or a label: content-word stems, in order. */
export const contentStems = (text: string): string[] =>
  tokenise(text)
    .map((t) => t.stem)
    .filter((s) => !STOPWORDS.has(s));

/**
 * A coarser key than the stem, a character prefix of the word without agent and abstract-noun endings, so that
 * "welder" meets "welding", "programmer" meets "programming" and "analyst" meets "analysis" (weaker than a stem hit).
 */
const ENDINGS = ['ment', 'ion', 'ist', 'ity', 'ive', 'er', 'or', 'al', 'ic', 'y'];
export const fuzzyKey = (stemmed: string): string | undefined => {
  const ending = ENDINGS.find((e) => stemmed.endsWith(e));
  const root = ending ? stemmed.slice(0, -ending.length) : stemmed;
  return root.length >= 4 ? root.slice(0, 5) : undefined;
};

const FUZZY_MATCH = 0.6;
const SOURCE_WEIGHT = [1, 0.92, 1];
const SPREAD_SLACK = 2;
const ONE_WORD_WEIGHT = 0.6;
/** ln(13,896 / 94): words in the labels of more than about 94 skills start no candidate. */
const GENERATING_IDF = 5;
const SPREAD_PENALTY = 0.6;

export interface RetrievalTuning {
  /** Weight of description BM25 evidence next to label coverage. */
  descriptionWeight: number;
  /** Score = coverage^power × information: how much a partly shown label is worth. */
  coveragePower: number;
  /** Matched label information (sum of idf) at which a label counts fully: one rare word, or two ordinary ones. */
  fullInformation: number;
  /** Share of a label's information the sentence must show. */
  minCoverage: number;
}

export interface RetrievalHit {
  skill: number;
  score: number;
  /** Word stems of the best label that the text shows. */
  matched: string[];
}

/** BM25-style retrieval of skills for one sentence: label coverage (word and prefix keys) plus description BM25. */
export class SkillRetriever {
  readonly #data: RetrievalData;
  readonly #wordId: Map<string, number>;
  /** Word id → labels containing it. */
  readonly #byWord: number[][];
  /** Word id → id of its prefix key (−1: none); prefix key → id. */
  readonly #fuzzyOf: Int32Array;
  readonly #fuzzyId = new Map<string, number>();
  readonly #labelInformation: Float64Array;
  /** Per retrieval: labels seen, and the sentence's words and prefix keys with their first position. */
  readonly #seen: Uint32Array;
  readonly #wordStamp: Uint32Array;
  readonly #wordAt: Int32Array;
  readonly #fuzzyStamp: Uint32Array;
  readonly #fuzzyAt: Int32Array;
  #stamp = 0;

  constructor(data: RetrievalData) {
    this.#data = data;
    this.#wordId = new Map(data.words.map((w, i) => [w, i]));
    this.#fuzzyOf = Int32Array.from(data.words, (word) => {
      const key = fuzzyKey(word);
      if (key === undefined) return -1;
      if (!this.#fuzzyId.has(key)) this.#fuzzyId.set(key, this.#fuzzyId.size);
      return this.#fuzzyId.get(key)!;
    });
    this.#byWord = data.words.map(() => []);
    this.#labelInformation = new Float64Array(data.labels.length);
    data.labels.forEach((label, id) => {
      let information = 0;
      for (let k = 2; k < label.length; k++) {
        const word = label[k]!;
        information += data.idf[word]!;
        this.#byWord[word]!.push(id);
      }
      this.#labelInformation[id] = information;
    });
    this.#seen = new Uint32Array(data.labels.length);
    this.#wordStamp = new Uint32Array(data.words.length);
    this.#wordAt = new Int32Array(data.words.length);
    this.#fuzzyStamp = new Uint32Array(this.#fuzzyId.size);
    this.#fuzzyAt = new Int32Array(this.#fuzzyId.size);
  }

  /** Skills for a sentence's content stems, best first; `descriptionWeight` scales the description evidence. */
  retrieve(stems: readonly string[], limit: number, tuning: RetrievalTuning): RetrievalHit[] {
    const { descriptionWeight, coveragePower, fullInformation, minCoverage } = tuning;
    const stamp = ++this.#stamp;
    const exact: number[] = [];
    stems.forEach((s, at) => {
      const id = this.#wordId.get(s);
      if (id !== undefined && this.#wordStamp[id] !== stamp) {
        this.#wordStamp[id] = stamp;
        this.#wordAt[id] = at;
        exact.push(id);
      }
      const key = fuzzyKey(s);
      const fuzzy = key === undefined ? undefined : this.#fuzzyId.get(key);
      if (fuzzy !== undefined && this.#fuzzyStamp[fuzzy] !== stamp) {
        this.#fuzzyStamp[fuzzy] = stamp;
        this.#fuzzyAt[fuzzy] = at;
      }
    });
    const isExact = (word: number) => this.#wordStamp[word] === stamp;
    const isFuzzy = (word: number) => this.#fuzzyOf[word]! >= 0 && this.#fuzzyStamp[this.#fuzzyOf[word]!] === stamp;
    // Per skill its best label; the words shown are read for the returned hits only (no array per candidate).
    const best = new Map<number, { skill: number; score: number; labelId: number }>();
    const consider = (labelId: number) => {
      if (this.#seen[labelId] === stamp) return;
      this.#seen[labelId] = stamp;
      const label = this.#data.labels[labelId]!;
      // One-word alternative labels are the dictionary's: alone, a word needs its rules for names and ordinary
      // words. A one-word preferred label stays a (weak) candidate: "robots" for robotics.
      const oneWord = label.length < 4;
      if (oneWord && label[1] !== LABEL_SOURCE.preferred) return;
      let matchedInformation = 0;
      let fuzzyInformation = 0;
      let exactWords = 0;
      let first = Number.POSITIVE_INFINITY;
      let last = -1;
      let previous = -1;
      let inOrder = true;
      for (let k = 2; k < label.length; k++) {
        const word = label[k]!;
        let at: number;
        if (isExact(word)) {
          exactWords++;
          matchedInformation += this.#data.idf[word]!;
          at = this.#wordAt[word]!;
        } else if (isFuzzy(word)) {
          fuzzyInformation += FUZZY_MATCH * this.#data.idf[word]!;
          at = this.#fuzzyAt[this.#fuzzyOf[word]!]!;
        } else continue;
        if (at < previous) inOrder = false;
        previous = at;
        if (at < first) first = at;
        if (at > last) last = at;
      }
      // A shared prefix is weak evidence (technical/technology, term/terminology): it counts only where the label's
      // words come in the label's order ("term in Financial Technology" is no "technical terms").
      if (inOrder) matchedInformation += fuzzyInformation;
      // A prefix alone ("build" for "buildings", "cored" for "cores") is too weak: one word must be the word.
      if (exactWords === 0) return;
      const total = this.#labelInformation[labelId]!;
      const coverage = matchedInformation / total;
      if (coverage < minCoverage) return;
      // A label's words far apart in the sentence are rarely the label: "lathes and check parts" is no "lathe parts".
      const spread = last - first + 1 > label.length - 2 + SPREAD_SLACK ? SPREAD_PENALTY : 1;
      const score =
        coverage ** coveragePower *
        spread *
        Math.min(1, matchedInformation / fullInformation) *
        SOURCE_WEIGHT[label[1]!]! *
        (oneWord ? ONE_WORD_WEIGHT : 1);
      const skill = label[0]!;
      const current = best.get(skill);
      if (current && score <= current.score) return;
      best.set(skill, { skill, score, labelId });
    };
    // Every label that can score holds one of the sentence's words as written, and one whose only such words are
    // very common ("use", "work") cannot reach the coverage it needs: candidates come from the rarer words' labels.
    for (const id of exact)
      if (this.#data.idf[id]! >= GENERATING_IDF) for (const labelId of this.#byWord[id]!) consider(labelId);
    if (descriptionWeight > 0) {
      // Descriptions only support a label candidate: alone, their words are too loose to suggest a skill. Each
      // candidate's BM25 is read from the sentence words' postings (sorted by skill) by binary search.
      const postingsOf = [...exact].map((id) => this.#data.descriptions[id] ?? []);
      for (const hit of best.values()) {
        let bm25 = 0;
        for (const postings of postingsOf) bm25 += weightIn(postings, hit.skill);
        const evidence = descriptionWeight * (bm25 / (bm25 + 10));
        hit.score += evidence * (1 - hit.score);
      }
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || a.skill - b.skill)
      .slice(0, limit)
      .map(({ skill, score, labelId }) => ({
        skill,
        score,
        matched: this.#data.labels[labelId]!.slice(2)
          .filter((word) => isExact(word) || isFuzzy(word))
          .map((word) => this.#data.words[word]!),
      }));
  }
}

/** The BM25 weight of `skill` in a flat [skill, weight × 100, …] list sorted by skill, or 0. */
function weightIn(postings: readonly number[], skill: number): number {
  let low = 0;
  let high = postings.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = postings[2 * middle]!;
    if (at === skill) return postings[2 * middle + 1]! / 100;
    if (at < skill) low = middle + 1;
    else high = middle - 1;
  }
  return 0;
}

const BM25_K1 = 1.2;
const BM25_B = 0.75;

/** The index the script writes: pure, so that a test can compare the committed file with a fresh build. */
export function buildRetrievalData(
  skills: ReadonlyArray<{ preferredLabel: string; altLabels: readonly string[]; terms: readonly string[] }>,
  descriptions: readonly string[],
  source: string,
): RetrievalData {
  const wordId = new Map<string, number>();
  const words: string[] = [];
  const idOf = (word: string) => {
    let id = wordId.get(word);
    if (id === undefined) {
      id = words.length;
      words.push(word);
      wordId.set(word, id);
    }
    return id;
  };
  const labels: number[][] = [];
  const labelDf = new Map<number, number>();
  const idsOf = (label: string) => [...new Set(contentStems(label).map(idOf))];
  const keyOf = (ids: readonly number[]) => [...ids].sort((a, b) => a - b).join(' ');
  // Whose name a wording is: ESCO gives "work in team" to textile teamwork as an alternative label, but it is
  // the preferred label of "work in teams"; there, the alternative label of the other skill is left out.
  const namedBy = new Map<string, number>();
  skills.forEach((skill, index) => {
    for (const label of [skill.preferredLabel, ...skill.terms]) namedBy.set(keyOf(idsOf(label)), index);
  });
  skills.forEach((skill, index) => {
    const inSkill = new Set<number>();
    const add = (label: string, kind: number) => {
      const ids = idsOf(label);
      if (ids.length === 0 || ids.length > 8) return;
      const owner = namedBy.get(keyOf(ids));
      if (kind === LABEL_SOURCE.alternative && owner !== undefined && owner !== index) return;
      labels.push([index, kind, ...ids]);
      for (const id of ids) inSkill.add(id);
    };
    add(skill.preferredLabel, LABEL_SOURCE.preferred);
    for (const label of skill.altLabels) add(label, LABEL_SOURCE.alternative);
    for (const term of skill.terms) add(term, LABEL_SOURCE.lexicon);
    for (const id of inSkill) labelDf.set(id, (labelDf.get(id) ?? 0) + 1);
  });
  const round = (x: number) => Math.round(x * 100) / 100;
  const idf = words.map((_, id) => round(Math.log(skills.length / (labelDf.get(id) ?? 1))));

  const documents = descriptions.map((text) => contentStems(text).map(idOf));
  const averageLength = documents.reduce((n, d) => n + d.length, 0) / Math.max(1, documents.length);
  const descriptionDf = new Map<number, number>();
  for (const doc of documents) for (const id of new Set(doc)) descriptionDf.set(id, (descriptionDf.get(id) ?? 0) + 1);
  const postings: number[][] = words.map(() => []);
  documents.forEach((doc, skill) => {
    const tf = new Map<number, number>();
    for (const id of doc) tf.set(id, (tf.get(id) ?? 0) + 1);
    for (const [id, n] of [...tf].sort((a, b) => a[0] - b[0])) {
      const df = descriptionDf.get(id)!;
      const inverse = Math.log(1 + (documents.length - df + 0.5) / (df + 0.5));
      const weight =
        (inverse * n * (BM25_K1 + 1)) / (n + BM25_K1 * (1 - BM25_B + (BM25_B * doc.length) / averageLength));
      // Words in a tenth of all descriptions say nothing about which skill; dropping them halves the file.
      if (df > documents.length / 10) continue;
      postings[id]!.push(skill, Math.round(weight * 100));
    }
  });
  return { source, words, idf, labels, descriptions: postings };
}
