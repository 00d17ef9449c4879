import { isJobOpen, type RegionPartition } from '@skillpass/domain';
import { byImpactOrder, type ImpactPosting, partitionOfJob, postingImpact, postingsOfJob } from '@skillpass/matching';
import { type MatchingDeps, toMatchJob } from '@skillpass/services';
import type { GraduatePosting, JobPostingEntry, JobPostingPage } from '@skillpass/store';

type Index = MatchingDeps['matchingIndex'];
type GraduateEntry = Awaited<ReturnType<Index['graduateIdsForSkill']>>[number];

/**
 * One side of the skill index (skill and partition → entries by id) as read so far, kept in step
 * with the writes made through it: a list is queried once, then served from memory.
 */
class ListMirror<E> {
  private readonly lists = new Map<string, Map<string, E>>();
  private readonly reading = new Map<string, Promise<Map<string, E>>>();
  /** Lists written to while their first read was in flight: that read may predate the write, so it is not kept. */
  private readonly dirty = new Set<string>();
  /** Which mirrored lists hold an id, so a write can take it out of those it left. */
  private readonly listsOf = new Map<string, Set<string>>();
  /** Every list is mirrored (seeded whole): one not held is empty, and is not queried. */
  private complete = false;

  /** Mirrors the whole side at once, from entries by list. */
  seed(entries: Iterable<readonly [key: string, id: string, entry: E]>): void {
    this.complete = true;
    for (const [key, id, entry] of entries) {
      const list = this.lists.get(key) ?? new Map<string, E>();
      list.set(id, entry);
      this.lists.set(key, list);
      this.holds(id).add(key);
    }
  }

  async read(key: string, load: () => Promise<E[]>, idOf: (entry: E) => string): Promise<E[]> {
    const known = this.lists.get(key);
    if (known) return [...known.values()];
    if (this.complete) return [];
    let pending = this.reading.get(key);
    if (!pending) {
      this.dirty.delete(key);
      pending = load().then((entries) => new Map(entries.map((e) => [idOf(e), e])));
      this.reading.set(key, pending);
      pending
        .then((list) => {
          if (this.reading.get(key) !== pending) return;
          this.reading.delete(key);
          if (this.dirty.has(key)) return;
          this.lists.set(key, list);
          for (const id of list.keys()) this.holds(id).add(key);
        })
        .catch(() => this.reading.delete(key));
    }
    return [...(await pending).values()];
  }

  /** After an id's entries were written: it is in exactly the lists `entries` names (and no others). */
  replace(id: string, entries: ReadonlyMap<string, E>): void {
    for (const key of this.holds(id)) if (!entries.has(key)) this.lists.get(key)?.delete(id);
    // A read in flight may have been served before this write (adding or removing the id): not kept.
    for (const key of this.reading.keys()) this.dirty.add(key);
    const holds = new Set<string>();
    for (const [key, entry] of entries) {
      let list = this.lists.get(key);
      if (!list && this.complete) {
        list = new Map();
        this.lists.set(key, list);
      }
      if (!list) continue;
      list.set(id, entry);
      holds.add(key);
    }
    this.listsOf.set(id, holds);
  }

  /** The lists an id is in and its entry in each, as mirrored: all of them once the side is seeded whole. */
  entriesOf(id: string): Array<[key: string, entry: E]> {
    return [...this.holds(id)].flatMap((key) => {
      const entry = this.lists.get(key)?.get(id);
      return entry === undefined ? [] : [[key, entry] as [string, E]];
    });
  }

  private holds(id: string): Set<string> {
    let keys = this.listsOf.get(id);
    if (!keys) {
      keys = new Set();
      this.listsOf.set(id, keys);
    }
    return keys;
  }
}

const keyOf = (skillUri: string, partition: RegionPartition) => `${partition} ${skillUri}`;
/** The skill and partition of a key (a partition never holds a space, nor does a skill URI). */
const unkey = (key: string) => {
  const at = key.indexOf(' ');
  return { partition: key.slice(0, at) as RegionPartition, skillUri: key.slice(at + 1) };
};

/**
 * A page of a mirrored list in the order GSI1 keeps it (impact descending, then job id), after the posting `after`
 * names: a position by value, not by offset, so a page read is right however the list changed since the last one.
 */
function impactPage(entries: readonly JobPostingEntry[], page: { limit: number; after?: string }): JobPostingPage {
  const ordered: ImpactPosting[] = entries
    .map((entry) => ({ ...entry, impact: postingImpact(entry) }))
    .sort(byImpactOrder);
  const after = page.after === undefined ? undefined : (JSON.parse(page.after) as { impact: number; jobId: string });
  const from = after ? ordered.findIndex((p) => byImpactOrder(p, { ...p, ...after }) > 0) : 0;
  const rest = from < 0 ? [] : ordered.slice(from);
  const postings = rest.slice(0, page.limit);
  const last = postings.at(-1);
  return {
    postings: postings.map(({ jobId, importance, minProficiency, totalWeight, impact }) => ({
      jobId,
      importance,
      minProficiency,
      totalWeight,
      impact,
    })),
    ...(rest.length > page.limit && last ? { next: JSON.stringify({ impact: last.impact, jobId: last.jobId }) } : {}),
  };
}

