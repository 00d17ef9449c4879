import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { SkillLevelStandard, StandardVersion } from '@skillpass/domain';
import type { Table } from '../client.ts';
import { entities, itemOf, partitions, sortKeyPrefixes } from '../entities.ts';
import { ConditionalWriteFailed, getLiveItem, queryAll, recordOf, type StoredItem } from '../items.ts';

/** A standard's head with every version (oldest first), each carrying its review. */
export interface StandardWithVersions {
  standard: SkillLevelStandard;
  versions: StandardVersion[];
}

/**
 * Shared skill-level standards. Every write is one transaction of the head and one version, each conditional:
 * a version is written once when proposed (absent before) and once when reviewed (still `proposed`), the head only
 * at the version it was read at, so two racing proposals or reviews cannot both win and a published version is
 * never written again.
 */
export interface StandardRepository {
  list(): Promise<SkillLevelStandard[]>;
  /** The standards of one occupation (the index is sorted by occupation first). */
  listOfOccupation(occupationUri: string): Promise<SkillLevelStandard[]>;
  get(standardId: string): Promise<StandardWithVersions | undefined>;
  /** A new standard with its first (proposed) version; `conflict` when the id is taken. */
  create(standard: SkillLevelStandard, first: StandardVersion): Promise<void>;
  /** A new proposed version and the head pointing at it, if the head is still at `expectedHeadVersion`. */
  addVersion(standard: SkillLevelStandard, version: StandardVersion, expectedHeadVersion: number): Promise<void>;
  /** The reviewed version and the head after the review, if the version is still proposed and the head unchanged. */
  review(standard: SkillLevelStandard, version: StandardVersion, expectedHeadVersion: number): Promise<void>;
}

const headItem = (standard: SkillLevelStandard) =>
  itemOf(entities.SkillLevelStandard, entities.SkillLevelStandard.key(standard.standardId), standard, standard);
const versionItem = (version: StandardVersion) =>
  itemOf(entities.StandardVersion, entities.StandardVersion.key(version.standardId, version.number), version);

export class DynamoStandardRepository implements StandardRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  async list(): Promise<SkillLevelStandard[]> {
    const items = await queryAll(this.table, { index: 'GSI1', partitionKey: partitions.allStandards() });
    return items.map((item) => recordOf<SkillLevelStandard>(item));
  }

  async listOfOccupation(occupationUri: string): Promise<SkillLevelStandard[]> {
    const items = await queryAll(this.table, {
      index: 'GSI1',
      partitionKey: partitions.allStandards(),
      sortKeyBeginsWith: `${occupationUri}#`,
    });
    return items.map((item) => recordOf<SkillLevelStandard>(item));
  }

  async get(standardId: string): Promise<StandardWithVersions | undefined> {
    const head = await getLiveItem(this.table, entities.SkillLevelStandard.key(standardId), this.clock());
    if (!head) return undefined;
    const items = await queryAll(this.table, { partitionKey: partitions.standard(standardId) });
    const versions = items
      .filter((item) => item.SK.startsWith(sortKeyPrefixes.standardVersion))
      .map((item) => recordOf<StandardVersion>(item))
      .sort((a, b) => a.number - b.number);
    return { standard: recordOf<SkillLevelStandard>(head), versions };
  }

  create(standard: SkillLevelStandard, first: StandardVersion): Promise<void> {
    return this.#write(
      [
        { item: headItem(standard), condition: 'attribute_not_exists(PK)' },
        { item: versionItem(first), condition: 'attribute_not_exists(PK)' },
      ],
      new ConditionalWriteFailed('conflict', 'A standard with that id already exists.'),
    );
  }

  addVersion(standard: SkillLevelStandard, version: StandardVersion, expectedHeadVersion: number): Promise<void> {
    return this.#write(
      [
        { item: headItem(standard), condition: 'version = :expected', values: { ':expected': expectedHeadVersion } },
        { item: versionItem(version), condition: 'attribute_not_exists(PK)' },
      ],
      new ConditionalWriteFailed('precondition-failed', 'The standard changed since it was read.'),
    );
  }

  review(standard: SkillLevelStandard, version: StandardVersion, expectedHeadVersion: number): Promise<void> {
    return this.#write(
      [
        { item: headItem(standard), condition: 'version = :expected', values: { ':expected': expectedHeadVersion } },
        {
          item: versionItem(version),
          condition: '#status = :proposed',
          values: { ':proposed': 'proposed' },
          names: { '#status': 'status' },
        },
      ],
      new ConditionalWriteFailed('precondition-failed', 'The standard changed since it was read.'),
    );
  }

  async #write(
    puts: Array<{
      item: StoredItem;
      condition: string;
      values?: Record<string, unknown>;
      names?: Record<string, string>;
    }>,
    lost: ConditionalWriteFailed,
  ): Promise<void> {
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: puts.map(({ item, condition, values, names }) => ({
            Put: {
              TableName: this.table.name,
              Item: item,
              ConditionExpression: condition,
              ...(values ? { ExpressionAttributeValues: values } : {}),
              ...(names ? { ExpressionAttributeNames: names } : {}),
            },
          })),
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw lost;
      throw error;
    }
  }
}
