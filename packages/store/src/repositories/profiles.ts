import { DomainError, type GraduateProfile, type GraduateProfileInput } from '@skillpass/domain';
import type { Table } from '../client.ts';
import { entities, itemOf, partitions } from '../entities.ts';
import {
  createItem,
  deleteItems,
  getLiveItem,
  getLiveItems,
  isLive,
  putItems,
  queryAll,
  recordOf,
  replaceAtVersion,
  type StoredItem,
} from '../items.ts';
import { withOptimisticRetry } from '../optimistic.ts';
import { staleFloorItems } from './matching-index.ts';

/** A graduate's profile, and everything stored about a graduate as one whole (export, erasure). */
export interface ProfileRepository {
  get(graduateId: string): Promise<GraduateProfile | undefined>;
  /** Several profiles in one BatchGet (a page of applicants): absent ones are left out. */
  getMany(graduateIds: readonly string[]): Promise<Map<string, GraduateProfile>>;
  /**
   * Creates or changes the profile. With a `precondition` (the caller's If-Match), only if it accepts
   * the version read (412 otherwise).
   */
  update(
    graduateId: string,
    change: (current: GraduateProfile | undefined) => GraduateProfileInput,
    options?: { precondition?: (currentVersion: number | undefined) => boolean },
  ): Promise<{ profile: GraduateProfile; created: boolean }>;
  /** Replaces the credential-verified skills (and standard levels) of a profile; no write when nothing changed. */
  setVerifiedSkills(
    graduateId: string,
    verifiedSkills: GraduateProfile['verifiedSkills'],
    verifiedStandardLevels?: NonNullable<GraduateProfile['verifiedStandardLevels']>,
  ): Promise<void>;
  /** Deletes every item the graduate owns: their partition and what carries `owner` = them. */
  erase(graduateId: string): Promise<{ deletedItems: number }>;
  /** Every live item the graduate owns, grouped by entity. */
  export(graduateId: string): Promise<Record<string, unknown[]>>;
}

const profileItem = (profile: GraduateProfile) =>
  itemOf(entities.Profile, entities.Profile.key(profile.graduateId), profile);

export class DynamoProfileRepository implements ProfileRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  async get(graduateId: string): Promise<GraduateProfile | undefined> {
    const item = await getLiveItem(this.table, entities.Profile.key(graduateId), this.clock());
    return item ? recordOf<GraduateProfile>(item) : undefined;
  }

  async getMany(graduateIds: readonly string[]): Promise<Map<string, GraduateProfile>> {
    const keys = [...new Set(graduateIds)].map((id) => entities.Profile.key(id));
    const items = await getLiveItems(this.table, keys, this.clock());
    return new Map(items.map((item) => recordOf<GraduateProfile>(item)).map((p) => [p.graduateId, p]));
  }

  async update(
    graduateId: string,
    change: (current: GraduateProfile | undefined) => GraduateProfileInput,
    options: { precondition?: (currentVersion: number | undefined) => boolean } = {},
  ): Promise<{ profile: GraduateProfile; created: boolean }> {
    const { precondition } = options;
    const attempt = async () => {
      const current = await this.get(graduateId);
      if (precondition && !precondition(current?.version)) {
        throw new DomainError('precondition-failed', 'The profile changed since that version; read it again.');
      }
      const now = this.clock().toISOString();
      const profile: GraduateProfile = {
        verifiedSkills: current?.verifiedSkills ?? [],
        ...(current?.verifiedStandardLevels ? { verifiedStandardLevels: current.verifiedStandardLevels } : {}),
        ...change(current),
        graduateId,
        version: (current?.version ?? 0) + 1,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
      if (current) await replaceAtVersion(this.table, profileItem(profile), current.version);
      else await createItem(this.table, profileItem(profile), 'profile');
      return { profile, created: !current };
    };
    // Consumers also write the profile (verified skills), so a race is retried — unless the caller
    // set a precondition, in which case losing the race is the caller's answer.
    return precondition ? attempt() : withOptimisticRetry(attempt);
  }

  async setVerifiedSkills(
    graduateId: string,
    verifiedSkills: GraduateProfile['verifiedSkills'],
    verifiedStandardLevels: NonNullable<GraduateProfile['verifiedStandardLevels']> = [],
  ): Promise<void> {
    await withOptimisticRetry(async () => {
      const current = await this.get(graduateId);
      if (
        !current ||
        (JSON.stringify(current.verifiedSkills) === JSON.stringify(verifiedSkills) &&
          JSON.stringify(current.verifiedStandardLevels ?? []) === JSON.stringify(verifiedStandardLevels))
      ) {
        return;
      }
      const next = {
        ...current,
        verifiedSkills,
        verifiedStandardLevels,
        version: current.version + 1,
        updatedAt: this.clock().toISOString(),
      };
      await replaceAtVersion(this.table, profileItem(next), current.version);
    });
  }

  async #ownedItems(graduateId: string): Promise<StoredItem[]> {
    const [own, elsewhere] = await Promise.all([
      queryAll(this.table, { partitionKey: partitions.graduate(graduateId) }),
      queryAll(this.table, { index: 'ByOwner', partitionKey: partitions.ownedBy(graduateId) }),
    ]);
    return [...own, ...elsewhere];
  }

  async erase(graduateId: string): Promise<{ deletedItems: number }> {
    const items = await this.#ownedItems(graduateId);
    // The candidate lists the graduate leaves are marked stale first, so each is computed again when next read.
    const lists = items.filter((item) => item.entity === entities.Candidate.name).map((item) => String(item.jobId));
    await putItems(this.table, staleFloorItems(lists));
    await deleteItems(this.table, items);
    return { deletedItems: items.length };
  }

  async export(graduateId: string): Promise<Record<string, unknown[]>> {
    const now = this.clock();
    const grouped: Record<string, unknown[]> = {};
    for (const item of await this.#ownedItems(graduateId)) {
      if (!isLive(item, now)) continue;
      const entity = typeof item.entity === 'string' ? item.entity : 'Other';
      grouped[entity] = [...(grouped[entity] ?? []), recordOf(item)];
    }
    return grouped;
  }
}