/**
 * The same deps with the skill → jobs and skill → graduates postings mirrored in memory across
 * batches: a busy batch otherwise queries thousands of (skill, partition) lists, most of them empty
 * or the same as the batch before. Both sides are mirrored whole at the start, so an empty list costs
 * no query: the job side from the open jobs (a job not yet indexed is there early, which only
 * anticipates its own event), the graduate side from the stored postings (one scan). A graduate's
 * postings are then rewritten from what the mirror holds, without querying them first, and only those
 * that changed. Correct while these deps are the only writer of postings, which the local dispatcher
 * is (the API never writes them); an erasure elsewhere may leave an erased graduate's id behind, which
 * costs nothing, because profiles are read by id before they are scored (and deleting a posting that
 * is gone is a no-op). The job side also serves the impact-ordered pages (GSI1's order) from memory.
 */
export async function withPostingsMirror<D extends MatchingDeps>(deps: D): Promise<D> {
  const index = deps.matchingIndex;
  const jobs = new ListMirror<JobPostingEntry>();
  const graduates = new ListMirror<GraduateEntry>();
  const [open, graduatePostings] = await Promise.all([openJobPostings(deps), index.allGraduatePostings()]);
  jobs.seed(open);
  graduates.seed(
    graduatePostings.map(
      ({ skillUri, partition, graduateId, discoverable }) =>
        [keyOf(skillUri, partition), graduateId, { graduateId, discoverable }] as const,
    ),
  );
  const jobList = (skillUri: string, partition: RegionPartition) =>
    jobs.read(
      keyOf(skillUri, partition),
      () => index.jobPostings(skillUri, partition),
      (e) => e.jobId,
    );
  const mirrored: Index = Object.assign(Object.create(index) as Index, {
    jobPostings: jobList,
    jobPostingsByImpact: async (
      skillUri: string,
      partition: RegionPartition,
      page: { limit: number; after?: string },
    ) => impactPage(await jobList(skillUri, partition), page),
    graduateIdsForSkill: (skillUri: string, partition: RegionPartition) =>
      graduates.read(
        keyOf(skillUri, partition),
        () => index.graduateIdsForSkill(skillUri, partition),
        (e) => e.graduateId,
      ),
    async syncJobPostings(...args: Parameters<Index['syncJobPostings']>) {
      const [jobId, current] = args;
      await index.syncJobPostings(...args);
      jobs.replace(
        jobId,
        new Map(
          (current?.postings ?? []).map(({ skillUri, importance, minProficiency, totalWeight }) => [
            keyOf(skillUri, current!.partition),
            { jobId, importance, minProficiency, totalWeight },
          ]),
        ),
      );
    },
    async syncGraduatePostings(...args: Parameters<Index['syncGraduatePostings']>) {
      const [graduateId, current] = args;
      const existing: GraduatePosting[] = graduates
        .entriesOf(graduateId)
        .map(([key, entry]) => ({ ...unkey(key), graduateId, discoverable: entry.discoverable }));
      await index.syncGraduatePostings(graduateId, current, existing);
      graduates.replace(
        graduateId,
        new Map(
          (current?.skills ?? []).flatMap((uri) =>
            current!.partitions.map((partition) => [
              keyOf(uri, partition),
              { graduateId, discoverable: current!.discoverable },
            ]),
          ),
        ),
      );
    },
  });
  return { ...deps, matchingIndex: mirrored };
}

/** The postings every open job has (as `indexJob` writes them), read from the open-jobs index page by page. */
async function openJobPostings(deps: MatchingDeps): Promise<Array<readonly [string, string, JobPostingEntry]>> {
  const now = deps.clock();
  const entries: Array<readonly [string, string, JobPostingEntry]> = [];
  let cursor: string | undefined;
  do {
    const page = await deps.jobs.searchOpen({ limit: 1_000, ...(cursor ? { cursor } : {}) });
    for (const job of page.items.filter((j) => isJobOpen(j, now))) {
      const open = toMatchJob(job);
      const partition = partitionOfJob(open);
      for (const { skillUri, posting } of postingsOfJob(open)) {
        const { importance, minProficiency, totalWeight } = posting;
        entries.push([
          keyOf(skillUri, partition),
          job.jobId,
          { jobId: job.jobId, importance, minProficiency, totalWeight },
        ]);
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}
