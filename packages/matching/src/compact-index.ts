import { REGION_PARTITIONS, type RegionPartition } from '@skillpass/domain';
import type { JobIndexReader, JobPosting, RankingStats } from './ranking.ts';
import {
  compareMatches,
  creditForRequiredSkill,
  GRADUATE_SHARE,
  LOCATION_SCORE,
  levelFits,
  locationTier,
  partitionOfJob,
  partitionsOfInterest,
  profileSkillMap,
  scoreJobForProfile,
  SKILL_PRIOR_WEIGHT,
  RELATION_CREDIT,
  skillPoints,
  totalSkillWeight,
  WEIGHTS,
} from './score.ts';
import type { JobMatch, MatchJob, MatchProfile, Proficiency, SkillGraph } from './types.ts';

/**
 * The skill → open jobs index for a region's size, held in typed arrays, and the top-k query that
 * does only the work that can still change the top k.
 *
 * Every job lives in a slot: its fields that decide a score (total skill weight, place, level
 * requirements, posting date) in one typed array each, and its required skills in a forward list.
 * A posting list per (skill, partition) holds slots in slot order (a bulk load appends, so reading a list walks the
 * per-slot arrays forwards). About 113 bytes a job (measured at 500,000) plus 16 of scratch arrays the queries
 * reuse, against about 800 for job objects in maps.
 *
 * The query, in two phases. Phase 1 reads the postings of the graduate's skills and their neighbours — sequential
 * reads of small typed arrays, one accumulator a job — and bounds each job met: the exact coverage points its
 * postings earn, plus the share points each of its lists can make relevant, plus the most place and level can add.
 * Phase 2 scores jobs exactly from their forward lists (the costly part: random access) best bound first, and stops
 * once no bound left can reach the k-th score. Most jobs met share one skill with the graduate; their bound falls
 * below the bar and they are never scored. The top k is then scored with `scoreJobForProfile` on jobs rebuilt from
 * the slots, so the result is exactly brute force's.
 */

const PARTITION_NUMBER = new Map<RegionPartition, number>(REGION_PARTITIONS.map((p, i) => [p, i]));
const PARTITIONS = REGION_PARTITIONS.length;
const ESSENTIAL_BIT = 4;
/** Scores are rounded to one decimal: a job up to 0.05 below the k-th can tie it and still win on recency. */
const ROUNDING_SLACK = 0.05;
/** Sums of bounds are taken in another order than the score's own sum: never cut on a difference this small. */
const FLOAT_GUARD = 1e-7;
/** Bounds are bucketed in tenths of a point; the top bucket also holds every bound above it. */
const BUCKET_SCALE = 10;
const BUCKETS = 1024;
const bucketOf = (bound: number) => Math.min(BUCKETS - 1, Math.floor(bound * BUCKET_SCALE));
const COVERAGE_POINTS = WEIGHTS.skills * (1 - GRADUATE_SHARE);
const SHARE_POINTS = WEIGHTS.skills * GRADUATE_SHARE;

const weightOf = (meta: number) => (meta & ESSENTIAL_BIT ? WEIGHTS.essential : WEIGHTS.optional);
const metaOf = (skill: MatchJob['requiredSkills'][number]) =>
  (skill.importance === 'essential' ? ESSENTIAL_BIT : 0) | (skill.minProficiency - 1);

/** A growable pair of arrays, in slot order: slots and their posting's importance + minimum proficiency. */
class PostingList {
  slots = new Int32Array(4);
  metas = new Uint8Array(4);
  size = 0;

  insertAt(position: number, slot: number, meta: number): void {
    if (this.size === this.slots.length) {
      const slots = new Int32Array(this.size * 2);
      slots.set(this.slots);
      this.slots = slots;
      const metas = new Uint8Array(this.size * 2);
      metas.set(this.metas);
      this.metas = metas;
    }
    this.slots.copyWithin(position + 1, position, this.size);
    this.metas.copyWithin(position + 1, position, this.size);
    this.slots[position] = slot;
    this.metas[position] = meta;
    this.size++;
  }

  /** Where a slot is, or goes (slots are appended in increasing order on a bulk load, so this is mostly the end). */
  find(slot: number): number {
    let low = 0;
    let high = this.size;
    if (high > 0 && this.slots[high - 1]! < slot) return high;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.slots[middle]! < slot) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  removeAt(position: number): void {
    this.slots.copyWithin(position, position + 1, this.size);
    this.metas.copyWithin(position, position + 1, this.size);
    this.size--;
  }
}

