import type { RegionPartition } from '@skillpass/domain';
import { type GraduateIndexReader, postingsOfProfile } from './ranking.ts';
import type { MatchProfile } from './types.ts';

/** The skill → graduates index held in memory. */
export class InMemoryGraduateIndex implements GraduateIndexReader {
  readonly #postings = new Map<string, Set<string>>();
  readonly #profiles = new Map<string, MatchProfile>();

  put(profile: MatchProfile): void {
    this.remove(profile.id);
    this.#profiles.set(profile.id, profile);
    for (const { skillUri, partition } of postingsOfProfile(profile)) {
      const key = `${partition}|${skillUri}`;
      const set = this.#postings.get(key) ?? new Set<string>();
      this.#postings.set(key, set);
      set.add(profile.id);
    }
  }

  remove(profileId: string): void {
    const profile = this.#profiles.get(profileId);
    if (!profile) return;
    for (const { skillUri, partition } of postingsOfProfile(profile))
      this.#postings.get(`${partition}|${skillUri}`)?.delete(profileId);
    this.#profiles.delete(profileId);
  }

  async graduateIds(skillUri: string, partition: RegionPartition): Promise<readonly string[]> {
    return [...(this.#postings.get(`${partition}|${skillUri}`) ?? [])];
  }

  async loadProfiles(ids: readonly string[]): Promise<MatchProfile[]> {
    return ids.flatMap((id) => {
      const profile = this.#profiles.get(id);
      return profile ? [profile] : [];
    });
  }
}
