import type { Table } from '../client.ts';
import { entities, itemOf } from '../entities.ts';
import { deleteItem, getLiveItem, putItems, recordOf } from '../items.ts';

/** What a graduate chose to keep of a career assessment: the answers; the suggestions are recomputed from them. */
export interface SavedCareerAssessment {
  graduateId: string;
  instrument: string;
  ratings: Record<string, number>;
  especially: string[];
  savedAt: string;
}

/**
 * Saved career assessments, one per graduate, in the graduate's partition: exported and erased with their data,
 * and read by no route but the graduate's own.
 */
export interface CareerAssessmentRepository {
  save(assessment: SavedCareerAssessment): Promise<void>;
  get(graduateId: string): Promise<SavedCareerAssessment | undefined>;
  delete(graduateId: string): Promise<void>;
}

export class DynamoCareerAssessmentRepository implements CareerAssessmentRepository {
  constructor(
    private readonly table: Table,
    private readonly clock: () => Date,
  ) {}

  async save(assessment: SavedCareerAssessment): Promise<void> {
    const key = entities.CareerAssessment.key(assessment.graduateId);
    // A later save replaces the earlier one: last answers win, there is no history to keep.
    await putItems(this.table, [itemOf(entities.CareerAssessment, key, assessment)]);
  }

  async get(graduateId: string): Promise<SavedCareerAssessment | undefined> {
    const item = await getLiveItem(this.table, entities.CareerAssessment.key(graduateId), this.clock());
    return item ? recordOf<SavedCareerAssessment>(item) : undefined;
  }

  async delete(graduateId: string): Promise<void> {
    await deleteItem(this.table, entities.CareerAssessment.key(graduateId));
  }
}