function grow<T extends Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * What one query knows about the skills a posting can hold a covered job under, in flat arrays indexed by
 * reach number (the hot loop scores thousands of jobs a query, so no maps and no objects there): each skill's credit
 * at each minimum proficiency, the held skills near it and how much each counts as relevant (1 for the skill itself,
 * its relation credit for a neighbour), as `relevantSkillWeight` counts them.
 */
interface Reach {
  /** Skill numbers in reach order. */
  skills: number[];
  /** reach × 4 + minimum proficiency − 1 → credit. */
  credits: Float64Array;
  /** The held skills near reach r are nearHeld[nearStart[r]] … nearHeld[nearStart[r + 1] − 1]. */
  nearStart: Int32Array;
  nearHeld: Int32Array;
  nearWeight: Float64Array;
}

export interface TopJobs {
  matches: Array<JobMatch & { postedAt: string }>;
  stats: RankingStats;
}

/** The best location score a job in a partition can have for this profile. */
export function bestLocationScore(profile: MatchProfile, partition: RegionPartition): number {
  if (partition === 'remote') return LOCATION_SCORE[profile.openToRemote ? 'remote' : 'remote-not-wanted'];
  return profile.preferredPlaces.length === 0 ? LOCATION_SCORE['no-preference'] : LOCATION_SCORE['same-city'];
}

export class CompactJobIndex implements JobIndexReader {
  #slotOf = new Map<string, number>();
  #ids: Array<string | undefined> = [];
  #free: number[] = [];
  #version = new Uint32Array(1024);
  #totalWeight = new Uint16Array(1024);
  #place = new Uint32Array(1024);
  #minEqf = new Uint8Array(1024);
  #minChina = new Uint8Array(1024);
  #postedAt = new Float64Array(1024);
  /** Posting dates that `toISOString()` would not give back as written. */
  #postedAtText = new Map<number, string>();
  #forwardStart = new Uint32Array(1024);
  #forwardLength = new Uint8Array(1024);
  /** Per required skill: skill number << 3 | importance and minimum proficiency. */
  #forward = new Int32Array(4096);
  #forwardEnd = 0;
  #forwardGarbage = 0;
  #skillOf = new Map<string, number>();
  #skillUris: string[] = [];
  #lists: Array<PostingList | undefined> = [];
  #placeOf = new Map<string, number>();
  #places: Array<MatchJob['place']> = [];
  /** The few jobs that ask for a standard level, by slot (their level points are not shared through the cache). */
  #standardOf = new Map<number, NonNullable<MatchJob['requiredStandardLevel']>>();
  /** Per slot, for the current query: the bound phase 1 accumulated (0 = not met; reset after the query). */
  #gain = new Float64Array(1024);
  /** The slots phase 1 met, in the order met; then the same slots by bucket of their bound (see `#bucketOrder`). */
  #touched = new Int32Array(1024);
  #order = new Int32Array(1024);
  /** Where each bound bucket starts in #order. */
  #bucketStart = new Int32Array(BUCKETS + 1);
  /** Per skill number, for the current query (valid where #reachStamp holds its stamp): its reach number. */
  #reachOf = new Int32Array(1024);
  #reachStamp = new Uint32Array(1024);
  #stamp = 0;

  get size(): number {
    return this.#slotOf.size;
  }

