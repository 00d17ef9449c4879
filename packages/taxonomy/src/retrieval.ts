import { stem, type Token, tokenise } from './text.ts';

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
export const contentStems = (text: string): string[] => contentStemsOf(tokenise(text));

/** The same, for a text already tokenised. */
export const contentStemsOf = (tokens: readonly Token[]): string[] =>
  tokens.map((t) => t.stem).filter((s) => !STOPWORDS.has(s));

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

/** Offsets of a flat list of lists: list i owns entries start[i] to start[i + 1] of one typed array. */
function starts(lengths: readonly number[]): Int32Array {
  const start = new Int32Array(lengths.length + 1);
  lengths.forEach((length, i) => {
    start[i + 1] = start[i]! + length;
  });
  return start;
}

/** Record layout of a label in `#records`: skill, source, word count, then the word ids. */
const RECORD_HEADER = 3;

/** BM25-style retrieval of skills for one sentence: label coverage (word and prefix keys) plus description BM25. */
export class SkillRetriever {
  readonly #words: readonly string[];
  readonly #wordId: Map<string, number>;
  readonly #idf: Float64Array;
  /**
   * Per word that starts candidates (idf ≥ GENERATING_IDF), a copy of every label holding it, one record after the
   * other from records[recordStart[word]], and each label's summed idf from information[entryStart[word]]. A
   * sentence reads thousands of labels: read in order from typed arrays they cost a fraction of one array per label
   * fetched from all over the heap (the copies take about 7 MB, built on the first suggestion).
   */
  readonly #recordStart: Int32Array;
  readonly #records: Int32Array;
  readonly #entryStart: Int32Array;
  readonly #information: Float64Array;
  /** Word id → its description postings (skills ascending, BM25 weight), from postingStart[word]. */
  readonly #postingStart: Int32Array;
  readonly #postingSkill: Int32Array;
  readonly #postingWeight: Float64Array;
  /** Word id → id of its prefix key (−1: none); prefix key → id. */
  readonly #fuzzyOf: Int32Array;
  readonly #fuzzyId = new Map<string, number>();
  /** Per retrieval: the sentence's words and prefix keys with their first position; each skill's best label. */
  readonly #wordStamp: Uint32Array;
  readonly #wordAt: Int32Array;
  readonly #fuzzyStamp: Uint32Array;
  readonly #fuzzyAt: Int32Array;
  readonly #bestStamp: Uint32Array;
  readonly #bestScore: Float64Array;
  readonly #bestRecord: Int32Array;
  #stamp = 0;

  constructor(data: RetrievalData) {
    const { words, labels, descriptions } = data;
    this.#words = words;
    this.#wordId = new Map(words.map((w, i) => [w, i]));
    this.#idf = Float64Array.from(data.idf);
    this.#fuzzyOf = Int32Array.from(words, (word) => {
      const key = fuzzyKey(word);
      if (key === undefined) return -1;
      if (!this.#fuzzyId.has(key)) this.#fuzzyId.set(key, this.#fuzzyId.size);
      return this.#fuzzyId.get(key)!;
    });
    const generating = (word: number) => this.#idf[word]! >= GENERATING_IDF;
    const recordLength = new Array<number>(words.length).fill(0);
    const entries = new Array<number>(words.length).fill(0);
    for (const label of labels)
      for (let k = 2; k < label.length; k++)
        if (generating(label[k]!)) {
          recordLength[label[k]!]! += RECORD_HEADER + label.length - 2;
          entries[label[k]!]!++;
        }
    this.#recordStart = starts(recordLength);
    this.#records = new Int32Array(this.#recordStart[words.length]!);
    this.#entryStart = starts(entries);
    this.#information = new Float64Array(this.#entryStart[words.length]!);
    const nextRecord = this.#recordStart.slice(0, words.length);
    const nextEntry = this.#entryStart.slice(0, words.length);
    for (const label of labels) {
      let information = 0;
      for (let k = 2; k < label.length; k++) information += this.#idf[label[k]!]!;
      for (let k = 2; k < label.length; k++) {
        const word = label[k]!;
        if (!generating(word)) continue;
        this.#records.set([label[0]!, label[1]!, label.length - 2, ...label.slice(2)], nextRecord[word]!);
        nextRecord[word]! += RECORD_HEADER + label.length - 2;
        this.#information[nextEntry[word]!++] = information;
      }
    }
    this.#postingStart = starts(words.map((_, word) => (descriptions[word]?.length ?? 0) / 2));
    this.#postingSkill = new Int32Array(this.#postingStart[words.length]!);
    this.#postingWeight = new Float64Array(this.#postingSkill.length);
    descriptions.forEach((postings, word) => {
      for (let k = 0; k < postings.length; k += 2) {
        this.#postingSkill[this.#postingStart[word]! + k / 2] = postings[k]!;
        this.#postingWeight[this.#postingStart[word]! + k / 2] = postings[k + 1]! / 100;
      }
    });
    let skillCount = 0;
    for (const label of labels) skillCount = Math.max(skillCount, label[0]! + 1);
    for (const skill of this.#postingSkill) skillCount = Math.max(skillCount, skill + 1);
    this.#wordStamp = new Uint32Array(words.length);
    this.#wordAt = new Int32Array(words.length);
    this.#fuzzyStamp = new Uint32Array(this.#fuzzyId.size);
    this.#fuzzyAt = new Int32Array(this.#fuzzyId.size);
    this.#bestStamp = new Uint32Array(skillCount);
    this.#bestScore = new Float64Array(skillCount);
    this.#bestRecord = new Int32Array(skillCount);
  }

