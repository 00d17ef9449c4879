/**
 * Verb and object apart. Chinese ads put words between a verb and its object (看懂零件图纸, 维护厂区配电设备,
 * 编写简单的加工程序) where a label writes them together (看懂图纸, 维护配电设备, 编写加工程序), and a potential
 * complement splits the verb itself (看得懂图纸). Without this, only the bare object is found — often a knowledge
 * concept (图纸 → *blueprints*) where the ad asks for the skill (*read engineering drawings*).
 *
 * Every curated label, alias or rule-made wording that is an action verb (the verbs of zh-wordings.ts, and 看懂 /
 * 读懂) followed by a Han object of two or more characters is indexed by verb; in the text, the object may follow
 * its verb after up to MAX_GAP characters of the same clause. The nearest, then longest, object wins.
 */
import { VERBS } from './zh-wordings.ts';

export interface GappedEntry {
  text: string;
  uri: string;
  label: string;
  preferred: boolean;
}

interface ObjectTrie {
  next: Map<string, ObjectTrie>;
  entry?: GappedEntry;
}

/** Per verb, its objects as a character trie. */
export type GappedIndex = Map<string, ObjectTrie>;

export interface GappedHit {
  entry: GappedEntry;
  /** The verb's first character. */
  start: number;
  objectStart: number;
  end: number;
}

const GAP_VERBS = new Set([...VERBS, '看懂', '读懂']);
/** At most this many characters between verb and object (the length of a short modifier: 零件, 厂区的, 简单的). */
export const MAX_GAP = 6;
/** Characters that end a clause: the object must be in the verb's clause. */
const CLAUSE_END = /[，。；;,.!?！？\n：:（）()【】、\s]/u;
const HAN_OBJECT = /^\p{Script=Han}{2,}$/u;

export function gappedIndex(entries: readonly GappedEntry[]): GappedIndex {
  const index: GappedIndex = new Map();
  for (const entry of entries) {
    const verb = entry.text.slice(0, 2);
    const object = entry.text.slice(2);
    if (!GAP_VERBS.has(verb) || !HAN_OBJECT.test(object)) continue;
    let node = index.get(verb) ?? { next: new Map<string, ObjectTrie>() };
    index.set(verb, node);
    for (const char of object) {
      const child = node.next.get(char) ?? { next: new Map<string, ObjectTrie>() };
      node.next.set(char, child);
      node = child;
    }
    if (!node.entry || (entry.preferred && !node.entry.preferred)) node.entry = entry;
  }
  return index;
}

/** Verb–object pairs written apart (a gap of one or more characters, or the verb split by 得). */
export function gappedMatches(text: string, index: GappedIndex): GappedHit[] {
  const hits: GappedHit[] = [];
  for (let i = 0; i + 2 < text.length; i++) {
    const split = text[i + 1] === '得' ? index.get(`${text[i]}${text[i + 2]}`) : undefined;
    const objects = split ?? index.get(text.slice(i, i + 2));
    if (!objects) continue;
    const verbEnd = i + (split ? 3 : 2);
    // Written together (gap 0), a plain verb is the dictionary's; a split verb is not.
    for (let j = verbEnd + (split ? 0 : 1); j <= verbEnd + MAX_GAP && j < text.length; j++) {
      if (CLAUSE_END.test(text[j - 1]!) && j > verbEnd) break;
      const found = longestObject(text, j, objects);
      if (found) {
        hits.push({ entry: found.entry, start: i, objectStart: j, end: found.end });
        break;
      }
    }
  }
  return hits;
}

function longestObject(text: string, at: number, root: ObjectTrie): { entry: GappedEntry; end: number } | undefined {
  let longest: { entry: GappedEntry; end: number } | undefined;
  let node: ObjectTrie | undefined = root;
  for (let k = at; k < text.length; k++) {
    node = node.next.get(text[k]!);
    if (!node) break;
    if (node.entry) longest = { entry: node.entry, end: k + 1 };
  }
  return longest;
}