  put(job: MatchJob): void {
    this.remove(job.id);
    const slot = this.#free.pop() ?? this.#ids.length;
    this.#ensureSlots(slot + 1);
    this.#ids[slot] = job.id;
    this.#slotOf.set(job.id, slot);
    this.#version[slot] = job.version;
    this.#totalWeight[slot] = totalSkillWeight(job);
    this.#place[slot] = this.#placeNumber(job.place);
    this.#minEqf[slot] = job.minEqfLevel ?? 0;
    this.#minChina[slot] = job.minChinaSkillLevel ?? 0;
    if (job.requiredStandardLevel) this.#standardOf.set(slot, job.requiredStandardLevel);
    else this.#standardOf.delete(slot);
    const postedAt = Date.parse(job.postedAt);
    this.#postedAt[slot] = postedAt;
    if (Number.isNaN(postedAt) || new Date(postedAt).toISOString() !== job.postedAt)
      this.#postedAtText.set(slot, job.postedAt);
    const count = job.requiredSkills.length;
    if (this.#forwardEnd + count > this.#forward.length && this.#forwardGarbage > this.#forwardEnd / 2)
      this.#compactForward();
    this.#forward = grow(this.#forward, this.#forwardEnd + count);
    this.#forwardStart[slot] = this.#forwardEnd;
    this.#forwardLength[slot] = count;
    const partition = PARTITION_NUMBER.get(partitionOfJob(job))!;
    for (const skill of job.requiredSkills) {
      const skillNumber = this.#skillNumber(skill.uri);
      const meta = metaOf(skill);
      this.#forward[this.#forwardEnd++] = (skillNumber << 3) | meta;
      const key = skillNumber * PARTITIONS + partition;
      const list = this.#lists[key] ?? new PostingList();
      this.#lists[key] = list;
      list.insertAt(list.find(slot), slot, meta);
    }
  }

  remove(jobId: string): void {
    const slot = this.#slotOf.get(jobId);
    if (slot === undefined) return;
    const partition = PARTITION_NUMBER.get(partitionOfJob({ place: this.#places[this.#place[slot]!]! }))!;
    const start = this.#forwardStart[slot]!;
    for (let i = start; i < start + this.#forwardLength[slot]!; i++) {
      const entry = this.#forward[i]!;
      const list = this.#lists[(entry >> 3) * PARTITIONS + partition]!;
      list.removeAt(list.find(slot));
    }
    this.#forwardGarbage += this.#forwardLength[slot]!;
    this.#forwardLength[slot] = 0;
    this.#postedAtText.delete(slot);
    this.#standardOf.delete(slot);
    this.#slotOf.delete(jobId);
    this.#ids[slot] = undefined;
    this.#free.push(slot);
  }

  /** The JobIndexReader view (postings as objects, in impact order), for the generic ranking path. */
  async postings(skillUri: string, partition: RegionPartition): Promise<readonly JobPosting[]> {
    const skill = this.#skillOf.get(skillUri);
    const list = skill === undefined ? undefined : this.#lists[skill * PARTITIONS + PARTITION_NUMBER.get(partition)!];
    if (!list) return [];
    return Array.from({ length: list.size }, (_, i) => {
      const meta = list.metas[i]!;
      return {
        jobId: this.#ids[list.slots[i]!]!,
        importance: meta & ESSENTIAL_BIT ? 'essential' : 'optional',
        minProficiency: ((meta & 3) + 1) as Proficiency,
        totalWeight: this.#totalWeight[list.slots[i]!]!,
      };
    });
  }

  async loadJobs(jobIds: readonly string[]): Promise<MatchJob[]> {
    return jobIds.flatMap((id) => {
      const slot = this.#slotOf.get(id);
      return slot === undefined ? [] : [this.#jobAt(slot)];
    });
  }

  /** A profile's top-k jobs, exactly as `bruteForceTopJobs` ranks them (see the class comment for how). */
  topJobs(profile: MatchProfile, graph: SkillGraph, k: number): TopJobs {
    const skills = profileSkillMap(profile);
    const held = [...skills.keys()];
    const heldNumber = new Map(held.map((uri, i) => [uri, i]));
    const stamp = this.#nextStamp();
    const reach = this.#reach(skills, heldNumber, graph, stamp);

    const partitions = partitionsOfInterest(profile).map((p) => PARTITION_NUMBER.get(p)!);
    const locationPoints = new Float64Array(this.#places.length).fill(Number.NaN);
    const exactScore = this.#scorer(profile, skills.size, reach, stamp, locationPoints);
    // The most place and level can add to a job in each partition.
    const otherParts = new Float64Array(PARTITIONS);
    for (const p of partitions)
      otherParts[p] = WEIGHTS.location * bestLocationScore(profile, REGION_PARTITIONS[p]!) + WEIGHTS.level;

    // Phase 1, postings only (sequential reads, one accumulator a job): each job met gets a bound on its score, the
    // exact coverage points its postings earn, plus the share points each of its lists can make relevant, plus the
    // most place and level can add in its partition. A job no list holds is not covered, so it is not a match.
    const gain = this.#gain;
    const touched = this.#touched;
    const totalWeight = this.#totalWeight;
    const { credits, nearStart, nearWeight } = reach;
    let candidates = 0;
    let postingsRead = 0;
    for (let r = 0; r < reach.skills.length; r++) {
      const skill = reach.skills[r]!;
      let near = 0;
      for (let n = nearStart[r]!; n < nearStart[r + 1]!; n++) near += nearWeight[n]!;
      const share = skills.size === 0 ? 0 : (SHARE_POINTS * near) / skills.size;
      const creditsAt = r * 4;
      for (const partition of partitions) {
        const list = this.#lists[skill * PARTITIONS + partition];
        if (!list || list.size === 0) continue;
        const { slots, metas, size } = list;
        const other = otherParts[partition]!;
        postingsRead += size;
        for (let i = 0; i < size; i++) {
          const slot = slots[i]!;
          const meta = metas[i]!;
          const points =
            (COVERAGE_POINTS * credits[creditsAt + (meta & 3)]! * weightOf(meta)) /
              (totalWeight[slot]! + SKILL_PRIOR_WEIGHT) +
            share;
          const before = gain[slot]!;
          if (before === 0) {
            touched[candidates++] = slot;
            gain[slot] = other + points;
          } else gain[slot] = before + points;
        }
      }
    }

    // Phase 2: score jobs exactly (random access to their forward lists) best bound first, in buckets of 0.1 points,
    // until no bound left can reach the k-th score so far: the work is bounded by what can still enter the top k.
    const order = this.#bucketOrder(candidates);
    const counts = this.#bucketStart;
    const best: number[] = [];
    const scored: Array<{ slot: number; score: number }> = [];
    let bar = Number.NEGATIVE_INFINITY;
    let exact = 0;
    for (let bucket = BUCKETS - 1; bucket >= 0; bucket--) {
      const ceiling = bucket === BUCKETS - 1 ? Number.POSITIVE_INFINITY : (bucket + 1) / BUCKET_SCALE;
      if (ceiling + FLOAT_GUARD < bar) break;
      for (let i = counts[bucket]!; i < counts[bucket + 1]!; i++) {
        const slot = order[i]!;
        exact++;
        const score = exactScore(slot);
        if (score === undefined || score < bar) continue;
        scored.push({ slot, score });
        if (best.length < k) heapPush(best, score);
        else if (score > best[0]!) heapReplaceTop(best, score);
        if (best.length === k) bar = Math.round(best[0]! * 10) / 10 - ROUNDING_SLACK - FLOAT_GUARD;
      }
    }
    for (let i = 0; i < candidates; i++) gain[touched[i]!] = 0;

    const finalists = scored.filter((s) => s.score >= bar).sort((a, b) => b.score - a.score);
    const matches = finalists
      .map(({ slot }) => {
        const job = this.#jobAt(slot);
        return { ...scoreJobForProfile(profile, job, graph, skills), postedAt: job.postedAt };
      })
      .filter((m) => m.eligible)
      .sort((a, b) =>
        compareMatches(
          { score: a.score, postedAt: a.postedAt, id: a.jobId },
          { score: b.score, postedAt: b.postedAt, id: b.jobId },
        ),
      )
      .slice(0, k);
    return { matches, stats: { postingsRead, candidates, scored: exact } };
  }

  /** Numbers the skills within reach of the held ones (the held skills and their neighbours) for one query. */
  #reach(
    skills: ReturnType<typeof profileSkillMap>,
    heldNumber: ReadonlyMap<string, number>,
    graph: SkillGraph,
    stamp: number,
  ): Reach {
    const uris: string[] = [];
    const consider = (uri: string) => {
      const number = this.#skillOf.get(uri);
      if (number === undefined || this.#reachStamp[number] === stamp) return;
      this.#reachStamp[number] = stamp;
      this.#reachOf[number] = uris.length;
      uris.push(uri);
    };
    for (const uri of heldNumber.keys()) {
      consider(uri);
      for (const neighbour of graph.relatedSkills(uri)) consider(neighbour.uri);
    }
    const credits = new Float64Array(uris.length * 4);
    const nearStart = new Int32Array(uris.length + 1);
    const nearHeld: number[] = [];
    const nearWeight: number[] = [];
    for (const [r, uri] of uris.entries()) {
      // Only a skill held itself earns a credit that depends on the minimum proficiency; a neighbour's does not.
      for (let proficiency = 1; proficiency <= 4; proficiency++)
        credits[r * 4 + proficiency - 1] =
          proficiency > 1 && !skills.has(uri)
            ? credits[r * 4]!
            : creditForRequiredSkill(
                skills,
                { uri, importance: 'essential', minProficiency: proficiency as Proficiency },
                graph,
              ).credit;
      const weights = new Map<number, number>();
      const relate = (u: string, weight: number) => {
        const h = heldNumber.get(u);
        if (h !== undefined) weights.set(h, Math.max(weights.get(h) ?? 0, weight));
      };
      relate(uri, 1);
      for (const n of graph.relatedSkills(uri)) relate(n.uri, RELATION_CREDIT[n.kind]);
      nearHeld.push(...weights.keys());
      nearWeight.push(...weights.values());
      nearStart[r + 1] = nearHeld.length;
    }
    return {
      skills: uris.map((uri) => this.#skillOf.get(uri)!),
      credits,
      nearStart,
      nearHeld: Int32Array.from(nearHeld),
      nearWeight: Float64Array.from(nearWeight),
    };
  }

  /** The exact unrounded score of a slot for this profile, from the typed arrays; undefined when nothing is covered. */
  #scorer(
    profile: MatchProfile,
    heldCount: number,
    reach: Reach,
    stamp: number,
    locationPoints: Float64Array,
  ): (slot: number) => number | undefined {
    const seenHeld = new Uint32Array(heldCount);
    const heldWeight = new Float64Array(heldCount);
    // Level points by the job's (EQF, China level) requirement: EQF ≤ 8 and China level ≤ 5, keyed EQF × 8 + China.
    const levelPoints = new Float64Array(9 * 8).fill(Number.NaN);
    const { credits, nearStart, nearHeld, nearWeight } = reach;
    const reachOf = this.#reachOf;
    const reachStamp = this.#reachStamp;
    const forward = this.#forward;
    let job = 0;
    return (slot) => {
      job++;
      let earned = 0;
      let relevant = 0;
      let covered = false;
      const start = this.#forwardStart[slot]!;
      const end = start + this.#forwardLength[slot]!;
      for (let i = start; i < end; i++) {
        const entry = forward[i]!;
        const skill = entry >> 3;
        // A skill no held skill reaches earns nothing (its credit is 0, which adds nothing to the sum either).
        if (reachStamp[skill] !== stamp) continue;
        const r = reachOf[skill]!;
        const credit = credits[r * 4 + (entry & 3)]!;
        if (credit > 0) covered = true;
        earned += credit * weightOf(entry);
        // A held skill counts once per job, at the most any of the job's skills makes it relevant.
        for (let n = nearStart[r]!; n < nearStart[r + 1]!; n++) {
          const h = nearHeld[n]!;
          const weight = nearWeight[n]!;
          const before = seenHeld[h] === job ? heldWeight[h]! : 0;
          if (weight <= before) continue;
          seenHeld[h] = job;
          heldWeight[h] = weight;
          relevant += weight - before;
        }
      }
      if (!covered) return undefined;
      const place = this.#place[slot]!;
      let location = locationPoints[place]!;
      if (Number.isNaN(location)) {
        location = WEIGHTS.location * LOCATION_SCORE[locationTier(profile, { place: this.#places[place]! })];
        locationPoints[place] = location;
      }
      const levelKey = this.#minEqf[slot]! * 8 + this.#minChina[slot]!;
      let level = this.#standardOf.has(slot) ? Number.NaN : levelPoints[levelKey]!;
      if (Number.isNaN(level)) {
        level = WEIGHTS.level * levelFits(profile, this.#levelsOf(slot)).score;
        // A job asking a standard level scores per graduate's credentials, so its level points are not shared.
        if (!this.#standardOf.has(slot)) levelPoints[levelKey] = level;
      }
      return skillPoints(earned, this.#totalWeight[slot]!, relevant, heldCount) + location + level;
    };
  }

  #levelsOf(slot: number): Pick<MatchJob, 'minEqfLevel' | 'minChinaSkillLevel' | 'requiredStandardLevel'> {
    const eqf = this.#minEqf[slot]!;
    const china = this.#minChina[slot]!;
    const standard = this.#standardOf.get(slot);
    return {
      ...(standard ? { requiredStandardLevel: standard } : {}),
      ...(eqf > 0 ? { minEqfLevel: eqf } : {}),
      ...(china > 0 ? { minChinaSkillLevel: china as NonNullable<MatchJob['minChinaSkillLevel']> } : {}),
    };
  }

  #jobAt(slot: number): MatchJob {
    const start = this.#forwardStart[slot]!;
    const requiredSkills = Array.from(this.#forward.subarray(start, start + this.#forwardLength[slot]!), (entry) => ({
      uri: this.#skillUris[entry >> 3]!,
      importance: entry & ESSENTIAL_BIT ? ('essential' as const) : ('optional' as const),
      minProficiency: ((entry & 3) + 1) as Proficiency,
    }));
    return {
      id: this.#ids[slot]!,
      version: this.#version[slot]!,
      requiredSkills,
      place: this.#places[this.#place[slot]!]!,
      ...this.#levelsOf(slot),
      postedAt: this.#postedAtText.get(slot) ?? new Date(this.#postedAt[slot]!).toISOString(),
    };
  }

  #nextStamp(): number {
    this.#gain = grow(this.#gain, this.#ids.length);
    this.#touched = grow(this.#touched, this.#ids.length);
    this.#order = grow(this.#order, this.#ids.length);
    this.#reachOf = grow(this.#reachOf, this.#skillUris.length);
    this.#reachStamp = grow(this.#reachStamp, this.#skillUris.length);
    if (this.#stamp === 0xffffffff) {
      this.#reachStamp.fill(0);
      this.#stamp = 0;
    }
    return ++this.#stamp;
  }

  /** Counting sort of the first `count` touched slots by bucket of their bound (floor of 10 × bound, capped). */
  #bucketOrder(count: number): Int32Array {
    const start = this.#bucketStart.fill(0);
    const touched = this.#touched;
    const gain = this.#gain;
    const order = this.#order;
    for (let i = 0; i < count; i++) start[bucketOf(gain[touched[i]!]!) + 1]!++;
    for (let b = 0; b < BUCKETS; b++) start[b + 1]! += start[b]!;
    // Fill each bucket from its start; the starts are restored by the pass after.
    for (let i = 0; i < count; i++) {
      const slot = touched[i]!;
      order[start[bucketOf(gain[slot]!)]!++] = slot;
    }
    for (let b = BUCKETS; b > 0; b--) start[b] = start[b - 1]!;
    start[0] = 0;
    return order;
  }

  #skillNumber(uri: string): number {
    let number = this.#skillOf.get(uri);
    if (number === undefined) {
      number = this.#skillUris.length;
      this.#skillUris.push(uri);
      this.#skillOf.set(uri, number);
    }
    return number;
  }

  #placeNumber(place: MatchJob['place']): number {
    const key =
      place.kind === 'delta' ? place.cityCode : place.kind === 'remote' ? 'remote' : `${place.country}|${place.city}`;
    let number = this.#placeOf.get(key);
    if (number === undefined) {
      number = this.#places.length;
      this.#places.push(place);
      this.#placeOf.set(key, number);
    }
    return number;
  }

  #ensureSlots(size: number): void {
    this.#version = grow(this.#version, size);
    this.#totalWeight = grow(this.#totalWeight, size);
    this.#place = grow(this.#place, size);
    this.#minEqf = grow(this.#minEqf, size);
    this.#minChina = grow(this.#minChina, size);
    this.#postedAt = grow(this.#postedAt, size);
    this.#forwardStart = grow(this.#forwardStart, size);
    this.#forwardLength = grow(this.#forwardLength, size);
  }

  /** Drops the forward entries of removed and replaced jobs. */
  #compactForward(): void {
    const compacted = new Int32Array(Math.max(4096, (this.#forwardEnd - this.#forwardGarbage) * 2));
    let end = 0;
    for (let slot = 0; slot < this.#ids.length; slot++) {
      if (this.#ids[slot] === undefined) continue;
      const start = this.#forwardStart[slot]!;
      const length = this.#forwardLength[slot]!;
      compacted.set(this.#forward.subarray(start, start + length), end);
      this.#forwardStart[slot] = end;
      end += length;
    }
    this.#forward = compacted;
    this.#forwardEnd = end;
    this.#forwardGarbage = 0;
  }
}

function heapPush(heap: number[], value: number): void {
  heap.push(value);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]! <= heap[i]!) break;
    [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
    i = parent;
  }
}

function heapReplaceTop(heap: number[], value: number): void {
  heap[0] = value;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && heap[left]! < heap[smallest]!) smallest = left;
    if (right < heap.length && heap[right]! < heap[smallest]!) smallest = right;
    if (smallest === i) return;
    [heap[smallest], heap[i]] = [heap[i]!, heap[smallest]!];
    i = smallest;
  }
}