  /** Skills for a sentence's content stems, best first; `descriptionWeight` scales the description evidence. */
  retrieve(stems: readonly string[], limit: number, tuning: RetrievalTuning): RetrievalHit[] {
    const { descriptionWeight, coveragePower, fullInformation, minCoverage } = tuning;
    const stamp = ++this.#stamp;
    const idf = this.#idf;
    const wordStamp = this.#wordStamp;
    const wordAt = this.#wordAt;
    const fuzzyOf = this.#fuzzyOf;
    const fuzzyStamp = this.#fuzzyStamp;
    const fuzzyAt = this.#fuzzyAt;
    const exact: number[] = [];
    for (let at = 0; at < stems.length; at++) {
      const id = this.#wordId.get(stems[at]!);
      if (id !== undefined && wordStamp[id] !== stamp) {
        wordStamp[id] = stamp;
        wordAt[id] = at;
        exact.push(id);
      }
      // A known word's prefix key is the one computed with the index.
      let fuzzy: number | undefined;
      if (id !== undefined) fuzzy = fuzzyOf[id]! < 0 ? undefined : fuzzyOf[id];
      else {
        const key = fuzzyKey(stems[at]!);
        fuzzy = key === undefined ? undefined : this.#fuzzyId.get(key);
      }
      if (fuzzy !== undefined && fuzzyStamp[fuzzy] !== stamp) {
        fuzzyStamp[fuzzy] = stamp;
        fuzzyAt[fuzzy] = at;
      }
    }
    const isExact = (word: number) => wordStamp[word] === stamp;
    const isFuzzy = (word: number) => fuzzyOf[word]! >= 0 && fuzzyStamp[fuzzyOf[word]!] === stamp;
    const records = this.#records;
    const bestStamp = this.#bestStamp;
    const bestScore = this.#bestScore;
    // Skills with a best label in this retrieval, each once.
    const skills: number[] = [];
    // Every label that can score holds one of the sentence's words as written, and one whose only such words are
    // very common ("use", "work") cannot reach the coverage it needs: candidates come from the rarer words' labels.
    // A label holding two such words is scored twice, alike: the second time changes nothing.
    for (const id of exact) {
      if (idf[id]! < GENERATING_IDF) continue;
      let entry = this.#entryStart[id]!;
      for (let record = this.#recordStart[id]!; record < this.#recordStart[id + 1]!; entry++) {
        const source = records[record + 1]!;
        const from = record + RECORD_HEADER;
        const to = from + records[record + 2]!;
        const header = record;
        record = to;
        // One-word alternative labels are the dictionary's: alone, a word needs its rules for names and ordinary
        // words. A one-word preferred label stays a (weak) candidate: "robots" for robotics.
        const oneWord = to - from < 2;
        if (oneWord && source !== LABEL_SOURCE.preferred) continue;
        let matchedInformation = 0;
        let fuzzyInformation = 0;
        let exactWords = 0;
        let first = Number.POSITIVE_INFINITY;
        let last = -1;
        let previous = -1;
        let inOrder = true;
        for (let k = from; k < to; k++) {
          const word = records[k]!;
          let at: number;
          if (wordStamp[word] === stamp) {
            exactWords++;
            matchedInformation += idf[word]!;
            at = wordAt[word]!;
          } else if (isFuzzy(word)) {
            fuzzyInformation += FUZZY_MATCH * idf[word]!;
            at = fuzzyAt[fuzzyOf[word]!]!;
          } else continue;
          if (at < previous) inOrder = false;
          previous = at;
          if (at < first) first = at;
          if (at > last) last = at;
        }
        // A shared prefix is weak evidence (technical/technology, term/terminology): it counts only where the
        // label's words come in the label's order ("term in Financial Technology" is no "technical terms").
        if (inOrder) matchedInformation += fuzzyInformation;
        // A prefix alone ("build" for "buildings", "cored" for "cores") is too weak: one word must be the word.
        if (exactWords === 0) continue;
        const coverage = matchedInformation / this.#information[entry]!;
        if (coverage < minCoverage) continue;
        // A label's words far apart in the sentence are rarely the label: "lathes and check parts" is no "lathe
        // parts".
        const spread = last - first + 1 > to - from + SPREAD_SLACK ? SPREAD_PENALTY : 1;
        const score =
          coverage ** coveragePower *
          spread *
          Math.min(1, matchedInformation / fullInformation) *
          SOURCE_WEIGHT[source]! *
          (oneWord ? ONE_WORD_WEIGHT : 1);
        const skill = records[header]!;
        if (bestStamp[skill] !== stamp) {
          bestStamp[skill] = stamp;
          skills.push(skill);
        } else if (score <= bestScore[skill]!) continue;
        bestScore[skill] = score;
        this.#bestRecord[skill] = header;
      }
    }
    let ranked = skills;
    if (descriptionWeight > 0) {
      // Descriptions only support a label candidate: alone, their words are too loose to suggest a skill. The
      // evidence adds at most descriptionWeight × (1 − score), so a candidate below the `limit`-th label score even
      // with all of it cannot be returned: it is left out before its postings are searched.
      let threshold = Number.NEGATIVE_INFINITY;
      if (skills.length > limit) {
        const scores = Float64Array.from(skills, (skill) => bestScore[skill]!).sort();
        threshold = scores[scores.length - limit]!;
      }
      ranked = [];
      for (const skill of skills) {
        const score = bestScore[skill]!;
        if (score + descriptionWeight * (1 - score) < threshold) continue;
        let bm25 = 0;
        for (const id of exact) bm25 += this.#postingWeightOf(id, skill);
        const evidence = descriptionWeight * (bm25 / (bm25 + 10));
        bestScore[skill] = score + evidence * (1 - score);
        ranked.push(skill);
      }
    }
    return ranked
      .sort((a, b) => bestScore[b]! - bestScore[a]! || a - b)
      .slice(0, limit)
      .map((skill) => {
        const matched: string[] = [];
        const record = this.#bestRecord[skill]!;
        const from = record + RECORD_HEADER;
        for (let k = from; k < from + records[record + 2]!; k++) {
          const word = records[k]!;
          if (isExact(word) || isFuzzy(word)) matched.push(this.#words[word]!);
        }
        return { skill, score: bestScore[skill]!, matched };
      });
  }

  /** The BM25 weight of `skill` in the description postings of `word` (sorted by skill), or 0: binary search. */
  #postingWeightOf(word: number, skill: number): number {
    const skills = this.#postingSkill;
    let low = this.#postingStart[word]!;
    let high = this.#postingStart[word + 1]! - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = skills[middle]!;
      if (at === skill) return this.#postingWeight[middle]!;
      if (at < skill) low = middle + 1;
      else high = middle - 1;
    }
    return 0;
  }
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
